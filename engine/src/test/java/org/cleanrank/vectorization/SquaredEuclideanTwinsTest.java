package org.cleanrank.vectorization;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The squared Euclidean twins (PyOD KNN) agree bit for bit with each other and with one plain float64 FMA chain
 * per pair, on random rows of odd counts and dimensions that are not a multiple of the lanes, whole and partial
 * tiles (the Panama twin's 4x1 remainder path).
 */
class SquaredEuclideanTwinsTest extends BaseVectorizationTestCase {
    private static final int W = SquaredEuclideanKernel.PANEL;

    /** Panels and norms as {@code org.cleanrank.outlier.SquaredEuclideanTiles} lays them out. */
    private record Packed(double[] panels, double[] norms, double[][] rows, int panelCount) {}

    private static Packed random(int n, int dim, long seed) {
        Random r = new Random(seed);
        double[][] rows = new double[n][dim];
        for (double[] x : rows) {
            for (int k = 0; k < dim; k++) {
                x[k] = (float) (r.nextGaussian() * (k % 3 == 0 ? 1000 : 1)); // float32 values, mixed magnitudes
            }
        }
        if (n > 3) {
            rows[3] = rows[1].clone(); // a duplicate: the distance must clip at exactly 0
            rows[2] = new double[dim]; // a zero row
        }
        int panelCount = (n + W - 1) / W;
        double[] panels = new double[panelCount * W * dim];
        double[] norms = new double[panelCount * W];
        for (int i = 0; i < n; i++) {
            double sq = 0;
            for (int k = 0; k < dim; k++) {
                panels[((i / W) * dim + k) * W + i % W] = rows[i][k];
                sq += rows[i][k] * rows[i][k];
            }
            norms[i] = sq;
        }
        return new Packed(panels, norms, rows, panelCount);
    }

    private static float[] tile(SquaredEuclideanKernel k, Packed p, int pi0, int pi1, int pj0, int pj1, int dim) {
        float[] out = new float[(pi1 - pi0) * W * (pj1 - pj0) * W];
        k.tile(p.panels(), p.norms(), dim, pi0, pi1, pj0, pj1, out);
        return out;
    }

    @ParameterizedTest
    @CsvSource({"1,1", "3,5", "5,7", "13,3", "37,17", "21,33", "9,130", "64,64"})
    void twinsAgreeBitForBitWithOneFmaChainPerPair(int n, int dim) {
        SquaredEuclideanKernel plain = plainProvider().squaredEuclidean();
        SquaredEuclideanKernel simd = panamaProvider().squaredEuclidean();
        Packed p = random(n, dim, 97L * n + dim);
        int pc = p.panelCount();
        float[] a = tile(plain, p, 0, pc, 0, pc, dim);
        float[] b = tile(simd, p, 0, pc, 0, pc, dim);
        int width = pc * W;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int k = 0; k < dim; k++) {
                    dot = Math.fma(p.rows()[i][k], p.rows()[j][k], dot);
                }
                float expected = SquaredEuclideanKernel.fromDot(dot, p.norms()[i], p.norms()[j]);
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(a[i * width + j]), i + "," + j);
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(b[i * width + j]), i + "," + j);
            }
        }
        if (n > 3) {
            assertEquals(0f, b[1 * width + 3], "duplicates are at distance 0");
        }
        // an odd number of column panels, not starting at 0: the remainder path
        if (pc >= 4) {
            float[] c = tile(plain, p, 1, 2, 1, 4, dim);
            float[] d = tile(simd, p, 1, 2, 1, 4, dim);
            for (int k = 0; k < c.length; k++) {
                assertEquals(Float.floatToRawIntBits(c[k]), Float.floatToRawIntBits(d[k]), "sub-tile entry " + k);
                int i = W + k / (3 * W), j = W + k % (3 * W);
                assertEquals(a[i * width + j], c[k], "sub-tile equals the whole tile at " + i + "," + j);
            }
        }
    }
}
