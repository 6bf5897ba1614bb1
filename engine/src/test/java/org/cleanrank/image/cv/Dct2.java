package org.cleanrank.image.cv;

/**
 * Orthonormal 2-D DCT-II, the transform {@code cv::dct} computes on a float matrix
 * ({@code modules/core/src/dxt.cpp}; scale sqrt(1/N) for k = 0, sqrt(2/N) otherwise, on rows and
 * columns). Evaluated directly in double: the obviously-correct reference {@link LowFrequencyDct} is
 * tested against.
 */
final class Dct2 {
    private Dct2() {}

    static double[] orthonormal(double[] x, int rows, int cols) {
        double[] tmp = new double[rows * cols];
        double[][] cr = basis(cols);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) {
                double s = 0;
                for (int n = 0; n < cols; n++) {
                    s += x[r * cols + n] * cr[k][n];
                }
                tmp[r * cols + k] = s;
            }
        }
        double[][] cc = basis(rows);
        double[] out = new double[rows * cols];
        for (int c = 0; c < cols; c++) {
            for (int k = 0; k < rows; k++) {
                double s = 0;
                for (int n = 0; n < rows; n++) {
                    s += tmp[n * cols + c] * cc[k][n];
                }
                out[k * cols + c] = s;
            }
        }
        return out;
    }

    private static double[][] basis(int n) {
        double[][] b = new double[n][n];
        for (int k = 0; k < n; k++) {
            double a = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            for (int i = 0; i < n; i++) {
                b[k][i] = a * Math.cos(Math.PI * (2 * i + 1) * k / (2.0 * n));
            }
        }
        return b;
    }
}
