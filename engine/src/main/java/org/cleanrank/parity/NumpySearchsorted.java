package org.cleanrank.parity;

/**
 * {@code np.searchsorted(a, v, side='left')} of an ascending array: the number of values strictly below v, so a
 * v equal to a run of values lands before the run. {@code np.digitize(v, edges, right=True)} is the same count.
 */
public final class NumpySearchsorted {
    private NumpySearchsorted() {}

    /** The first index whose value is not below {@code v} ({@code sorted.length} when all are). */
    public static int left(double[] sorted, double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
