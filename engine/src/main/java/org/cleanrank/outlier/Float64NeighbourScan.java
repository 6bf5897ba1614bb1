package org.cleanrank.outlier;

import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;

/**
 * The k-th OTHER-sample distance as scikit-learn's KDTree gives it (NearestNeighbors 'auto' picks a tree for
 * d &lt;= 15 and n_neighbors &lt; n // 2): the rows widened to float64, {@code sqrt(sum_k (x_k - y_k)^2)} summed in
 * dimension order, no float32 rounding. Computed by a brute-force scan, rows in parallel (the tree only
 * changes the speed, not the values).
 */
final class Float64NeighbourScan {
    private static final int BLOCK = 64;

    private Float64NeighbourScan() {}

    static double[] kthDistances(FloatMatrix x, int k, int threads) {
        int n = x.rows(), d = x.cols();
        float[] a = x.data();
        double[] out = new double[n];
        ParallelTasks.forEach((n + BLOCK - 1) / BLOCK, threads, b -> {
            double[] best = new double[k];
            double[] row = new double[d];
            for (int i = b * BLOCK, end = Math.min(n, (b + 1) * BLOCK); i < end; i++) {
                java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
                for (int c = 0; c < d; c++) {
                    row[c] = a[i * d + c];
                }
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        continue;
                    }
                    double s = 0.0;
                    int base = j * d;
                    for (int c = 0; c < d; c++) {
                        double t = row[c] - a[base + c];
                        s += t * t;
                    }
                    if (s < best[k - 1]) {
                        int p = k - 1;
                        while (p > 0 && best[p - 1] > s) {
                            best[p] = best[p - 1];
                            p--;
                        }
                        best[p] = s;
                    }
                }
                out[i] = Math.sqrt(best[k - 1]);
            }
        });
        return out;
    }
}
