package org.cleanrank.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.cli.audit.AuditFiles;
import org.cleanrank.cli.audit.AuditInputs;
import org.cleanrank.cli.audit.AuditPage;
import org.cleanrank.cli.audit.AuditRun;
import org.cleanrank.cli.audit.AuditSamples;
import org.cleanrank.detect.AutoCleaning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = {
            "Audit a folder of images without ground truth: every detector its inputs allow, and a report.",
            "Images alone: OpenCV pHash and SSIM near-duplicates. With --embeddings: SelfClean's three rankings"
                    + " with automatic cleaning and PyOD's KNN, ECOD, HBOS, IForest off-topic baselines. With"
                    + " --labels too: label errors, each with a suspected label.",
            "Writes OUT/report.html (with thumbs/), near_duplicates.csv, near_duplicate_groups.csv, off_topic.csv,"
                    + " label_errors.csv and audit.json."
        })
final class AuditCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    ImageFolderOption imageFolder;

    @Option(
            names = "--embeddings",
            paramLabel = "E.npy",
            description = "N x D float32/float64 .npy, one row per image (in file-name order without --ids)")
    Path embeddings;

    @Mixin
    IdsOption ids;

    @Option(
            names = "--labels",
            paramLabel = "L.csv",
            description = "labels keyed by file name (or by the --ids id): columns id,label; or one per embedding"
                    + " row (.npy or a label column)")
    Path labels;

    @Mixin
    OutputFolderOption out;

    @Option(
            names = "--report-items",
            defaultValue = "30",
            paramLabel = "K",
            description = "items per list and near-duplicate groups shown in report.html (default ${DEFAULT-VALUE});"
                    + " the CSVs keep everything")
    int reportItems;

    @Option(
            names = "--pairs",
            defaultValue = "10000",
            paramLabel = "K",
            description = "closest pairs kept per near-duplicate detector (default ${DEFAULT-VALUE})")
    long pairs;

    @Option(
            names = "--cut-off",
            defaultValue = "0.1",
            paramLabel = "A",
            description = "SelfClean's automatic cleaning: alpha for all three issue types, in (0, 1) (default"
                    + " ${DEFAULT-VALUE}; SelfClean's own default 0.01 flags almost nothing below some thousand"
                    + " images)")
    double cutOff;

    @Option(
            names = "--significance-level",
            defaultValue = "0.05",
            paramLabel = "Q",
            description = "SelfClean's automatic cleaning: q, in (0, 1] (default ${DEFAULT-VALUE})")
    double significanceLevel;

    @Option(
            names = "--phash-max-bits",
            defaultValue = "8",
            paramLabel = "B",
            description = "image pairs: flagged when the pHashes differ in at most B of 64 bits (default"
                    + " ${DEFAULT-VALUE}) and SSIM agrees")
    int phashMaxBits;

    @Option(
            names = "--ssim-max-distance",
            defaultValue = "0.15",
            paramLabel = "D",
            description = "image pairs: flagged when 1 - SSIM is at most D (default ${DEFAULT-VALUE}) and pHash agrees")
    double ssimMaxDistance;

    @Option(
            names = "--ssim-all-pairs-max",
            defaultValue = "10000",
            paramLabel = "N",
            description = "SSIM compares all pairs of up to N decoded images (default ${DEFAULT-VALUE}: 5e7 pairs, 3"
                    + " minutes on one core measured); above, only the closest pairs of pHash (and SelfClean), scored"
                    + " exactly; pass the image count to force all pairs")
    int ssimAllPairsMax;

    @Option(
            names = "--contamination",
            defaultValue = "0.1",
            paramLabel = "C",
            description = "KNN, ECOD, HBOS, IForest: PyOD's share of flagged samples, in (0, 0.5] (default"
                    + " ${DEFAULT-VALUE})")
    double contamination;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "IForest's seed (default 0)")
    long seed;

    @Override
    public Integer call() {
        Path images = imageFolder.dir;
        AuditRun.Settings settings = settings();
        StderrProgress progress = run.progress();
        requireWritable(out.dir);
        AuditSamples samples = AuditInputs.load(images, embeddings, ids.path, labels);
        if (embeddings != null) {
            // always on stderr, even with --quiet: a wrong order spoils every embedding detector silently
            System.err.println("cleanrank: " + (ids.path == null ? "WARNING: " : "") + samples.rowOrder());
        }
        progress.message(samples.n() + " image files in " + images);
        AuditRun.Result r = AuditRun.run(samples, settings, progress, progress::message);
        r.notes().forEach(note -> progress.message("not run: " + note));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("images", images.toAbsolutePath().toString());
        inputs.put(
                "embeddings",
                embeddings == null ? "none" : embeddings.toAbsolutePath().toString());
        inputs.put("ids", ids.path == null ? "none" : ids.path.toAbsolutePath().toString());
        inputs.put("labels", labels == null ? "none" : labels.toAbsolutePath().toString());
        AuditFiles.write(out.dir, r, inputs);
        progress.message("writing the report");
        Path report = AuditPage.write(out.dir, r, reportItems);
        progress.message("wrote " + report);
        return 0;
    }

    private AuditRun.Settings settings() {
        if (reportItems < 1 || reportItems > 10_000) {
            throw new CleanRankException("--report-items " + reportItems + ": expected 1 to 10000 items per list");
        }
        if (pairs < 1 || pairs > PairsOption.Count.MAX) {
            throw new CleanRankException("--pairs " + pairs + ": expected 1 to " + PairsOption.Count.MAX + " pairs");
        }
        if (phashMaxBits < 0 || phashMaxBits > 64) {
            throw new CleanRankException("--phash-max-bits " + phashMaxBits + ": expected 0 to 64 bits");
        }
        if (!(ssimMaxDistance >= 0 && ssimMaxDistance <= 2)) {
            throw new CleanRankException("--ssim-max-distance " + ssimMaxDistance + ": expected 0 to 2 (1 - SSIM)");
        }
        if (ssimAllPairsMax < 2) {
            throw new CleanRankException("--ssim-all-pairs-max " + ssimAllPairsMax + ": expected at least 2 images");
        }
        if (!(contamination > 0 && contamination <= 0.5)) {
            throw new CleanRankException("--contamination " + contamination + ": expected a share in (0, 0.5]");
        }
        AutoCleaning.Settings auto;
        try {
            auto = new AutoCleaning.Settings(cutOff, cutOff, cutOff, significanceLevel);
        } catch (IllegalArgumentException e) {
            throw new CleanRankException("--cut-off / --significance-level: " + e.getMessage());
        }
        return new AuditRun.Settings(
                pairs,
                auto,
                phashMaxBits,
                ssimMaxDistance,
                contamination,
                seed,
                run.threadsOrAllCores(),
                ssimAllPairsMax);
    }

    private static void requireWritable(Path out) {
        try {
            Files.createDirectories(out);
            Files.delete(Files.createTempFile(out, ".write-test", ".tmp"));
        } catch (java.io.IOException e) {
            throw new CleanRankException(
                    out + ": cannot write the results there (" + e.getMessage() + "); choose a writable --out folder");
        }
    }
}
