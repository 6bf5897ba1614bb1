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

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void knnScoresAreBitIdenticalAndRankingMatches(String c) {
        FloatMatrix x = embeddings(c);
        double[] golden = Fixtures.doubles(dir(c).resolve("pyod_knn_scores.npy"));
        PyodKnn knn = PyodKnn.builder().threads(2).build();
        double[] s = knn.decisionScores(x);
        assertEquals(golden.length, assertScores(golden, s, "knn " + c), "every KNN score bit-identical");
        assertRanking(c, "knn", s, knn.rank(x));
        // the plain twin and one thread give the same bits
        assertArrayEquals(s, plainTwinOneThread(x), 0.0);
    }

    /** PyOD KNN scores from the plain squared-Euclidean twin on one thread. */
    static double[] plainTwinOneThread(FloatMatrix x) {
        return PyodKnn.builder()
                .threads(1)
                .kernel(plainProvider().squaredEuclidean())
                .build()
                .decisionScores(x);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void ecodScoresWithin1e9AndRankingMatches(String c) {
        FloatMatrix x = embeddings(c);
        double[] golden = Fixtures.doubles(dir(c).resolve("pyod_ecod_scores.npy"));
        PyodEcod ecod = PyodEcod.builder().threads(2).build();
        double[] s = ecod.decisionScores(x);
        assertScores(golden, s, "ecod " + c);
        // the reference's np.log (numpy's AVX-512 path on the golden machine) and a correctly rounded log
        // differ by an ulp now and then: the sums stay within a few ulps
        for (int i = 0; i < s.length; i++) {
            assertEquals(golden[i], s[i], 1e-14 * golden[i], "ecod ulps, sample " + i);
        }
        assertRanking(c, "ecod", s, ecod.rank(x));
        assertArrayEquals(s, PyodEcod.builder().threads(1).build().decisionScores(x), 0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void hbosScoresWithin1e9AndRankingMatches(String c) {
        FloatMatrix x = embeddings(c);
        double[] golden = Fixtures.doubles(dir(c).resolve("pyod_hbos_scores.npy"));
        PyodHbos hbos = PyodHbos.builder().threads(2).build();
        double[] s = hbos.decisionScores(x);
        assertEquals(golden.length, assertScores(golden, s, "hbos " + c), "every HBOS score bit-identical");
        assertRanking(c, "hbos", s, hbos.rank(x));
        assertArrayEquals(s, PyodHbos.builder().threads(1).build().decisionScores(x), 0.0);
    }
}
