package org.cleanrank.parity;

/**
 * numpy's pairwise summation ({@code np.sum}, {@code np.add.reduce} on a contiguous array), float64 and float32:
 * blocks of up to 128 values summed with eight running partial sums, larger ranges split in halves
 * rounded to a multiple of eight. Using the same order keeps the metrics within an ulp or two of the
 * reference instead of "close".
 */
public final class NumpySum {
    private static final int BLOCK = 128;

    private NumpySum() {}

    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    public static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else if (n <= BLOCK) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[from + i];
                r1 += a[from + i + 1];
                r2 += a[from + i + 2];
                r3 += a[from + i + 3];
                r4 += a[from + i + 4];
                r5 += a[from + i + 5];
                r6 += a[from + i + 6];
                r7 += a[from + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return sum(a, from, n2) + sum(a, from + n2, n - n2);
        }
    }

    /**
     * {@code np.add.reduce} of a contiguous float32 array: identity 0 plus {@code pairwise_sum}: fewer than
     * 8 elements summed in order; up to 128 with 8 running accumulators combined as
     * ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) then the remainder; otherwise split at n/2 rounded down to a
     * multiple of 8.
     */
    public static float sum(float[] a, int off, int n) {
        return 0f + pw(a, off, n);
    }

    private static float pw(float[] a, int off, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else if (n <= BLOCK) {
            float r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            float r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[off + i];
                r1 += a[off + i + 1];
                r2 += a[off + i + 2];
                r3 += a[off + i + 3];
                r4 += a[off + i + 4];
                r5 += a[off + i + 5];
                r6 += a[off + i + 6];
                r7 += a[off + i + 7];
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pw(a, off, n2) + pw(a, off + n2, n - n2);
        }
    }
}
