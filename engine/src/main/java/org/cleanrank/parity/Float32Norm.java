package org.cleanrank.parity;

/**
 * {@code np.linalg.norm(a - b, axis=-1)} of float32 rows as numpy 1.24 evaluates it: the differences and
 * their squares rounded to float32, summed by numpy's float32 pairwise summation ({@code add.reduce}
 * over a contiguous axis: blocks of up to 128 values with eight running partial sums, longer ranges
 * split in halves rounded down to a multiple of eight), then a float32 square root.
 */
public final class Float32Norm {
    private Float32Norm() {}

    /**
     * The float32 Euclidean distance between {@code a[ao .. ao+n)} and {@code b[bo .. bo+n)}; {@code scratch}
     * (at least n long) receives the float32 squared differences, which numpy's pairwise sum then adds.
     */
    public static float distance(float[] a, int ao, float[] b, int bo, int n, float[] scratch) {
        for (int i = 0; i < n; i++) {
            float t = a[ao + i] - b[bo + i];
            scratch[i] = t * t;
        }
        // sqrt of a float in double precision rounds to the correctly rounded float sqrt.
        return (float) Math.sqrt(NumpySum.sum(scratch, 0, n));
    }
}
