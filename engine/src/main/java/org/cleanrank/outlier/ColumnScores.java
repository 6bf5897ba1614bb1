package org.cleanrank.outlier;

import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.parity.NumpySum;

/**
 * Per-feature contributions of a feature-independent detector (ECOD, HBOS), stored feature by feature so
 * that workers filling different features never share cache lines, then summed per sample in numpy's
 * pairwise order, as {@code O.sum(axis=1)} over the C-ordered (n, d) float64 matrix does.
 */
final class ColumnScores {
    private static final int ROW_BLOCK = 256;

    private final int n;
    private final int d;
    private final double[] byFeature;

    ColumnScores(int n, int d) {
        if ((long) n * d > Integer.MAX_VALUE - 16) {
            throw new org.cleanrank.CleanRankException(
                    n + " x " + d + " per-feature scores exceed one Java array; reduce N or D");
        }
        this.n = n;
        this.d = d;
        this.byFeature = new double[n * d];
    }

    void set(int feature, int sample, double v) {
        byFeature[feature * n + sample] = v;
    }

    /** Row sums {@code sum_f O[i, f]} in numpy's pairwise order, blocks of samples in parallel. */
    double[] rowSums(int threads) {
        double[] out = new double[n];
        int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
        ParallelTasks.forEach(blocks, threads, b -> {
            double[] row = new double[d];
            int end = Math.min(n, (b + 1) * ROW_BLOCK);
            for (int i = b * ROW_BLOCK; i < end; i++) {
                for (int f = 0; f < d; f++) {
                    row[f] = byFeature[f * n + i];
                }
                out[i] = NumpySum.sum(row, 0, d);
            }
        });
        return out;
    }
}
