package org.cleanrank.vectorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
        IntraExtraKernel.Accumulators a = accumulators(n, new Random(n)), b = accumulators(n, new Random(n));
        IntraExtraKernel.Accumulators expect = accumulators(n, new Random(n));
        for (int j = from; j < to; j++) {
            float v = d[5 + j - from];
            if (labels[j] == label) {
                expect.minSame[j] = Math.min(expect.minSame[j], v);
                expect.rowMinSame = Math.min(expect.rowMinSame, v);
            } else {
                expect.minDiff[j] = Math.min(expect.minDiff[j], v);
                expect.maxDiff[j] = Math.max(expect.maxDiff[j], v);
                expect.rowMinDiff = Math.min(expect.rowMinDiff, v);
                expect.rowMaxDiff = Math.max(expect.rowMaxDiff, v);
            }
        }
        plain.row(d, 5, from, to, label, labels, a);
        panama.row(d, 5, from, to, label, labels, b);
        for (IntraExtraKernel.Accumulators got : List.of(a, b)) {
            assertArrayEquals(expect.minSame, got.minSame);
            assertArrayEquals(expect.minDiff, got.minDiff);
            assertArrayEquals(expect.maxDiff, got.maxDiff);
            assertEquals(expect.rowMinSame, got.rowMinSame);
            assertEquals(expect.rowMinDiff, got.rowMinDiff);
            assertEquals(expect.rowMaxDiff, got.rowMaxDiff);
        }
        assertEquals("plain", plain.name());
    }

    /** Fresh (+-Inf) accumulators with some stale values, as a later tile finds them. */
    private static IntraExtraKernel.Accumulators accumulators(int n, Random r) {
        IntraExtraKernel.Accumulators acc = new IntraExtraKernel.Accumulators(n);
        for (int j = 0; j < n; j += 3) {
            acc.minSame[j] = r.nextFloat();
            acc.minDiff[j] = r.nextFloat();
            acc.maxDiff[j] = r.nextFloat();
        }
        acc.rowMinSame = r.nextBoolean() ? Float.POSITIVE_INFINITY : 0.3f;
        acc.rowMaxDiff = 0.6f;
        return acc;
    }
}
