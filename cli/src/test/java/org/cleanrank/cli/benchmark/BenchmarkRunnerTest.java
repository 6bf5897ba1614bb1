package org.cleanrank.cli.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cleanrank.CleanRankException;
import org.cleanrank.cli.report.DetectorOutcome;
import org.cleanrank.cli.report.IssueType;
import org.cleanrank.eval.NearDuplicateEvaluation.AnnotatedPairs;
import org.cleanrank.fixtures.SyntheticDataset;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.label.classify.StratifiedFolds;
import org.cleanrank.label.noiserank.NoiseRank;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.SampleRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failures stay with their detector; rankings already written stay on disk; the rest of the line-up runs. */
class BenchmarkRunnerTest {
    static BenchmarkData embeddingsOnly(int n, boolean oneLabel) {
        SyntheticDataset d = SyntheticDataset.generate(n, 32, 5, 3);
        float[] data = new float[n * 32];
        double[] row = new double[32];
        for (int i = 0; i < n; i++) {
            d.readRow(i, row);
            for (int k = 0; k < 32; k++) {
                data[i * 32 + k] = (float) row[k];
            }
        }
        String[] ids = new String[n];
        String[] names = new String[n];
        int[] labels = oneLabel ? new int[n] : d.labels();
        for (int i = 0; i < n; i++) {
            ids[i] = String.format("%032x", i);
            names[i] = "c" + labels[i];
        }
        int[] all = java.util.stream.IntStream.range(0, n).toArray();
        // every pair of a planted clique annotated positive, pairs (i, i-1) otherwise negative
        List<int[]> pairs = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (d.nearDuplicate(i, j)) {
                    pairs.add(new int[] {i, j, 1});
                } else if (j == i - 1) {
                    pairs.add(new int[] {i, j, 0});
                }
            }
        }
        AnnotatedPairs ap = new AnnotatedPairs(
                pairs.stream().mapToInt(p -> p[0]).toArray(),
                pairs.stream().mapToInt(p -> p[1]).toArray(),
                pairs.stream().mapToInt(p -> p[2]).toArray());
        return new BenchmarkData(
                "synthetic",
                ids,
                names,
                labels,
                d.offTopic(),
                d.labelError(),
                ap,
                null,
                new Path[n],
                new FloatMatrix(n, 32, data),
                all);
    }

    static final BenchmarkRunner.Listener QUIET = new BenchmarkRunner.Listener() {
        @Override
        public void started(DetectorEntry e, int samples) {}

        @Override
        public void finished(DetectorOutcome o) {}
    };

    @Test
    void aFailingDetectorDoesNotStopTheOthers(@TempDir Path out) throws Exception {
        BenchmarkData data = embeddingsOnly(300, false);
        List<DetectorEntry> entries = new ArrayList<>();
        entries.add(new DetectorEntry("boom", "boom", IssueType.OFF_TOPIC, DetectorEntry.Input.EMBEDDINGS, (ctx, s) -> {
            throw new CleanRankException("the detector's one-line reason");
        }));
        entries.add(
                new DetectorEntry("crash", "crash", IssueType.OFF_TOPIC, DetectorEntry.Input.EMBEDDINGS, (ctx, s) -> {
                    throw new IllegalStateException("bug");
                }));
        entries.addAll(Detectors.all());
        List<DetectorOutcome> o = BenchmarkRunner.run(
                new RunContext(data, 2, 0, Progress.NONE), entries, new BenchmarkRunner.Options(out, 50, 5), QUIET);
        assertEquals(DetectorOutcome.Status.FAILED, o.get(0).status());
        assertEquals("the detector's one-line reason", o.get(0).message());
        assertEquals(DetectorOutcome.Status.FAILED, o.get(1).status());
        assertTrue(o.get(1).message().startsWith("internal error"), o.get(1).message());
        long ok = o.stream().filter(DetectorOutcome::ok).count();
        // every embedding detector ran: SelfClean x3, KNN, ECOD, HBOS, IForest, CL, NoiseRank; image detectors skipped
        assertEquals(9, ok, o.toString());
        for (DetectorOutcome d : o) {
            if (d.ok()) {
                assertTrue(Files.size(out.resolve(d.rankingFile())) > 0, d.detector());
                assertTrue(
                        d.metrics().get("AUROC") > 0.5,
                        d.detector() + " " + d.issue() + " finds planted issues: " + d.metrics());
            }
        }
        assertEquals(
                3,
                o.stream()
                        .filter(d -> d.status() == DetectorOutcome.Status.SKIPPED)
                        .count(),
                "pHash x2, SSIM: no images");
    }

    /** Embeddings for only some samples, a whole class missing: NoiseRank gets codes 0..C'-1 of the subset. */
    @Test
    void subsetsRecodeTheLabels(@TempDir Path out) {
        BenchmarkData full = embeddingsOnly(300, false);
        int[] subset = java.util.stream.IntStream.range(0, 300)
                .filter(i -> full.labels()[i] != 0)
                .toArray();
        float[] rows = new float[subset.length * 32];
        for (int k = 0; k < subset.length; k++) {
            System.arraycopy(full.embeddings().data(), subset[k] * 32, rows, k * 32, 32);
        }
        FloatMatrix x = new FloatMatrix(subset.length, 32, rows);
        BenchmarkData data = new BenchmarkData(
                "subset",
                full.ids(),
                full.labelNames(),
                full.labels(),
                full.offTopic(),
                full.labelError(),
                full.nearDuplicatePairs(),
                null,
                full.images(),
                x,
                subset);
        List<DetectorOutcome> o = runOnly("noiserank", data, out);
        assertEquals(DetectorOutcome.Status.OK, o.get(0).status(), o.get(0).message());
        int[] sub = new int[subset.length];
        for (int k = 0; k < sub.length; k++) {
            sub[k] = full.labels()[subset[k]];
        }
        SampleRanking expected =
                NoiseRank.builder().seed(42).build().rank(x, StratifiedFolds.firstAppearanceCodes(sub));
        assertEquals(
                subset[expected.index(0)], o.get(0).top().get(0).i(), "the subset's ranking, mapped back to samples");
        assertEquals(expected.score(0), o.get(0).top().get(0).score());
        assertTrue(
                o.get(0).message().startsWith(subset.length + " of 300"),
                o.get(0).message());
    }

    @Test
    void labelErrorsWithOneLabelAreSkippedNotFailed(@TempDir Path out) {
        BenchmarkData data = embeddingsOnly(120, true);
        List<DetectorOutcome> o = runOnly("selfclean", data, out);
        DetectorOutcome le = o.stream()
                .filter(d -> d.issue() == IssueType.LABEL_ERRORS)
                .findFirst()
                .orElseThrow();
        assertEquals(DetectorOutcome.Status.SKIPPED, le.status(), le.message());
    }

    /** Runs the detector(s) filed as {@code fileName} on {@code data} (2 threads, seed 0, 10 pairs, 5 report items). */
    private static List<DetectorOutcome> runOnly(String fileName, BenchmarkData data, Path out) {
        return BenchmarkRunner.run(
                new RunContext(data, 2, 0, Progress.NONE),
                Detectors.all().stream()
                        .filter(e -> e.fileName().equals(fileName))
                        .toList(),
                new BenchmarkRunner.Options(out, 10, 5),
                QUIET);
    }
}
