package org.cleanrank.label.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.cleanrank.CleanRankException;
import org.cleanrank.Fixtures;
import org.cleanrank.io.FloatMatrix;
import org.junit.jupiter.api.Test;

class CrossValidatedProbabilitiesTest {

    /** n samples, d features of Gaussian noise; class = 0/1/2.. by bands of feature 0 shifted far apart. */
    private static FloatMatrix blobs(int n, int d, int[] labels, double shift, long seed) {
        float[][] rows = Fixtures.gaussianRows(n, d, new Random(seed));
        for (int i = 0; i < n; i++) {
            rows[i][0] += (float) (shift * labels[i]);
        }
        return FloatMatrix.of(rows);
    }

    @Test
    void separableTwoClassSetFavoursTheTrueClass() {
        int n = 60;
        int[] y = IntStream.range(0, n).map(i -> i % 2).toArray();
        FloatMatrix x = blobs(n, 4, y, 20.0, 1);
        double[][] p = CrossValidatedProbabilities.adaBoost(x, y, 5, 0, 2, null);
        for (int i = 0; i < n; i++) {
            assertEquals(1.0, p[i][0] + p[i][1], 1e-12);
            assertTrue(p[i][y[i]] > 0.99, "sample " + i + " p=" + p[i][y[i]]);
        }
        // One stump separates every training fold, so boosting stops after it (estimator_error == 0).
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        assertEquals(1, new AdaBoostSammeR().fit(x, rows, y, 2).stumps().size());
    }

    @Test
    void sameSeedGivesIdenticalOutputWithOneAndTwoThreads() {
        int n = 150;
        int[] y = new int[n];
        Random r = new Random(3);
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(4);
        }
        FloatMatrix x = blobs(n, 6, y, 0.8, 2);
        int[] folds = StratifiedFolds.holdoutFolds(y, 5, 7);
        double[][] one = CrossValidatedProbabilities.compute(x, y, folds, new AdaBoostSammeR(), 1, null);
        double[][] two = CrossValidatedProbabilities.compute(x, y, folds, new AdaBoostSammeR(50, 1.0, 0, 2), 2, null);
        List<Integer> seen = new ArrayList<>();
        double[][] again = CrossValidatedProbabilities.adaBoost(x, y, 5, 7, 2, seen::add);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(one[i], two[i], 0.0);
            assertArrayEquals(one[i], again[i], 0.0);
        }
        assertEquals(List.of(1, 2, 3, 4, 5), seen);
    }

    @Test
    void classWithOneSampleIsCopiedIntoTrainingAndGetsOneHot() {
        int n = 40;
        int[] y = IntStream.range(0, n).map(i -> i % 2).toArray();
        y[17] = 2; // the only sample of class 2
        FloatMatrix x = blobs(n, 3, y, 1.0, 5);
        int[] folds = StratifiedFolds.holdoutFolds(y, 5, 0);
        double[][] p = CrossValidatedProbabilities.compute(x, y, folds, new AdaBoostSammeR(), 2, null);
        assertArrayEquals(new double[] {0, 0, 1}, p[17], 0.0);
        for (int i = 0; i < n; i++) {
            assertEquals(3, p[i].length);
            assertEquals(1.0, p[i][0] + p[i][1] + p[i][2], 1e-12);
        }
    }

    @Test
    void foldsAreStratified() {
        int[] y = new int[103];
        for (int i = 0; i < y.length; i++) {
            y[i] = (i * 7) % 3;
        }
        int[] folds = StratifiedFolds.holdoutFolds(y, 10, 42);
        for (int c = 0; c < 3; c++) {
            int[] count = new int[10];
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    count[folds[i]]++;
                }
            }
            int min = java.util.Arrays.stream(count).min().getAsInt();
            int max = java.util.Arrays.stream(count).max().getAsInt();
            assertTrue(max - min <= 1, "class " + c + " fold sizes " + java.util.Arrays.toString(count));
        }
    }

    @Test
    void badInputIsOneLineUserError() {
        int[] y = {0, 1, 0, 1};
        FloatMatrix x = blobs(4, 2, y, 1.0, 1);
        CleanRankException tooMany =
                assertThrows(CleanRankException.class, () -> CrossValidatedProbabilities.adaBoost(x, y, 5, 0, 1, null));
        assertTrue(tooMany.getMessage().contains("5 folds"), tooMany.getMessage());
        assertThrows(
                CleanRankException.class,
                () -> CrossValidatedProbabilities.adaBoost(x, new int[] {0, 1, 0}, 2, 0, 1, null));
        assertThrows(
                CleanRankException.class,
                () -> CrossValidatedProbabilities.adaBoost(x, new int[] {0, 2, 0, 2}, 2, 0, 1, null));
        assertThrows(CleanRankException.class, () -> CrossValidatedProbabilities.adaBoost(x, y, 1, 0, 1, null));
        FloatMatrix nan = new FloatMatrix(4, 2, new float[] {0, 1, 2, Float.NaN, 4, 5, 6, 7});
        assertThrows(CleanRankException.class, () -> CrossValidatedProbabilities.adaBoost(nan, y, 2, 0, 1, null));
        // Every class smaller than the fold count: sklearn's StratifiedKFold refuses.
        assertThrows(CleanRankException.class, () -> StratifiedFolds.holdoutFolds(new int[] {0, 1, 2, 0, 1, 2}, 3, 0));
        for (CleanRankException e : new CleanRankException[] {tooMany}) {
            assertTrue(!e.getMessage().contains("\n"));
        }
    }
}
