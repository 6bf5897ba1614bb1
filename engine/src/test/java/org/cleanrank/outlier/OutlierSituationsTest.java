package org.cleanrank.outlier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.cleanrank.CleanRankException;
import org.cleanrank.Fixtures;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.ScipySkew;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.SquaredEuclideanKernel;
import org.junit.jupiter.api.Test;

/**
 * Small situations. Expected ECOD/HBOS values come from PyOD's own code paths run offline with numpy
 * 1.24.2 and scipy 1.10.1 (pyod's column_ecdf / ECOD.decision_function and HBOS' numba scoring loop on
 * np.histogram); they include a constant column, -0.0 next to 0.0, ties, values on interior bin edges and
 * a column whose float32 skewness is positive only through float32 rounding.
 */
class OutlierSituationsTest extends BaseVectorizationTestCase {
    /** Columns: constant 0.3; ties; 0.0 / -0.0 / ties; mostly 5. */
    static final float[][] SMALL = {
        {0.3f, 1, 0.0f, 5},
        {0.3f, 2, -0.0f, 5},
        {0.3f, 3, 1.5f, 6},
        {0.3f, 4, 1.5f, 7},
        {0.3f, 2, -2.0f, 5},
        {0.3f, 9, 0.25f, 5}
    };

    /** Columns k, k^2, fl32(0.1f * k) for k = 0..10: symmetric (skew exactly 0), skewed, float32-skewed. */
    static FloatMatrix ramp() {
        float[][] r = new float[11][];
        for (int k = 0; k < 11; k++) {
            r[k] = new float[] {k, (float) k * k, 0.1f * k};
        }
        return FloatMatrix.of(r);
    }

    static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-15 * Math.abs(expected[i]), "sample " + i);
        }
    }

    @Test
    void ecodAsPyodOnSmallMatrices() {
        assertClose(
                new double[] {
                    2.890371757896165,
                    1.791759469228055,
                    2.8903717578961645,
                    3.988984046564274,
                    2.890371757896165,
                    2.890371757896165
                },
                PyodEcod.builder().threads(2).build().decisionScores(FloatMatrix.of(SMALL)));
        assertClose(
                new double[] {
                    7.193685818395112,
                    5.209554456519601,
                    4.0985196478529335,
                    3.353256466153974,
                    2.8173572048358677,
                    2.4245432142812615,
                    2.8173572048358677,
                    3.353256466153974,
                    4.0985196478529335,
                    5.209554456519601,
                    7.193685818395112
                },
                PyodEcod.defaults().decisionScores(ramp()));
    }

    @Test
    void hbosAsPyodOnSmallMatricesConstantColumnIncluded() {
        double[] s = PyodHbos.builder().threads(2).build().decisionScores(FloatMatrix.of(SMALL));
        assertClose(
                new double[] {
                    3.1660969354420936,
                    2.4213539794385714,
                    8.267636699375307,
                    5.04524246856819,
                    3.2903934050094192,
                    4.035136549999558
                },
                s);
        assertClose(
                new double[] {
                    5.2504552752040095,
                    5.2504552752040095,
                    5.2504552752040095,
                    5.250455372041082,
                    5.572383273254291,
                    5.572383273254291,
                    5.572383660602566,
                    5.572382885905889,
                    5.572383660602566,
                    4.645700354400297,
                    4.083821466792182
                },
                PyodHbos.defaults().decisionScores(ramp()));
    }

    @Test
    void skewSignIsScipysFloat32Skewness() {
        FloatMatrix r = ramp();
        assertEquals(0, ScipySkew.sign(r.column(0), false), "symmetric: m3 is exactly 0");
        assertEquals(1, ScipySkew.sign(r.column(1), false));
        assertEquals(1, ScipySkew.sign(r.column(2), false), "scipy: 2.14e-08 from float32 rounding");
        assertEquals(0, ScipySkew.sign(FloatMatrix.of(SMALL).column(0), false), "constant: NaN -> 0");
        assertEquals(-1, ScipySkew.sign(new float[] {-9, -1, 0, 0, 1}, true));
    }

    @Test
    void hbosRefusesAFeatureTooNarrowForFloat32Bins() {
        // numpy: duplicate float32 edges, density NaN/inf, and PyOD's integrity assert fails
        float one = 1f, next = Math.nextUp(1f);
        FloatMatrix x = FloatMatrix.of(new float[][] {{one, 0}, {next, 1}, {one, 2}});
        CleanRankException e =
                assertThrows(CleanRankException.class, () -> PyodHbos.defaults().decisionScores(x));
        assertTrue(e.getMessage().contains("feature 0"), e.getMessage());
    }

    @Test
    void knnIsTheKthOtherDistance() {
        FloatMatrix x = FloatMatrix.of(new float[][] {{0, 0}, {1, 0}, {3, 0}, {7, 0}});
        assertArrayEquals(
                new double[] {1, 1, 2, 4},
                PyodKnn.builder().nNeighbors(1).build().decisionScores(x),
                0.0);
        assertArrayEquals(
                new double[] {3, 2, 3, 6},
                PyodKnn.builder().nNeighbors(2).threads(2).build().decisionScores(x),
                0.0);
        assertArrayEquals(
                new double[] {7, 6, 4, 7},
                PyodKnn.builder()
                        .nNeighbors(3)
                        .kernel(plainProvider().squaredEuclidean())
                        .build()
                        .decisionScores(x),
                0.0);
        CleanRankException e = assertThrows(
                CleanRankException.class,
                () -> PyodKnn.builder().nNeighbors(4).build().decisionScores(x));
        assertTrue(e.getMessage().contains("nNeighbors = 4") && e.getMessage().contains("got 4"), e.getMessage());
    }

    @Test
    void knnPicksSklearnsAlgorithmAndItsRounding() {
        // scikit-learn 1.2.1 NearestNeighbors(5).kneighbors() on these float32 rows (run offline):
        // 12 x 3 -> kd_tree, plain float64 distances; the first 9 rows -> brute (5 >= 9 // 2), float32 rounding
        float[][] r = new float[12][];
        for (int i = 0; i < 12; i++) {
            r[i] = new float[] {(float) (i / 3.0), (float) (i * i / 7.0), (float) StrictMath.sin(i)};
        }
        assertArrayEquals(
                new double[] {
                    4.056157694611269,
                    4.095644328572937,
                    3.672907818640329,
                    2.622790796253847,
                    2.8541750551260616,
                    3.8484691323795213,
                    4.249027553998599,
                    5.022279183296951,
                    5.986370048185901,
                    6.542533701409428,
                    9.243355949024727,
                    12.277866552942859
                },
                PyodKnn.defaults().decisionScores(FloatMatrix.of(r)),
                0.0);
        assertArrayEquals(
                new double[] {
                    4.056157722070062,
                    4.095644214153698,
                    3.6729077773798915,
                    2.6227908147949215,
                    2.854175112820865,
                    3.8484691400191435,
                    4.249027589740272,
                    5.890412263545013,
                    8.076632157001564
                },
                PyodKnn.defaults().decisionScores(FloatMatrix.of(java.util.Arrays.copyOf(r, 9))),
                0.0);
    }

    @Test
    void knnAcrossTilesMatchesBruteForce() {
        // n spans several 128-point tiles and a partial panel; both twins, 1 and 3 threads
        int n = 301, d = 17;
        float[][] r = Fixtures.gaussianRows(n, d, new Random(5));
        FloatMatrix x = FloatMatrix.of(r);
        double[] brute = new double[n];
        for (int i = 0; i < n; i++) {
            float[] dist = new float[n - 1];
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    double dot = 0, xx = 0, yy = 0;
                    for (int k = 0; k < d; k++) {
                        dot = Math.fma(r[i][k], r[j][k], dot);
                        xx += (double) r[i][k] * r[i][k];
                        yy += (double) r[j][k] * r[j][k];
                    }
                    dist[m++] = SquaredEuclideanKernel.fromDot(dot, xx, yy);
                }
            }
            java.util.Arrays.sort(dist);
            brute[i] = Math.sqrt(dist[4]);
        }
        assertArrayEquals(brute, PyodKnn.builder().threads(3).build().decisionScores(x), 0.0);
        assertArrayEquals(brute, PyodGoldenTest.plainTwinOneThread().decisionScores(x), 0.0);
    }

    @Test
    void aFarOutlierRanksFirstForAllFour() {
        int n = 200, d = 16;
        float[][] r = Fixtures.gaussianRows(n, d, new Random(11));
        for (int k = 0; k < d; k++) {
            r[137][k] = 25f + k;
        }
        FloatMatrix x = FloatMatrix.of(r);
        SampleRanking[] all = {
            PyodKnn.defaults().rank(x),
            PyodEcod.defaults().rank(x),
            PyodHbos.defaults().rank(x),
            PyodIForest.defaults().rank(x)
        };
        for (SampleRanking s : all) {
            assertEquals(137, s.index(0));
            assertEquals(n, s.size());
            for (int i = 1; i < n; i++) {
                assertTrue(s.score(i - 1) >= s.score(i), "scores descend in rank order");
            }
        }
    }

    @Test
    void nonFiniteInputIsAOneLineUserError() {
        FloatMatrix x = FloatMatrix.of(new float[][] {{0, 1}, {Float.NaN, 2}, {3, 4}});
        for (Runnable r : new Runnable[] {
            () -> PyodKnn.builder().nNeighbors(1).build().decisionScores(x),
            () -> PyodEcod.defaults().decisionScores(x),
            () -> PyodHbos.defaults().decisionScores(x),
            () -> PyodIForest.defaults().decisionScores(x)
        }) {
            CleanRankException e = assertThrows(CleanRankException.class, r::run);
            assertTrue(
                    e.getMessage().contains("row 1 column 0") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void iforestCapsMaxSamplesAtNAndUsesNumpysPercentile() {
        FloatMatrix x = ramp();
        double[] a = PyodIForest.builder().maxSamples(1000).seed(3).build().decisionScores(x);
        double[] b = PyodIForest.builder().maxSamples(11).seed(3).build().decisionScores(x);
        assertArrayEquals(a, b, 0.0);
        double[] v = {0.3, -1.2, 5.5, 2.25, 0.0, -0.7, 9.1};
        assertEquals(-0.8999999999999999, PyodIForest.percentileLinear(v, 10), 0.0);
        assertEquals(0.02999999999999989, PyodIForest.percentileLinear(v, 35), 0.0);
        assertEquals(6.940000000000001, PyodIForest.percentileLinear(v, 90), 0.0);
        assertEquals(0.0, IsolationTree.averagePathLength(1));
        assertEquals(1.0, IsolationTree.averagePathLength(2));
    }
}
