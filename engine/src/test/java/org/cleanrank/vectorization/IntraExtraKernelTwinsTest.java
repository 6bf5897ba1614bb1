package org.cleanrank.vectorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The intra/extra reductions' twins give the exact minima and maxima a direct loop gives, on rows of any
 * length and offset, with repeated distances, one-label and all-different-label rows, and stale accumulators.
 */
class IntraExtraKernelTwinsTest extends BaseVectorizationTestCase {
    @ParameterizedTest
    @CsvSource({"1,0,1,3", "40,3,37,2", "128,0,128,1", "300,17,283,5", "64,9,10,64", "100,0,99,100"})
    void twinsTakeTheExactReductions(int n, int from, int to, int classes) {
        IntraExtraKernel plain = plainProvider().intraExtra(),
                panama = panamaProvider().intraExtra();
        Random r = new Random(n * 31L + from * 7L + classes);
        int[] labels = new int[n];
        for (int j = 0; j < n; j++) {
            labels[j] = r.nextInt(classes);
        }
        float[] d = new float[5 + n];
        for (int c = 0; c < d.length; c++) {
            d[c] = r.nextInt(5) == 0 ? 0.5f : r.nextInt(7) == 0 ? 0f : r.nextFloat(); // ties and exact zeros
        }
        int label = r.nextInt(classes);
        float[][] a = accumulators(n, r), b = new float[4][];
        for (int k = 0; k < 4; k++) {
            b[k] = a[k].clone();
        }
        float[][] expect = new float[4][];
        for (int k = 0; k < 4; k++) {
            expect[k] = a[k].clone();
        }
        for (int j = from; j < to; j++) {
            float v = d[5 + j - from];
            if (labels[j] == label) {
                expect[0][j] = Math.min(expect[0][j], v);
                expect[3][0] = Math.min(expect[3][0], v);
            } else {
                expect[1][j] = Math.min(expect[1][j], v);
                expect[2][j] = Math.max(expect[2][j], v);
                expect[3][1] = Math.min(expect[3][1], v);
                expect[3][2] = Math.max(expect[3][2], v);
            }
        }
        plain.row(d, 5, from, to, label, labels, a[0], a[1], a[2], a[3]);
        panama.row(d, 5, from, to, label, labels, b[0], b[1], b[2], b[3]);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(expect[k], a[k], "plain, accumulator " + k);
            assertArrayEquals(expect[k], b[k], "panama, accumulator " + k);
        }
        assertEquals(plain.name(), "plain");
    }

    /** minSame, minDiff, maxDiff per column and the row's three, partly fresh (+-Inf), partly stale values. */
    private static float[][] accumulators(int n, Random r) {
        float[] minSame = new float[n], minDiff = new float[n], maxDiff = new float[n];
        Arrays.fill(minSame, Float.POSITIVE_INFINITY);
        Arrays.fill(minDiff, Float.POSITIVE_INFINITY);
        Arrays.fill(maxDiff, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < n; j += 3) {
            minSame[j] = r.nextFloat();
            minDiff[j] = r.nextFloat();
            maxDiff[j] = r.nextFloat();
        }
        float[] row = {r.nextBoolean() ? Float.POSITIVE_INFINITY : 0.3f, Float.POSITIVE_INFINITY, 0.6f};
        return new float[][] {minSame, minDiff, maxDiff, row};
    }
}
