package org.cleanrank.outlier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cleanrank.Fixtures;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KNN, ECOD and HBOS against fixtures/golden/baselines/&lt;case&gt;/pyod_&lt;name&gt;_{scores,ranking}.npy:
 * scores within 1e-9 relative, rankings index for index (numpy's quicksort tie order).
 */
class PyodGoldenTest extends BaseVectorizationTestCase {
    static final double RTOL = 1e-9;

    static Path dir(String c) {
        return Fixtures.golden("baselines", c);
    }

    static FloatMatrix embeddings(String c) {
        return FloatMatrix.load(dir(c).resolve("embeddings.npy"));
    }

    /** Asserts scores within RTOL and returns how many are bit-identical. */
    static int assertScores(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        int identical = 0;
        for (int i = 0; i < expected.length; i++) {
            double tol = RTOL * Math.abs(expected[i]);
            assertEquals(expected[i], actual[i], tol, what + " sample " + i);
            if (expected[i] == actual[i]) {
                identical++;
            }
        }
        return identical;
    }

    static void assertRanking(String c, String name, double[] scores, SampleRanking r) {
        int[] expected = Fixtures.ints(dir(c).resolve("pyod_" + name + "_ranking.npy"));
        assertArrayEquals(expected, r.indices(), name + " ranking " + c);
        for (int i = 0; i < r.size(); i++) {
            assertEquals(scores[r.index(i)], r.score(i), 0.0, "scores in rank order");
        }
    }

    /**
     * Asserts {@code detector}'s scores on case c within RTOL of pyod_&lt;name&gt;_scores.npy (every one
     * bit-identical where {@code bitIdentical}), its ranking index for index, and {@code oneThread}'s scores equal
     * to the bit; returns the scores.
     */
    static double[] assertMatchesGolden(
            String c, String name, PyodDetector detector, PyodDetector oneThread, boolean bitIdentical) {
        FloatMatrix x = embeddings(c);
        double[] golden = Fixtures.doubles(dir(c).resolve("pyod_" + name + "_scores.npy"));
        double[] s = detector.decisionScores(x);
        int identical = assertScores(golden, s, name + " " + c);
        if (bitIdentical) {
            assertEquals(golden.length, identical, "every " + name + " score bit-identical");
        }
        assertRanking(c, name, s, detector.rank(x));
        assertArrayEquals(s, oneThread.decisionScores(x), 0.0, name + " on one thread");
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void knnScoresAreBitIdenticalAndRankingMatches(String c) {
        // the plain twin and one thread give the same bits
        assertMatchesGolden(c, "knn", PyodKnn.builder().threads(2).build(), plainTwinOneThread(), true);
    }

    /** PyOD KNN from the plain squared-Euclidean twin on one thread. */
    static PyodKnn plainTwinOneThread() {
        return PyodKnn.builder()
                .threads(1)
                .kernel(plainProvider().squaredEuclidean())
                .build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void ecodScoresWithin1e9AndRankingMatches(String c) {
        double[] s = assertMatchesGolden(
                c,
                "ecod",
                PyodEcod.builder().threads(2).build(),
                PyodEcod.builder().threads(1).build(),
                false);
        // the reference's np.log (numpy's AVX-512 path on the golden machine) and a correctly rounded log
        // differ by an ulp now and then: the sums stay within a few ulps
        double[] golden = Fixtures.doubles(dir(c).resolve("pyod_ecod_scores.npy"));
        for (int i = 0; i < s.length; i++) {
            assertEquals(golden[i], s[i], 1e-14 * golden[i], "ecod ulps, sample " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void hbosScoresWithin1e9AndRankingMatches(String c) {
        assertMatchesGolden(
                c,
                "hbos",
                PyodHbos.builder().threads(2).build(),
                PyodHbos.builder().threads(1).build(),
                true);
    }
}
