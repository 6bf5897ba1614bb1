package org.cleanrank.outlier;

import org.cleanrank.io.FloatMatrix;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.PairTiles;
import org.cleanrank.vectorization.SquaredEuclideanKernel;

/**
 * Float32 squared Euclidean distances of raw (not normalised) float32 rows, tile by tile for
 * {@link PairEngine}, as scikit-learn's brute-force kNN computes them (see {@link SquaredEuclideanKernel}).
 * The rows are held once, widened to float64, in panels of four points.
 */
final class SquaredEuclideanTiles implements PairTiles {
    static final int PANEL = SquaredEuclideanKernel.PANEL;

    private final int n;
    private final int dim;
    private final double[] panels;
    private final double[] norms;
    private final SquaredEuclideanKernel kernel;

    SquaredEuclideanTiles(FloatMatrix x, SquaredEuclideanKernel kernel) {
        if (PairEngine.TILE % PANEL != 0) {
            throw new IllegalStateException("tile " + PairEngine.TILE + " is not a whole number of panels");
        }
        this.n = x.rows();
        this.dim = x.cols();
        this.kernel = kernel;
        int padded = (n + PANEL - 1) / PANEL * PANEL;
        if ((long) padded * dim > Integer.MAX_VALUE - 16) {
            throw new org.cleanrank.CleanRankException(
                    "PyOD KNN: " + n + " x " + dim + " embeddings exceed one Java array in float64; reduce N or D");
        }
        this.panels = new double[padded * dim];
        this.norms = new double[padded];
        float[] a = x.data();
        for (int r = 0; r < n; r++) {
            int base = (r / PANEL) * dim * PANEL + r % PANEL;
            double sq = 0.0;
            for (int k = 0; k < dim; k++) {
                double v = a[r * dim + k];
                panels[base + k * PANEL] = v;
                sq += v * v; // |x|^2 in float64, as row_norms of the upcast chunk
            }
            norms[r] = sq;
        }
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public int compute(int i0, int i1, int j0, int j1, float[] out) {
        if (i0 % PANEL != 0 || j0 % PANEL != 0) {
            throw new IllegalArgumentException("tiles start on panel boundaries");
        }
        int pj0 = j0 / PANEL, pj1 = (j1 + PANEL - 1) / PANEL;
        kernel.tile(panels, norms, dim, i0 / PANEL, (i1 + PANEL - 1) / PANEL, pj0, pj1, out);
        return (pj1 - pj0) * PANEL;
    }
}
