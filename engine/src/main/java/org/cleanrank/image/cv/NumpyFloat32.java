package org.cleanrank.image.cv;

/** numpy's float32 reductions, in its order of operations (numpy 1.24, {@code loops_utils.h.src}). */
final class NumpyFloat32 {
    private static final int PW_BLOCKSIZE = 128;

    private NumpyFloat32() {}

    /**
     * {@code np.add.reduce} of a contiguous float32 array: identity 0 plus {@code pairwise_sum}: fewer than
     * 8 elements summed in order; up to 128 with 8 running accumulators combined as
     * ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) then the remainder; otherwise split at n/2 rounded down to a
     * multiple of 8.
     */
    static float pairwiseSum(float[] a, int off, int n) {
        return 0f + pw(a, off, n);
    }

    private static float pw(float[] a, int off, int n) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else if (n <= PW_BLOCKSIZE) {
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
