package org.cleanrank.parity;

/**
 * {@code np.linalg.norm(a - b, axis=-1)} of float32 rows as numpy 1.24 evaluates it: the differences and
 * their squares rounded to float32, summed by numpy's float32 pairwise summation ({@code add.reduce}
 * over a contiguous axis: blocks of up to 128 values with eight running partial sums, longer ranges
 * split in halves rounded down to a multiple of eight), then a float32 square root.
 */
public final class Float32Norm {
    private static final int PW_BLOCKSIZE = 128;

    private Float32Norm() {}

    /** The float32 Euclidean distance between {@code a[ao .. ao+n)} and {@code b[bo .. bo+n)}. */
    public static float distance(float[] a, int ao, float[] b, int bo, int n) {
        // sqrt of a float in double precision rounds to the correctly rounded float sqrt.
        return (float) Math.sqrt(squaredSum(a, ao, b, bo, n));
    }

    public static float squaredSum(float[] a, int ao, float[] b, int bo, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                float t = a[ao + i] - b[bo + i];
                res += t * t;
            }
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            float r0 = sq(a, ao, b, bo), r1 = sq(a, ao + 1, b, bo + 1);
            float r2 = sq(a, ao + 2, b, bo + 2), r3 = sq(a, ao + 3, b, bo + 3);
            float r4 = sq(a, ao + 4, b, bo + 4), r5 = sq(a, ao + 5, b, bo + 5);
            float r6 = sq(a, ao + 6, b, bo + 6), r7 = sq(a, ao + 7, b, bo + 7);
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += sq(a, ao + i, b, bo + i);
                r1 += sq(a, ao + i + 1, b, bo + i + 1);
                r2 += sq(a, ao + i + 2, b, bo + i + 2);
                r3 += sq(a, ao + i + 3, b, bo + i + 3);
                r4 += sq(a, ao + i + 4, b, bo + i + 4);
                r5 += sq(a, ao + i + 5, b, bo + i + 5);
                r6 += sq(a, ao + i + 6, b, bo + i + 6);
                r7 += sq(a, ao + i + 7, b, bo + i + 7);
            }
            float res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += sq(a, ao + i, b, bo + i);
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return squaredSum(a, ao, b, bo, n2) + squaredSum(a, ao + n2, b, bo + n2, n - n2);
        }
    }

    private static float sq(float[] a, int i, float[] b, int j) {
        float t = a[i] - b[j];
        return t * t;
    }
}
