package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** `detect` writes the reference's rankings (golden baselines) and rejects bad input in one line. */
class DetectCliTest {
    @TempDir
    Path dir;

    static Path golden(String c, String f) {
        return Golden.path("baselines", c, f);
    }

    static Path goldenRoot() {
        return Golden.path("");
    }

    static int[] ints(Path p) {
        return Golden.ints(p);
    }

    private int[] ranking(Path csv, String header) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals(header, lines.get(0));
        return lines.stream()
                .skip(1)
                .mapToInt(l -> Integer.parseInt(l.split(",")[1]))
                .toArray();
    }

    /** {@code detect ARGS --out DIR/name --quiet}. */
    private String[] detectArgs(String name, String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "detect";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = dir.resolve(name).toString();
        all[args.length + 3] = "--quiet";
        return all;
    }

    /** Runs {@link #detectArgs}, which must exit 0; the sample indices of the ranking it wrote. */
    private int[] detect(String name, String... args) throws Exception {
        String[] all = detectArgs(name, args);
        CliTest.Run r = CliTest.run(all);
        assertEquals(0, r.code(), String.join(" ", all) + "\n" + r.err());
        return ranking(dir.resolve(name), "rank,index,score");
    }

    @Test
    void pyodDetectorsWriteTheReferenceRanking() throws Exception {
        String c = "synth_n600_d64_seed1";
        for (String d : new String[] {"knn", "ecod", "hbos"}) {
            int[] ranked = detect(
                    d + ".csv", d, "--embeddings", golden(c, "embeddings.npy").toString());
            assertArrayEquals(ints(golden(c, "pyod_" + d + "_ranking.npy")), ranked, d);
        }
    }

    @Test
    void clFromPredProbsWritesCleanPatricksRanking() throws Exception {
        String c = "synth_n2000_d384_seed2";
        String probs = golden(c, "cl_e2e_pred_probs.npy").toString();
        String labels = golden(c, "cl_e2e_reindexed_labels.npy").toString();
        int[] ranked = detect("cl.csv", "cl", "--pred-probs", probs, "--labels", labels);
        assertArrayEquals(ints(golden(c, "cl_e2e_ranking.npy")), ranked);
    }

    /** The logistic-regression option ranks the planted label errors far better than CleanPatrick's AdaBoost. */
    @Test
    void clWithTheLogisticClassifierFindsMoreLabelErrors() throws Exception {
        String c = "synth_n600_d64_seed1";
        int[] truth = ints(golden(c, "truth_label_error.npy"));
        double[] ap = new double[2];
        String[] classifiers = {"adaboost", "logistic"};
        String x = golden(c, "embeddings.npy").toString();
        String y = golden(c, "labels.npy").toString();
        for (int k = 0; k < 2; k++) {
            int[] ranked = detect(
                    classifiers[k] + ".csv", "cl", "--classifier", classifiers[k], "--embeddings", x, "--labels", y);
            ap[k] = org.cleanrank.eval.RankingMetrics.compute(
                            Arrays.stream(ranked).map(i -> truth[i]).toArray())
                    .get("AP");
        }
        assertTrue(ap[1] > ap[0] + 0.1, "logistic AP " + ap[1] + " vs AdaBoost " + ap[0]);
        CliTest.Run bad =
                CliTest.run(detectArgs("x.csv", "cl", "--classifier", "svm", "--embeddings", x, "--labels", y));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--classifier svm"), bad.err());
    }

    static Stream<Arguments> clFilterCases() {
        String[] filters = {"prune_by_noise_rate", "prune_by_class", "both", "confident_learning", "predicted_neq_given"
        };
        return Stream.of("baselines/synth_n600_d64_seed1", "cl_unequal_classes")
                .flatMap(c -> Arrays.stream(filters).map(f -> Arguments.of(c, f)));
    }

    /**
     * With --pred-probs, `--filter-by F` lists exactly what {@code cleanlab.filter.find_label_issues(labels,
     * pred_probs, filter_by=F)} flags (its min_examples_per_class=1), also on cl_unequal_classes (60 classes of
     * 1 to 179 samples) where CleanLearning's 10 per class would drop 90-odd issues in the small classes;
     * prune_by_noise_rate (the default filter) in the order of return_indices_ranked_by='self_confidence'.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("clFilterCases")
    void clFilterOnGivenPredProbsListsExactlyCleanlabsMask(String golden, String filter) throws Exception {
        Path c = goldenRoot().resolve(golden);
        String probs = c.resolve("pred_probs.npy").toString();
        String labels = c.resolve("labels.npy").toString();
        int[] listed = detect("cl.csv", "cl", "--pred-probs", probs, "--labels", labels, "--filter-by", filter);
        int[] mask = ints(c.resolve("cl_issue_mask_" + filter + ".npy"));
        int[] flagged =
                IntStream.range(0, mask.length).filter(i -> mask[i] == 1).toArray();
        assertTrue(flagged.length > 0);
        assertArrayEquals(flagged, Arrays.stream(listed).sorted().toArray(), filter);
        if (filter.equals("prune_by_noise_rate")) {
            assertArrayEquals(ints(c.resolve("cl_ranked_self_confidence.npy")), listed);
        }
    }

    @Test
    void noiseRankWithReferencePrototypesWritesTheReferenceRanking() throws Exception {
        String c = "synth_n600_d64_seed1";
        String x = golden(c, "embeddings.npy").toString();
        String y = golden(c, "labels.npy").toString();
        String p = golden(c, "noiserank_prototypes.npy").toString();
        String pl = golden(c, "noiserank_prototype_labels.npy").toString();
        int[] ranked = detect(
                "nr.csv", "noiserank", "--embeddings", x, "--labels", y, "--prototypes", p, "--prototype-labels", pl);
        assertArrayEquals(ints(golden(c, "noiserank_ranking.npy")), ranked);
    }

    @Test
    void badInputIsOneLine() {
        String c = "synth_n600_d64_seed1";
        String x = golden(c, "embeddings.npy").toString();
        String[][] cases = {
            {"nope", "--embeddings", x},
            {"noiserank", "--embeddings", x},
            {
                "cl",
                "--pred-probs",
                golden(c, "pred_probs.npy").toString(),
                "--labels",
                golden("synth_n2000_d384_seed2", "labels.npy").toString()
            },
            {"knn", "--embeddings", golden(c, "labels.npy").toString()},
        };
        for (String[] args : cases) {
            String[] a = detectArgs("x.csv", args);
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
