package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cleanrank.io.NpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `detect` writes the reference's rankings (golden baselines) and rejects bad input in one line. */
class DetectCliTest {
    @TempDir
    Path dir;

    static Path golden(String c, String f) {
        return goldenRoot().resolve("baselines").resolve(c).resolve(f);
    }

    static Path goldenRoot() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("fixtures/golden"))) {
            root = root.getParent();
        }
        return root.resolve("fixtures/golden");
    }

    static int[] ints(Path p) {
        try (NpyArray a = NpyArray.open(p)) {
            int[] out = new int[(int) a.elementCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) a.getLong(i);
            }
            return out;
        }
    }

    private int[] ranking(Path csv, String header) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(header, lines.get(0));
        return lines.stream()
                .skip(1)
                .mapToInt(l -> Integer.parseInt(l.split(",")[1]))
                .toArray();
    }

    @Test
    void pyodDetectorsWriteTheReferenceRanking() throws Exception {
        String c = "synth_n600_d64_seed1";
        for (String d : new String[] {"knn", "ecod", "hbos"}) {
            Path out = dir.resolve(d + ".csv");
            CliTest.Run r = CliTest.run(
                    "detect",
                    d,
                    "--embeddings",
                    golden(c, "embeddings.npy").toString(),
                    "--out",
                    out.toString(),
                    "--quiet");
            assertEquals(0, r.code(), r.err());
            assertArrayEquals(ints(golden(c, "pyod_" + d + "_ranking.npy")), ranking(out, "rank,index,score"), d);
        }
    }

    @Test
    void clFromPredProbsWritesCleanPatricksRanking() throws Exception {
        String c = "synth_n2000_d384_seed2";
        Path out = dir.resolve("cl.csv");
        CliTest.Run r = CliTest.run(
                "detect",
                "cl",
                "--pred-probs",
                golden(c, "cl_e2e_pred_probs.npy").toString(),
                "--labels",
                golden(c, "cl_e2e_reindexed_labels.npy").toString(),
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(ints(golden(c, "cl_e2e_ranking.npy")), ranking(out, "rank,index,score"));
    }

    /** The logistic-regression option ranks the planted label errors far better than CleanPatrick's AdaBoost. */
    @Test
    void clWithTheLogisticClassifierFindsMoreLabelErrors() throws Exception {
        String c = "synth_n600_d64_seed1";
        int[] truth = ints(golden(c, "truth_label_error.npy"));
        double[] ap = new double[2];
        String[] classifiers = {"adaboost", "logistic"};
        for (int k = 0; k < 2; k++) {
            Path out = dir.resolve(classifiers[k] + ".csv");
            CliTest.Run r = CliTest.run(
                    "detect",
                    "cl",
                    "--classifier",
                    classifiers[k],
                    "--embeddings",
                    golden(c, "embeddings.npy").toString(),
                    "--labels",
                    golden(c, "labels.npy").toString(),
                    "--out",
                    out.toString(),
                    "--quiet");
            assertEquals(0, r.code(), r.err());
            int[] ranked = ranking(out, "rank,index,score");
            ap[k] = org.cleanrank.eval.RankingMetrics.compute(
                            java.util.Arrays.stream(ranked).map(i -> truth[i]).toArray())
                    .get("AP");
        }
        assertTrue(ap[1] > ap[0] + 0.1, "logistic AP " + ap[1] + " vs AdaBoost " + ap[0]);
        CliTest.Run bad = CliTest.run(
                "detect",
                "cl",
                "--classifier",
                "svm",
                "--embeddings",
                golden(c, "embeddings.npy").toString(),
                "--labels",
                golden(c, "labels.npy").toString(),
                "--out",
                dir.resolve("x.csv").toString(),
                "--quiet");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--classifier svm"), bad.err());
    }

    @Test
    void clFilterListsOnlyTheFlaggedSamples() throws Exception {
        String c = "synth_n600_d64_seed1";
        Path out = dir.resolve("cl.csv");
        CliTest.Run r = CliTest.run(
                "detect",
                "cl",
                "--pred-probs",
                golden(c, "pred_probs.npy").toString(),
                "--labels",
                golden(c, "labels.npy").toString(),
                "--filter-by",
                "both",
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        int[] mask = ints(golden(c, "cl_issue_mask_both.npy"));
        int flagged = java.util.Arrays.stream(mask).sum();
        int[] ranked = ranking(out, "rank,index,score");
        assertTrue(flagged > 0);
        assertEquals(flagged, ranked.length, "find_label_issues(filter_by='both'), min_examples_per_class 1");
        for (int i : ranked) {
            assertEquals(1, mask[i], "listed sample " + i + " is flagged");
        }
    }

    /**
     * With --pred-probs, `--filter-by F` lists exactly what {@code cleanlab.filter.find_label_issues(labels,
     * pred_probs, filter_by=F)} flags (its min_examples_per_class=1), on 60 classes of 1 to 179 samples where
     * CleanLearning's 10 per class would drop 90-odd issues in the small classes; prune_by_noise_rate (the
     * default filter) in the order of return_indices_ranked_by='self_confidence'.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {"prune_by_noise_rate", "prune_by_class", "both", "confident_learning", "predicted_neq_given"})
    void clFilterOnGivenPredProbsListsExactlyCleanlabsMask(String filter) throws Exception {
        Path c = goldenRoot().resolve("cl_unequal_classes");
        Path out = dir.resolve("cl.csv");
        CliTest.Run r = CliTest.run(
                "detect",
                "cl",
                "--pred-probs",
                c.resolve("pred_probs.npy").toString(),
                "--labels",
                c.resolve("labels.npy").toString(),
                "--filter-by",
                filter,
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        int[] mask = ints(c.resolve("cl_issue_mask_" + filter + ".npy"));
        int[] listed = ranking(out, "rank,index,score");
        int[] flagged = java.util.stream.IntStream.range(0, mask.length)
                .filter(i -> mask[i] == 1)
                .toArray();
        assertArrayEquals(flagged, java.util.Arrays.stream(listed).sorted().toArray(), filter);
        if (filter.equals("prune_by_noise_rate")) {
            assertArrayEquals(ints(c.resolve("cl_ranked_self_confidence.npy")), listed);
        }
    }

    @Test
    void noiseRankWithReferencePrototypesWritesTheReferenceRanking() throws Exception {
        String c = "synth_n600_d64_seed1";
        Path out = dir.resolve("nr.csv");
        CliTest.Run r = CliTest.run(
                "detect",
                "noiserank",
                "--embeddings",
                golden(c, "embeddings.npy").toString(),
                "--labels",
                golden(c, "labels.npy").toString(),
                "--prototypes",
                golden(c, "noiserank_prototypes.npy").toString(),
                "--prototype-labels",
                golden(c, "noiserank_prototype_labels.npy").toString(),
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(ints(golden(c, "noiserank_ranking.npy")), ranking(out, "rank,index,score"));
    }

    @Test
    void badInputIsOneLine() {
        String c = "synth_n600_d64_seed1";
        String[][] cases = {
            {
                "detect",
                "nope",
                "--embeddings",
                golden(c, "embeddings.npy").toString(),
                "--out",
                dir.resolve("x.csv").toString(),
                "--quiet"
            },
            {
                "detect",
                "noiserank",
                "--embeddings",
                golden(c, "embeddings.npy").toString(),
                "--out",
                dir.resolve("x.csv").toString(),
                "--quiet"
            },
            {
                "detect",
                "cl",
                "--pred-probs",
                golden(c, "pred_probs.npy").toString(),
                "--labels",
                golden("synth_n2000_d384_seed2", "labels.npy").toString(),
                "--out",
                dir.resolve("x.csv").toString(),
                "--quiet"
            },
            {
                "detect",
                "knn",
                "--embeddings",
                golden(c, "labels.npy").toString(),
                "--out",
                dir.resolve("x.csv").toString(),
                "--quiet"
            },
        };
        for (String[] a : cases) {
            CliTest.Run r = CliTest.run(a);
            assertEquals(2, r.code(), String.join(" ", a) + "\n" + r.err());
            assertEquals(
                    1,
                    r.err()
                            .strip()
                            .lines()
                            .filter(l -> l.startsWith("cleanrank:"))
                            .count(),
                    r.err());
            assertTrue(!r.err().contains("Exception"), r.err());
        }
    }
}
