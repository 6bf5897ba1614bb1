package org.cleanrank.outlier;

import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.Logs;
import org.cleanrank.parity.NumpyHistogram;
import org.cleanrank.parity.NumpySearchsorted;

/**
 * PyOD's {@code HBOS(n_bins=10, alpha=0.1, tol=0.5)} as CleanPatrick runs it. Per feature a
 * {@link NumpyHistogram} (float32 edges, bins {@code [e_k, e_k+1)}); the score lookup then uses
 * {@code np.digitize(x, edges, right=True)} on the float64 copy of the edges, i.e. bins
 * {@code (e_k-1, e_k]}: a value exactly on an interior edge gets the bin BELOW the one it was counted in,
 * and the column minimum falls "left of the first bin" (distance 0 &lt;= tol * width, so bin 0). Values
 * left/right of all bins by more than {@code tol} bin widths get the smallest bin score. The decision
 * score is {@code -sum_f log2(density + alpha)} (numpy's pairwise sum over features, then negated).
 */
public final class PyodHbos implements PyodDetector {
    private static final String NAME = "PyOD HBOS";
    private final int nBins;
    private final double alpha;
    private final double tol;
    private final int threads;

    private PyodHbos(Builder b) {
        if (b.nBins < 1) {
            throw new CleanRankException(NAME + ": nBins = " + b.nBins + "; it must be at least 1");
        }
        if (!(b.alpha >= 0 && b.alpha <= 1)) { // pyod check_parameter(alpha, 0, 1)
            throw new CleanRankException(NAME + ": alpha = " + b.alpha + "; it must be in [0, 1]");
        }
        if (!(b.tol >= 0 && b.tol <= 1)) {
            throw new CleanRankException(NAME + ": tol = " + b.tol + "; it must be in [0, 1]");
        }
        this.nBins = b.nBins;
        this.alpha = b.alpha;
        this.tol = b.tol;
        this.threads = OutlierInputs.threads(b.threads);
    }

    public static PyodHbos defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public double[] decisionScores(FloatMatrix x) {
        OutlierInputs.require(x, NAME, 1);
        int n = x.rows(), d = x.cols();
        ColumnScores o = new ColumnScores(n, d);
        ParallelTasks.forEach(d, threads, f -> feature(x.column(f), f, o));
        double[] s = o.rowSums(threads);
        for (int i = 0; i < n; i++) {
            s[i] = -1 * s[i]; // pyod invert_order
        }
        return s;
    }

    private void feature(float[] col, int f, ColumnScores o) {
        NumpyHistogram h = NumpyHistogram.of(col, nBins);
        double[] edges = new double[nBins + 1];
        for (int k = 0; k <= nBins; k++) {
            edges[k] = h.edges()[k];
            if (k > 0 && !(edges[k] > edges[k - 1])) {
                // numpy gets a NaN density for an empty float32 bin and pyod's integrity assert fails
                throw new CleanRankException(
                        NAME + ": feature " + f + " spans only " + (edges[nBins] - edges[0]) + ", too narrow for "
                                + nBins + " float32 bins (PyOD fails on it too); drop the feature or lower nBins");
            }
        }
        double[] binScore = new double[nBins];
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < nBins; k++) {
            binScore[k] = Logs.log2(h.density()[k] + alpha);
            lowest = Math.min(lowest, binScore[k]);
        }
        for (int j = 0; j < col.length; j++) {
            double v = col[j];
            int b = NumpySearchsorted.left(edges, v); // np.digitize(v, edges, right=True)
            double score;
            if (b == 0) {
                double dist = edges[0] - v;
                double width = edges[1] - edges[0];
                score = dist <= width * tol ? binScore[0] : lowest;
            } else if (b == nBins + 1) {
                double dist = v - edges[nBins];
                double width = edges[nBins] - edges[nBins - 1];
                score = dist <= width * tol ? binScore[nBins - 1] : lowest;
            } else {
                score = binScore[b - 1];
            }
            o.set(f, j, score);
        }
    }

    public static final class Builder {
        private int nBins = 10;
        private double alpha = 0.1;
        private double tol = 0.5;
        private int threads = 0;

        private Builder() {}

        /** PyOD's n_bins (default 10). */
        public Builder nBins(int bins) {
            this.nBins = bins;
            return this;
        }

        /** PyOD's alpha, the regulariser added to each density (default 0.1). */
        public Builder alpha(double a) {
            this.alpha = a;
            return this;
        }

        /** PyOD's tol, how many bin widths outside the edges still count as the outer bin (default 0.5). */
        public Builder tol(double t) {
            this.tol = t;
            return this;
        }

        /** Worker threads over features; 0 (default) = all available processors. Results do not depend on it. */
        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        public PyodHbos build() {
            return new PyodHbos(this);
        }
    }
}
