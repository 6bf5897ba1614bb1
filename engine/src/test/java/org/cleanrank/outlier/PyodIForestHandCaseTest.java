package org.cleanrank.outlier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.rank.SampleRanking;
import org.junit.jupiter.api.Test;

/**
 * Small cases against scikit-learn 1.2.1 (numpy 1.24.2, glibc's log and pow), computed with:
 * <pre>
 * import numpy as np
 * from sklearn.ensemble import IsolationForest
 * X = np.array([[0, 1], [1, 1], [2, 1], [3, 1], [0, 2], [1, 2], [2, 2], [3, 2],
 *               [1.5, 1.5], [1.5, 1.5], [8, 1], [1, 9]], dtype=np.float32)
 * f = IsolationForest(random_state=0, contamination=0.1).fit(X)
 * print([repr(float(v)) for v in -f.decision_function(X)])
 * t = f.estimators_[0].tree_
 * print(t.feature.tolist(), [repr(float(v)) for v in t.threshold], t.children_left.tolist(),
 *       t.children_right.tolist(), t.n_node_samples.tolist())
 * f = IsolationForest(random_state=3, max_samples=5, contamination=0.1).fit(X)
 * print([repr(float(v)) for v in -f.decision_function(X)])
 * Y = np.array([[(i * 37 % 101) / 10] for i in range(101)], dtype=np.float32)
 * Z = np.array([[(i * 37 % 199) / 10, (i * 11 % 7) / 4] for i in range(301)], dtype=np.float32)
 * for ms, seed, Y in [(100, 1, Y), (3, 2, Z)]:
 *     f = IsolationForest(random_state=seed, max_samples=ms, contamination=0.1).fit(Y)
 *     s = -f.decision_function(Y)
 *     print(ms, [repr(float(v)) for v in s[:6]], np.argsort(-s)[:10].tolist())
 * </pre>
 * The four fits cover every branch of sklearn's sample_without_replacement: all rows (no draw), the
 * permutation (5 of 12), reservoir sampling with draws (100 of 101) and tracking selection (3 of 301).
 * Trees are compared node for node; scores to the bit except where glibc's pow is off by an ulp.
 */
class PyodIForestHandCaseTest {
    private static final float[][] X = {
        {0, 1}, {1, 1}, {2, 1}, {3, 1}, {0, 2}, {1, 2}, {2, 2}, {3, 2}, {1.5f, 1.5f}, {1.5f, 1.5f}, {8, 1}, {1, 9}
    };

    @Test
    void firstTreeIsSklearnsNodeForNode() {
        FloatMatrix x = FloatMatrix.of(X);
        IsolationTree t = PyodIForest.builder().seed(0).build().fit(x.data(), x.rows(), x.cols())[0];
        int[] feature = {1, 1, 0, 0, -2, -2, -2, -2, 1, 0, 0, -2, -2, -2, -2};
        double[] threshold = {
            1.8976089660532813,
            1.325439934071824,
            4.403322288954315,
            2.0419516284214105,
            -2.0,
            -2.0,
            -2.0,
            -2.0,
            6.1931670770017275,
            2.5320856168549906,
            1.9779204856501522,
            -2.0,
            -2.0,
            -2.0,
            -2.0
        };
        int[] left = {1, 2, 3, 4, -1, -1, -1, -1, 9, 10, 11, -1, -1, -1, -1};
        int[] right = {8, 7, 6, 5, -1, -1, -1, -1, 14, 13, 12, -1, -1, -1, -1};
        int[] samples = {12, 7, 5, 4, 3, 1, 1, 2, 5, 4, 3, 2, 1, 1, 1};
        assertEquals(feature.length, t.nodeCount());
        assertArrayEquals(feature, Arrays.copyOf(t.feature, t.nodeCount()));
        assertArrayEquals(threshold, Arrays.copyOf(t.threshold, t.nodeCount()), 0.0);
        assertArrayEquals(left, Arrays.copyOf(t.left, t.nodeCount()));
        assertArrayEquals(right, Arrays.copyOf(t.right, t.nodeCount()));
        assertArrayEquals(samples, Arrays.copyOf(t.nodeSamples, t.nodeCount()));
    }

    @Test
    void allRowsDrawnScoresAreSklearns() {
        double[] expected = {
            -0.16121252339402403,
            -0.2512598756577858,
            -0.2405110833467522,
            -0.19381039747304735,
            -0.16469679971392825,
            -0.2532729635527366,
            -0.2327509378227539,
            -0.17096775377201134,
            -0.2597623539975125,
            -0.2597623539975125,
            0.024037497840008193,
            0.017912502599335967
        };
        assertArrayEquals(expected, PyodIForest.builder().seed(0).build().decisionScores(FloatMatrix.of(X)), 0.0);
    }

    @Test
    void permutationBranchScoresAreSklearns() {
        double[] expected = {
            -0.0605871934031747,
            -0.0990763288414942,
            -0.11036081292711042,
            -0.061970492528045484,
            -0.017112860037182376,
            -0.056412487377375975,
            -0.0605871934031747,
            -0.012547923332503097,
            -0.10412902084819164,
            -0.10412902084819164,
            0.004543552828632502,
            0.00139421370361148
        };
        assertArrayEquals(
                expected,
                PyodIForest.builder().seed(3).maxSamples(5).threads(2).build().decisionScores(FloatMatrix.of(X)),
                0.0);
    }

    @Test
    void reservoirBranchMatchesSklearn() {
        float[][] y = new float[101][1];
        for (int i = 0; i < y.length; i++) {
            y[i][0] = (float) ((i * 37 % 101) / 10.0);
        }
        assertHead(
                PyodIForest.builder().seed(1).maxSamples(100).threads(2).build(),
                FloatMatrix.of(y),
                new double[] {
                    0.11735541379040915,
                    -0.06358881091610602,
                    -0.06657751444822474,
                    -0.038667085214282304,
                    -0.0686355592962396,
                    -0.03173570824668015
                },
                new int[] {0, 30, 71, 60, 41, 90, 11, 82, 52, 19});
    }

    @Test
    void trackingSelectionBranchMatchesSklearn() {
        float[][] z = new float[301][2];
        for (int i = 0; i < z.length; i++) {
            z[i][0] = (float) ((i * 37 % 199) / 10.0);
            z[i][1] = (float) ((i * 11 % 7) / 4.0);
        }
        assertHead(
                PyodIForest.builder().seed(2).maxSamples(3).threads(2).build(),
                FloatMatrix.of(z),
                new double[] {
                    0.0024475627074440065,
                    -0.012029247818204414,
                    -0.004853173033382396,
                    -0.019082790248097947,
                    -0.02830051868821798,
                    -0.007258943308142585
                },
                new int[] {77, 147, 287, 217, 61, 7, 131, 49, 233, 126});
    }

    @Test
    void constantFeaturesAreCarriedAsSklearnDoes() {
        // binary features: most features turn constant within a node, which exercises the splitter's
        // features / constant_features bookkeeping and its draws
        // W = np.array([[(i >> k) & 1 for k in range(6)] for i in range(64)] + [[3, 0, 1, 0, 1, 2]], dtype=np.float32)
        // f = IsolationForest(random_state=5, contamination=0.1).fit(W); s = -f.decision_function(W)
        // print([repr(float(v)) for v in s[:4]], repr(float(s[64])), np.argsort(-s)[:8].tolist())
        float[][] w = new float[65][6];
        for (int i = 0; i < 64; i++) {
            for (int k = 0; k < 6; k++) {
                w[i][k] = (i >> k) & 1;
            }
        }
        w[64] = new float[] {3, 0, 1, 0, 1, 2};
        FloatMatrix x = FloatMatrix.of(w);
        PyodIForest forest = PyodIForest.builder().seed(5).threads(2).build();
        double[] s = forest.decisionScores(x);
        assertArrayEquals(
                new double[] {
                    -0.000833507025564395, -0.003947992595088934, -0.0003127456287298491, -0.0018735876434805565
                },
                Arrays.copyOf(s, 4),
                1e-15);
        assertEquals(0.16079464775779118, s[64], 1e-15);
        assertArrayEquals(
                new int[] {64, 10, 8, 42, 14, 11, 40, 2},
                Arrays.copyOf(forest.rank(x).indices(), 8));
    }

    private static void assertHead(PyodIForest forest, FloatMatrix x, double[] scores, int[] top) {
        double[] s = forest.decisionScores(x);
        for (int i = 0; i < scores.length; i++) {
            assertEquals(scores[i], s[i], 1e-15, "sample " + i);
        }
        SampleRanking r = forest.rank(x);
        assertArrayEquals(top, Arrays.copyOf(r.indices(), top.length));
    }

    @Test
    void seedsOutsideNumpysRangeAreAOneLineUserError() {
        for (long seed : new long[] {-1, 1L << 32}) {
            CleanRankException e = assertThrows(
                    CleanRankException.class,
                    () -> PyodIForest.builder().seed(seed).build());
            assertTrue(e.getMessage().contains("seed") && !e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
