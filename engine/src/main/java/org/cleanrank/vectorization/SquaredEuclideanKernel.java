package org.cleanrank.vectorization;

/**
 * Squared Euclidean distances of one tile as scikit-learn 1.2.1's brute-force kNN gets them for float32
 * rows ({@code _euclidean_distances_upcast}): rows widened to float64, {@code d = -2 * x.y; d += |x|^2;
 * d += |y|^2} in float64, then rounded to float32 and clipped at 0. Products of float32 values are exact
 * in float64, so every lane is one sequential chain {@code acc = fma(x_k, y_k, acc)}; the plain and the
 * Panama twin therefore agree bit for bit.
 *
 * <p>Layout: {@link #PANEL} points per panel, dimension k of point r at
 * {@code panels[((r / 4) * dim + k) * 4 + r % 4]}; {@code norms} padded to whole panels
 * ({@code org.cleanrank.outlier.SquaredEuclideanTiles} builds both).
 */
public interface SquaredEuclideanKernel {
    /** Points per panel: one 256-bit vector of float64. */
    int PANEL = 4;

    String name();

    /** Panels {@code [pi0, pi1)} x {@code [pj0, pj1)} into {@code out[(i - 4 pi0) * width + (j - 4 pj0)]}, width = 4 (pj1 - pj0). */
    void tile(double[] panels, double[] norms, int dim, int pi0, int pi1, int pj0, int pj1, float[] out);

    /** The float32 squared distance from the float64 dot product, as sklearn rounds it. */
    static float fromDot(double dot, double xx, double yy) {
        double d = -2.0 * dot;
        d += xx;
        d += yy;
        float f = (float) d;
        return f > 0f ? f : 0f;
    }
}
