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
        transformLines(x, tmp, basis(cols), rows, cols, 1); // each row
        double[] out = new double[rows * cols];
        transformLines(tmp, out, basis(rows), cols, 1, cols); // each column
        return out;
    }

    /**
     * The 1-D DCT with basis {@code b} of {@code lines} lines of {@code b.length} values; value n of line l is at
     * {@code l * lineStep + n * step}, in {@code in} and {@code out} alike.
     */
    private static void transformLines(double[] in, double[] out, double[][] b, int lines, int lineStep, int step) {
        int len = b.length;
        for (int l = 0; l < lines; l++) {
            for (int k = 0; k < len; k++) {
                double s = 0;
                for (int n = 0; n < len; n++) {
                    s += in[l * lineStep + n * step] * b[k][n];
                }
                out[l * lineStep + k * step] = s;
            }
        }
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
