package org.cleanrank.parity;

/**
 * The sign of {@code scipy.stats.skew(column)} (scipy 1.10.1, bias=True) for a float32 column, with the
 * NaN that scipy returns for a (nearly) constant column mapped to 0 as PyOD's
 * {@code np.nan_to_num} does. scipy keeps float32 throughout: mean, deviations, {@code a0**2} and
 * {@code (a0**2) * a0} and their means are float32, the column is declared constant when
 * {@code m2 <= (1e-6f * mean)**2}, and the value is {@code m3 / m2**1.5}.
 *
 * <p>Summation order matters for the zero test and tiny m3: numpy reduces axis 0 of a C-ordered (n, d)
 * array row by row (a plain running float32 sum per column); with a single feature (d = 1) it is a
 * contiguous reduction and uses numpy's pairwise sum instead.
 */
public final class ScipySkew {
    private static final float RESOLUTION = 1e-6f; // np.finfo(np.float32).resolution

    private ScipySkew() {}

    /** -1, 0 or 1. */
    public static int sign(float[] col, boolean pairwise) {
        int n = col.length;
        float mean = sum(col, pairwise) / n;
        float[] a0 = new float[n];
        float[] sq = new float[n];
        float[] cube = new float[n];
        for (int i = 0; i < n; i++) {
            a0[i] = col[i] - mean;
            sq[i] = a0[i] * a0[i];
            cube[i] = sq[i] * a0[i];
        }
        float m2 = sum(sq, pairwise) / n;
        float m3 = sum(cube, pairwise) / n;
        float t = RESOLUTION * mean;
        if (m2 <= t * t) {
            return 0; // scipy: NaN; PyOD: nan_to_num -> 0
        }
        float v = m3 / (float) Math.pow(m2, 1.5);
        if (Float.isNaN(v)) {
            return 0;
        }
        return v > 0 ? 1 : (v < 0 ? -1 : 0);
    }

    static float sum(float[] a, boolean pairwise) {
        if (pairwise) {
            return NumpySum.sum(a, 0, a.length);
        }
        float s = 0f;
        for (float v : a) {
            s += v;
        }
        return s;
    }
}
