package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `detect` writes the reference's rankings (golden baselines) and rejects bad input in one line. */
class DetectCliTest {
    @TempDir
    Path dir;

    static Path golden(String c, String f) {
        return Golden.path("baselines", c, f);
    }

    static int[] ints(Path p) {
        return Golden.ints(p);
    }

    private int runs;

    /** {@code detect DETECTOR args... --out OUT --quiet}. */
    private CliTest.Run run(String detector, Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("detect", detector));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString(), "--quiet"));
        return CliTest.run(all.toArray(String[]::new));
    }

    /** Runs the detector, expects success and returns the ranked sample indices, best first. */
    private int[] ranking(String detector, String... args) throws Exception {
        Path out = dir.resolve(detector + "-" + (++runs) + ".csv");
        CliTest.Run r = run(detector, out, args);
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("rank,index,score", lines.get(0));
        return lines.stream()
                .skip(1)
                .mapToInt(l -> Integer.parseInt(l.split(",")[1]))
                .toArray();
    }

    @Test
    void pyodDetectorsWriteTheReferenceRanking() throws Exception {
        String c = "synth_n600_d64_seed1";
        for (String d : new String[] {"knn", "ecod", "hbos"}) {
            assertArrayEquals(
                    ints(golden(c, "pyod_" + d + "_ranking.npy")),
                    ranking(d, "--embeddings", golden(c, "embeddings.npy").toString()),
                    d);
        }
    }

    @Test
    void clFromPredProbsWritesCleanPatricksRanking() throws Exception {
        String c = "synth_n2000_d384_seed2";
        int[] ranked = ranking(
                "cl",
                "--pred-probs",
                golden(c, "cl_e2e_pred_probs.npy").toString(),
                "--labels",
                golden(c, "cl_e2e_reindexed_labels.npy").toString());
        assertArrayEquals(ints(golden(c, "cl_e2e_ranking.npy")), ranked);
    }

    /** The logistic-regression option ranks the planted label errors far better than CleanPatrick's AdaBoost. */
    @Test
    void clWithTheLogisticClassifierFindsMoreLabelErrors() throws Exception {
        String c = "synth_n600_d64_seed1";
        int[] truth = ints(golden(c, "truth_label_error.npy"));
        double[] ap = new double[2];
        String[] classifiers = {"adaboost", "logistic"};
        String[] data = {
            "--embeddings",
            golden(c, "embeddings.npy").toString(),
            "--labels",
            golden(c, "labels.npy").toString()
        };
        for (int k = 0; k < 2; k++) {
            int[] ranked = ranking("cl", CliTest.concat(data, "--classifier", classifiers[k]));
            ap[k] = org.cleanrank.eval.RankingMetrics.compute(
                            java.util.Arrays.stream(ranked).map(i -> truth[i]).toArray())
                    .get("AP");
        }
        assertTrue(ap[1] > ap[0] + 0.1, "logistic AP " + ap[1] + " vs AdaBoost " + ap[0]);
        CliTest.Run bad = run("cl", dir.resolve("x.csv"), CliTest.concat(data, "--classifier", "svm"));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--classifier svm"), bad.err());
    }

    @Test
    void clFilterListsOnlyTheFlaggedSamples() throws Exception {
        String c = "synth_n600_d64_seed1";
        int[] ranked = ranking(
                "cl",
                "--pred-probs",
                golden(c, "pred_probs.npy").toString(),
                "--labels",
                golden(c, "labels.npy").toString(),
                "--filter-by",
                "both");
        int[] mask = ints(golden(c, "cl_issue_mask_both.npy"));
        int flagged = java.util.Arrays.stream(mask).sum();
        assertTrue(flagged > 0);
        assertTrue(
                ranked.length > 0 && ranked.length <= flagged,
                ranked.length + " listed, " + flagged + " flagged by both (min 1)");
        for (int i : ranked) {
            assertEquals(1, mask[i], "listed sample " + i + " is flagged");
        }
    }

    @Test
    void noiseRankWithReferencePrototypesWritesTheReferenceRanking() throws Exception {
        String c = "synth_n600_d64_seed1";
        int[] ranked = ranking(
                "noiserank",
                "--embeddings",
                golden(c, "embeddings.npy").toString(),
                "--labels",
                golden(c, "labels.npy").toString(),
                "--prototypes",
                golden(c, "noiserank_prototypes.npy").toString(),
                "--prototype-labels",
                golden(c, "noiserank_prototype_labels.npy").toString());
        assertArrayEquals(ints(golden(c, "noiserank_ranking.npy")), ranked);
    }

    @Test
    void badInputIsOneLine() {
        String c = "synth_n600_d64_seed1";
        String embeddings = golden(c, "embeddings.npy").toString();
        String[][] cases = {
            {"nope", "--embeddings", embeddings},
            {"noiserank", "--embeddings", embeddings},
            {
                "cl",
                "--pred-probs",
                golden(c, "pred_probs.npy").toString(),
                "--labels",
                golden("synth_n2000_d384_seed2", "labels.npy").toString()
            },
            {"knn", "--embeddings", golden(c, "labels.npy").toString()},
            {"knn", "--embeddings", embeddings, "--threads", "0"},
            {"knn", "--embeddings", embeddings, "--thread", "2"},
        };
        for (String[] a : cases) {
            CliTest.Run r = run(a[0], dir.resolve("x.csv"), java.util.Arrays.copyOfRange(a, 1, a.length));
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
