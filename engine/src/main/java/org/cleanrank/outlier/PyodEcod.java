package org.cleanrank.outlier;

import java.util.Arrays;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.Logs;
import org.cleanrank.parity.ScipySkew;

/**
 * PyOD's {@code ECOD()} as CleanPatrick runs it. Per feature, PyOD's {@code column_ecdf} gives the sorted
 * position i the value {@code numpy.linspace(1/n, 1, n)[i]} (float64 {@code i * step + 1/n}, the last one
 * exactly 1) and every tied value the value of the LAST tied position; {@code U_l = -log ECDF(x)},
 * {@code U_r = -log ECDF(-x)}; with s = sign of scipy's biased skewness of the float32 column (NaN -&gt; 0),
 * {@code U_skew} is U_l (s &lt; 0), U_r (s &gt; 0) or U_l + U_r (s = 0), and the score is the pairwise
 * float64 sum over features of {@code max(U_l, U_r, U_skew)}. Hence the skewness only matters when its
 * sign is 0 (a constant column, or exactly zero third moment): then both tails add up.
 *
 * <p>Features are independent and run in parallel.
 */
public final class PyodEcod implements PyodDetector {
    private static final String NAME = "PyOD ECOD";
    private final int threads;

    private PyodEcod(Builder b) {
        this.threads = OutlierInputs.threads(b.threads);
    }

    public static PyodEcod defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public double[] decisionScores(FloatMatrix x) {
        OutlierInputs.require(x, NAME, 2);
        int n = x.rows(), d = x.cols();
        double[] tail = negativeLogEcdf(n);
        ColumnScores o = new ColumnScores(n, d);
        ParallelTasks.forEach(d, threads, f -> feature(x, f, tail, o));
        return o.rowSums(threads);
    }

    /** {@code -log(numpy.linspace(1/n, 1, n))}: {@code y = arange(n) * step + 1/n}, {@code y[-1] = 1}. */
    static double[] negativeLogEcdf(int n) {
        double start = 1.0 / n;
        double step = (1.0 - start) / (n - 1);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double p = i == n - 1 ? 1.0 : i * step + start;
            t[i] = -1 * Logs.ln(p);
        }
        return t;
    }

    private static void feature(FloatMatrix x, int f, double[] tail, ColumnScores o) {
        float[] col = x.column(f);
        int n = col.length;
        int s = ScipySkew.sign(col, x.cols() == 1);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((long) sortableBits(col[i]) << 32) | i;
        }
        Arrays.sort(keys);
        int a = 0;
        while (a < n) {
            float v = col[(int) keys[a]];
            int b = a;
            while (b + 1 < n && col[(int) keys[b + 1]] == v) { // -0.0 == 0.0: one run, as numpy's ==
                b++;
            }
            double ul = tail[b]; // ECDF(x): last tied position in ascending order
            double ur = tail[n - 1 - a]; // ECDF(-x): last tied position of -x in ascending order
            double score = s == 0 ? ul + ur : Math.max(ul, ur);
            for (int r = a; r <= b; r++) {
                o.set(f, (int) keys[r], score);
            }
            a = b + 1;
        }
    }

    /** float bits as an int that orders like the float value (-0.0 just below 0.0). */
    static int sortableBits(float v) {
        int bits = Float.floatToRawIntBits(v);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    public static final class Builder {
        private int threads = 0;

        private Builder() {}

        /** Worker threads over features; 0 (default) = all available processors. Results do not depend on it. */
        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        public PyodEcod build() {
            return new PyodEcod(this);
        }
    }
}
