package org.cleanrank.parity;

/**
 * {@code np.histogram(col, bins, density=True)} of a float32 column (numpy 1.24). The edges are float32:
 * {@code linspace(min, max, bins + 1)} evaluated in float64 ({@code k * ((max - min) / bins) + min}) and
 * rounded, the last edge exactly max; a constant column is widened to {@code [c - 0.5, c + 0.5]} in
 * float64 first. Counts use {@code [e_k, e_k+1)} with the last bin closed; the density is
 * {@code (count / w_k) / n} with the float32 width {@code w_k = fl32(e_k+1 - e_k)}.
 */
public record NumpyHistogram(float[] edges, double[] density) {
    public static NumpyHistogram of(float[] col, int bins) {
        float mn = col[0], mx = col[0];
        for (float v : col) {
            mn = Math.min(mn, v);
            mx = Math.max(mx, v);
        }
        double first = mn, last = mx;
        if (first == last) {
            first -= 0.5; // np.float32 - 0.5 is a float64 scalar
            last += 0.5;
        }
        double step = (last - first) / bins;
        float[] e = new float[bins + 1];
        for (int k = 0; k < bins; k++) {
            e[k] = (float) (k * step + first);
        }
        e[bins] = (float) last;
        long[] count = new long[bins];
        for (float v : col) {
            count[bin(e, v)]++;
        }
        double[] density = new double[bins];
        int n = col.length;
        for (int k = 0; k < bins; k++) {
            float w = e[k + 1] - e[k]; // np.diff of float32 edges: float32 arithmetic
            density[k] = (double) count[k] / (double) w / n;
        }
        return new NumpyHistogram(e, density);
    }

    /** The bin numpy counts v in: the last k with e_k &lt;= v, the maximum in the last bin. */
    private static int bin(float[] e, float v) {
        int lo = 0, hi = e.length - 2; // answer in [0, bins - 1]
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (e[mid] <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
