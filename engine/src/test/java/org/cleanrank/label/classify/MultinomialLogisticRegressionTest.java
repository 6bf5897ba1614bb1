package org.cleanrank.label.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.cleanrank.CleanRankException;
import org.cleanrank.Fixtures;
import org.cleanrank.io.FloatMatrix;
import org.junit.jupiter.api.Test;

class MultinomialLogisticRegressionTest {
    /** Nine 2-D points; the expected probabilities below are sklearn 1.2.1's on them. */
    static final float[][] POINTS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 1}, {1, 2}, {0.5f, 0.5f}, {2, 2}, {-1, 0.5f}};

    static int[] all(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /**
     * K = 2: sklearn's multi_class='auto' fits ONE binary model with penalty 0.5||w||^2 (not the symmetric
     * softmax's 0.5(||w0||^2 + ||w1||^2), which would halve the effective penalty). Expected:
     * LogisticRegression(max_iter=2000, tol=1e-10).fit(X, y).predict_proba(X), to 1e-6 (sklearn's stop).
     */
    @Test
    void binaryMatchesSklearnsOneVersusRestModel() {
        int[] y = {0, 0, 1, 0, 1, 1, 0, 1, 0};
        double[] p1 = {
            0.166962743803,
            0.257507404045,
            0.370225820074,
            0.504273665373,
            0.637709926927,
            0.748975284242,
            0.311073301603,
            0.837738643768,
            0.165533202269
        };
        FloatMatrix x = FloatMatrix.of(POINTS);
        double[][] p = new MultinomialLogisticRegression().fitPredict(x, all(9), y, 2, all(9));
        for (int i = 0; i < 9; i++) {
            assertEquals(p1[i], p[i][1], 1e-6, "row " + i);
            assertEquals(1 - p1[i], p[i][0], 1e-6, "row " + i);
        }
    }

    /** K = 3: the multinomial model, against sklearn 1.2.1 (tol=1e-10) to 1e-6. */
    @Test
    void threeClassesMatchSklearnsMultinomialModel() {
        int[] y = {0, 0, 1, 2, 1, 2, 0, 2, 1};
        double[][] expected = {
            {0.586276752346, 0.335659761702, 0.078063485951},
            {0.627706078199, 0.254638910266, 0.117655011536},
            {0.2737773828, 0.476451036823, 0.249771580377},
            {0.284305142826, 0.350572018477, 0.365122838697},
            {0.271624202271, 0.237319170558, 0.49105662717},
            {0.073813944279, 0.276665525579, 0.649520530142},
            {0.443705701881, 0.372811740533, 0.183482557586},
            {0.062333737204, 0.165543305977, 0.772122956819},
            {0.37645622019, 0.53033624772, 0.093207532091}
        };
        double[][] p = new MultinomialLogisticRegression().fitPredict(FloatMatrix.of(POINTS), all(9), y, 3, all(9));
        for (int i = 0; i < 9; i++) {
            assertArrayEquals(expected[i], p[i], 1e-6, "row " + i);
        }
    }

    /** Two well separated blobs: held-out points get their blob's class with high confidence. */
    @Test
    void separableClassesGiveConfidentCorrectProbabilities() {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 200;
        float[][] rows = new float[n][3];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double centre = y[i] == 0 ? -3 : 3;
            for (int j = 0; j < 3; j++) {
                rows[i][j] = (float) (centre + 0.5 * rnd.nextGaussian());
            }
        }
        FloatMatrix x = FloatMatrix.of(rows);
        int[] train = new int[150];
        int[] trainY = new int[150];
        for (int i = 0; i < 150; i++) {
            train[i] = i;
            trainY[i] = y[i];
        }
        int[] hold = new int[50];
        for (int i = 0; i < 50; i++) {
            hold[i] = 150 + i;
        }
        double[][] p = new MultinomialLogisticRegression().fitPredict(x, train, trainY, 2, hold);
        for (int i = 0; i < 50; i++) {
            assertTrue(p[i][y[hold[i]]] > 0.99, "sample " + hold[i] + ": " + p[i][y[hold[i]]]);
        }
    }

    static FloatMatrix randomMatrix(int n, int d, long seed) {
        return FloatMatrix.of(Fixtures.gaussianRows(n, d, new SplittableRandom(seed)));
    }

    /** Noisy 5-class data over more rows than one chunk: every probability row sums to 1. */
    @Test
    void rowsSumToOne() {
        int n = 300;
        FloatMatrix x = randomMatrix(n, 8, 3);
        int[] y = IntStream.range(0, n).map(i -> (i * 7) % 5).toArray();
        var model = new MultinomialLogisticRegression().fit(x, all(n), y, 5);
        assertTrue(model.gradientMaxAbs() < 1e-5, "gradient " + model.gradientMaxAbs());
        double[][] p = model.predictProba(x, all(n));
        for (double[] row : p) {
            double s = 0;
            for (double v : row) {
                assertTrue(v > 0 && v < 1);
                s += v;
            }
            assertEquals(1.0, s, 1e-12);
        }
    }

    /** The gradient is summed in fixed row chunks: 1 and 2 threads give bit-identical probabilities. */
    @Test
    void threadCountDoesNotChangeTheResult() {
        int n = 700;
        FloatMatrix x = randomMatrix(n, 16, 11);
        int[] y = IntStream.range(0, n)
                .map(i -> (x.get(i, 0) > 0 ? 1 : 0) + (x.get(i, 1) > 0.5f ? 2 : 0))
                .toArray();
        double[][] one = new MultinomialLogisticRegression(1.0, 1e-6, 5000, 1).fitPredict(x, all(n), y, 4, all(n));
        double[][] two = new MultinomialLogisticRegression(1.0, 1e-6, 5000, 2).fitPredict(x, all(n), y, 4, all(n));
        for (int i = 0; i < n; i++) {
            assertArrayEquals(one[i], two[i], 0.0, "row " + i);
        }
    }

    @Test
    void rejectsASingleClass() {
        FloatMatrix x = FloatMatrix.of(POINTS);
        assertThrows(CleanRankException.class, () -> new MultinomialLogisticRegression().fit(x, all(9), new int[9], 1));
    }
}
