package org.cleanrank.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.cli.benchmark.BenchmarkData;
import org.cleanrank.cli.benchmark.BenchmarkFiles;
import org.cleanrank.cli.benchmark.BenchmarkRunner;
import org.cleanrank.cli.benchmark.DetectorEntry;
import org.cleanrank.cli.benchmark.Detectors;
import org.cleanrank.cli.benchmark.RunContext;
import org.cleanrank.cli.benchmark.RunSuspectedLabels;
import org.cleanrank.cli.report.AuditReportWriter;
import org.cleanrank.cli.report.DetectorOutcome;
import org.cleanrank.cli.report.IssueType;
import org.cleanrank.cli.report.SampleCatalog;
import org.cleanrank.dataset.CleanPatrickDataset;
import org.cleanrank.dataset.EmbeddingRows;
import org.cleanrank.dataset.ImageIndex;
import org.cleanrank.dataset.LoadOptions;
import org.cleanrank.dataset.PairLabels;
import org.cleanrank.eval.NearDuplicateEvaluation.AnnotatedPairs;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.vectorization.VectorizationProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "CleanPatrick's comparison on a dataset: every detector, the metric table, report.html.",
            "Runs every applicable detector per issue type, prints CleanPatrick's table and writes an audit report. Writes DIR/metrics.json, DIR/rankings/<issue>_<detector>.csv and DIR/report.html.",
            "Embedding detectors need --embeddings; image detectors need images (--images, default DATASET/images)."
        })
public final class BenchmarkCommand implements Callable<Integer> {
    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "DIR",
            description = "a CleanPatrick release: off_topic_samples.csv, near_duplicates.csv, label_errors.csv"
                    + " (+ fitzpatrick17k.csv), or the consolidated table (a folder or the .csv)")
    Path dataset;

    @Option(
            names = "--images",
            paramLabel = "DIR",
            description = "image folder (files named <md5hash>.<ext>, any depth);"
                    + " default: DATASET/images when it exists")
    Path images;

    @Option(names = "--embeddings", paramLabel = "E.npy", description = "N x D embeddings (float32/float64 .npy)")
    Path embeddings;

    @Option(
            names = "--ids",
            paramLabel = "IDS.csv",
            description = "the md5hash of each embedding row; default: E_ids.csv or"
                    + " embedding_ids.csv beside E.npy if present, else rows follow the metadata order")
    Path ids;

    @Option(
            names = "--metadata",
            paramLabel = "fitzpatrick17k.csv",
            description =
                    "Fitzpatrick17k's metadata CSV for the three-file release (default: found in DATASET or its parent)")
    Path metadata;

    @Option(
            names = "--labels-column",
            paramLabel = "C",
            description = "metadata column with the class labels"
                    + " (default: 'label' in fitzpatrick17k.csv, 'granular_partition_label' in the consolidated table)")
    String labelsColumn;

    @Mixin
    OutputFolderOption out;

    @Option(
            names = "--detectors",
            split = ",",
            paramLabel = "NAME",
            description = "run only these (file names, e.g. selfclean,knn,ssim); default: all")
    List<String> only;

    @Option(
            names = "--pairs",
            defaultValue = "1000",
            paramLabel = "K",
            description = "closest pairs written per near-duplicate detector (metrics always use every annotated pair)")
    long pairs;

    @Option(
            names = "--report-items",
            defaultValue = "24",
            paramLabel = "K",
            description = "top items per detector in the report")
    int reportItems;

    @Option(
            names = "--cl-classifier",
            defaultValue = "adaboost",
            paramLabel = "adaboost|logistic",
            description =
                    "Confident Learning's cross-validated classifier: adaboost (default, CleanPatrick's) or logistic")
    String clClassifier;

    @Option(
            names = "--seed",
            defaultValue = "0",
            paramLabel = "S",
            description = "seed of the random baselines (IForest, k-means, folds)")
    long seed;

    @Option(
            names = "--verify-md5",
            description = "hash every image file and report files whose bytes do not match their name")
    boolean verifyMd5;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        StderrProgress progress = run.progress();
        Result r = run(progress);
        BenchmarkFiles.printTable(System.out, r.outcomes());
        System.out.println();
        System.out.println("report:  " + r.report().toAbsolutePath());
        System.out.println("metrics: " + out.resolve("metrics.json").toAbsolutePath());
        return r.outcomes().stream().anyMatch(o -> o.status() == DetectorOutcome.Status.FAILED) ? 4 : 0;
    }

    /** Outcomes and the report path. */
    public record Result(List<DetectorOutcome> outcomes, Path report) {}

    /** Near-duplicate evaluation of every pair (the consolidated table) is refused beyond this many pairs. */
    static final long MAX_EVERY_PAIR_EVALUATION = 20_000_000L;

    Result run(StderrProgress progress) {
        if (pairs < 0) {
            throw new CleanRankException("--pairs " + pairs
                    + ": expected a count >= 0 of closest pairs to write per near-duplicate detector");
        }
        if (!clClassifier.equals("adaboost") && !clClassifier.equals("logistic")) {
            throw new CleanRankException("--cl-classifier " + clClassifier + ": choose adaboost or logistic");
        }
        requireWritable(out.dir);
        LoadOptions opts = LoadOptions.defaults();
        if (labelsColumn != null) {
            opts = opts.withLabelsColumn(labelsColumn);
        }
        if (metadata != null) {
            opts = opts.withMetadataCsv(metadata);
        }
        CleanPatrickDataset ds = CleanPatrickDataset.load(dataset, opts);
        progress.message(ds.summary());
        int n = ds.size();

        Path[] imagePaths = new Path[n];
        Path imageDir = images;
        if (imageDir == null) {
            // as the metadata CSV, the images may sit in the release folder or beside it
            Path base = Files.isDirectory(dataset)
                    ? dataset.toAbsolutePath()
                    : dataset.toAbsolutePath().getParent();
            for (Path guess : new Path[] {
                base.resolve("images"),
                base.getParent() == null ? null : base.getParent().resolve("images")
            }) {
                if (imageDir == null && guess != null && Files.isDirectory(guess)) {
                    imageDir = guess;
                }
            }
        }
        if (imageDir != null) {
            ImageIndex index = ImageIndex.build(imageDir, ds.ids(), verifyMd5, run.threadsOrAllCores());
            progress.message(index.mismatch().summary());
            for (int i = 0; i < n; i++) {
                imagePaths[i] = index.path(i);
            }
        }

        FloatMatrix x = null;
        int[] embeddingSamples = null;
        if (embeddings != null) {
            FloatMatrix all = FloatMatrix.load(embeddings);
            if (ids == null) {
                ids = siblingIds(embeddings);
                if (ids != null) {
                    progress.message(
                            "matching embedding rows by " + ids + " (found beside " + embeddings.getFileName() + ")");
                }
            }
            if (ids == null && all.rows() != n) {
                throw new CleanRankException(
                        embeddings + ": " + all.rows() + " rows for " + n + " samples; give --ids IDS.csv"
                                + " (the md5hash of each row) so rows can be matched to samples");
            }
            if (ids == null) {
                // always on stderr, even with --quiet: a wrong guess here silently spoils every embedding detector
                System.err.println("cleanrank: WARNING: no --ids (and no "
                        + embeddings.getFileName().toString().replaceFirst("\\.npy$", "")
                        + "_ids.csv or embedding_ids.csv beside " + embeddings
                        + "): assuming embedding row k is sample k of the metadata order; give --ids IDS.csv"
                        + " (the md5hash of each row) if the rows come in any other order");
            }
            EmbeddingRows rows = ids != null
                    ? EmbeddingRows.fromIdsCsv(ids, ds.ids(), all.rows())
                    : EmbeddingRows.inSampleOrder(ds.ids(), all.rows());
            progress.message(rows.mismatch().summary()
                    + (ids != null ? " (by id, " + ids.getFileName() + ")" : " (by position: metadata order assumed)"));
            int[] rowOf = rows.rowPerSample();
            embeddingSamples = java.util.stream.IntStream.range(0, n)
                    .filter(i -> rowOf[i] >= 0)
                    .toArray();
            float[] data = new float[embeddingSamples.length * all.cols()];
            for (int k = 0; k < embeddingSamples.length; k++) {
                System.arraycopy(all.data(), rowOf[embeddingSamples[k]] * all.cols(), data, k * all.cols(), all.cols());
            }
            x = new FloatMatrix(embeddingSamples.length, all.cols(), data);
        }

        PairLabels pl = ds.pairLabels();
        AnnotatedPairs annotated = null;
        String pairsUnavailable = null;
        if (pl.everyPairLabelled() && pl.annotatedPairCount() > MAX_EVERY_PAIR_EVALUATION) {
            pairsUnavailable = "this release labels every pair (" + pl.annotatedPairCount()
                    + " pairs; the consolidated table has no"
                    + " annotated negatives): too many to evaluate here; use the three-file release (annotated pairs only)";
        } else {
            PairLabels.AnnotatedPairs lt = pl.lowerTriangle();
            int[] labels01 = new int[lt.labels().length];
            for (int k = 0; k < labels01.length; k++) {
                labels01[k] = lt.labels()[k];
            }
            annotated = new AnnotatedPairs(lt.rows(), lt.cols(), labels01);
        }
        String[] idArr = ds.ids().toArray(String[]::new);
        String[] labelNames = new String[n];
        for (int i = 0; i < n; i++) {
            labelNames[i] = ds.labels().name(i);
        }
        BenchmarkData data = new BenchmarkData(
                dataset.getFileName().toString(),
                idArr,
                labelNames,
                ds.labels().codes(),
                toInt(ds.offTopic()),
                toInt(ds.labelError()),
                annotated,
                pairsUnavailable,
                imagePaths,
                x,
                embeddingSamples);

        List<DetectorEntry> entries = select(Detectors.all());
        RunContext ctx = new RunContext(data, run.threadsOrAllCores(), seed, progress, clClassifier);
        List<ImageFolder.Failure> failures = List.of();
        if (data.hasImages() && entries.stream().anyMatch(e -> e.needs() == DetectorEntry.Input.IMAGES)) {
            // decode once for every image detector, timed on its own (not charged to the first detector)
            long t0 = System.nanoTime();
            RunContext.ImageFeatures f = ctx.imageFeatures();
            failures = f.failures();
            progress.message(String.format(
                    Locale.ROOT,
                    "decoded %d images (pHash x2, SSIM thumbnails) in %.2f s; %d unreadable",
                    f.samples().length,
                    (System.nanoTime() - t0) / 1e9,
                    failures.size()));
            for (ImageFolder.Failure fail : failures) {
                progress.message("skipped " + fail.message());
            }
        }
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("dataset", dataset.toAbsolutePath().toString());
        info.put("format", ds.format().name().toLowerCase(Locale.ROOT));
        info.put("samples", n);
        info.put(
                "embeddings",
                embeddings == null ? "none" : embeddings + " (" + (x == null ? 0 : x.rows()) + " rows matched)");
        info.put(
                "images",
                imageDir == null
                        ? "none"
                        : imageDir + " ("
                                + Arrays.stream(imagePaths)
                                        .filter(p -> p != null)
                                        .count() + " found, " + failures.size() + " unreadable)");
        info.put(
                "kernels",
                VectorizationProvider.getInstance().embeddingKernels().name());
        info.put("seed", seed);

        int[] count = {0};
        List<DetectorOutcome> done = new ArrayList<>();
        List<DetectorOutcome> outcomes = BenchmarkRunner.run(
                ctx, entries, new BenchmarkRunner.Options(out.dir, pairs, reportItems), new BenchmarkRunner.Listener() {
                    @Override
                    public void started(DetectorEntry e, int samples) {
                        progress.message(String.format(
                                Locale.ROOT,
                                "[%d/%d] %s: %s on %d samples",
                                ++count[0],
                                entries.size(),
                                e.issue().title(),
                                e.name(),
                                samples));
                    }

                    @Override
                    public void finished(DetectorOutcome o) {
                        if (!o.ok()) {
                            if (o.status() == DetectorOutcome.Status.SKIPPED) {
                                count[0]++;
                            }
                            progress.message(o.issue().title() + ": " + o.detector() + " "
                                    + o.status().name().toLowerCase(Locale.ROOT) + ": " + o.message());
                        }
                        // metrics so far, rewritten after every detector: a run that dies later keeps them
                        done.add(o);
                        BenchmarkFiles.writeMetricsJson(out.resolve("metrics.json"), info, done);
                    }
                });
        String[] suspected = null;
        if (outcomes.stream()
                .anyMatch(o -> o.issue() == IssueType.LABEL_ERRORS
                        && o.ok()
                        && !o.top().isEmpty())) {
            progress.message("suspected labels for the label-error cards: majority of the nearest neighbours");
            suspected = RunSuspectedLabels.of(ctx);
        }
        SampleCatalog catalog = new SampleCatalog(idArr, labelNames, suspected, imagePaths);
        progress.message("writing the report");
        Path report = AuditReportWriter.write(out.dir, "cleanrank audit: " + data.name(), outcomes, catalog, info);
        return new Result(outcomes, report);
    }

    /** {@code <name>_ids.csv} or {@code embedding_ids.csv} beside the embeddings (as `demo` writes them), else null. */
    static Path siblingIds(Path embeddings) {
        Path dir = embeddings.toAbsolutePath().getParent();
        String base = embeddings.getFileName().toString().replaceFirst("\\.npy$", "");
        for (Path p : new Path[] {dir.resolve(base + "_ids.csv"), dir.resolve("embedding_ids.csv")}) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** Fails in one line before any work when the output folder cannot take the rankings and the report. */
    private static void requireWritable(Path out) {
        try {
            Files.createDirectories(out.resolve("rankings"));
            Path probe = Files.createTempFile(out.resolve("rankings"), ".write-test", ".tmp");
            Files.delete(probe);
        } catch (java.io.IOException e) {
            throw new CleanRankException(
                    out + ": cannot write the results there (" + e.getMessage() + "); choose a writable --out folder");
        }
    }

    private List<DetectorEntry> select(List<DetectorEntry> all) {
        if (only == null || only.isEmpty()) {
            return all;
        }
        Set<String> known = new TreeSet<>();
        all.forEach(e -> known.add(e.fileName()));
        for (String s : only) {
            if (!known.contains(s.trim())) {
                throw new CleanRankException("--detectors " + s + ": unknown; choose from " + String.join(", ", known));
            }
        }
        List<DetectorEntry> out = new ArrayList<>();
        for (DetectorEntry e : all) {
            if (only.stream().anyMatch(s -> s.trim().equals(e.fileName()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static int[] toInt(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i];
        }
        return out;
    }
}
