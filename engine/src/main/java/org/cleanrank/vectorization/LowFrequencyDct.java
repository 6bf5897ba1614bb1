package org.cleanrank.vectorization;

/**
 * The top-left 8 x 8 block of the orthonormal 2-D DCT-II of a 32 x 32 image (what OpenCV's PHash keeps), as
 * two small matrix products: {@code T = X B8^T} (each row against the first 8 basis rows), then
 * {@code C = B8 T}. Only the 8 x 8 block is ever computed (10k multiply-adds instead of 65k), and the basis
 * is computed once.
 *
 * <p>After each pass, coefficients that vanish by symmetry are made exactly 0 ({@link StructuralZeros}), as
 * OpenCV's FFT-based DCT returns them (a flat image must hash to 0, as in OpenCV).
 *
 * <p>Two twins with the same arithmetic: every output is a plain (unfused) multiply-then-add chain in
 * ascending summation index, so {@link PlainLowFrequencyDct} and {@link PanamaLowFrequencyDct} agree bit for
 * bit. The Panama twin runs eight such chains side by side (two 4-lane double vectors across the output index).
 */
public abstract class LowFrequencyDct {
    static final int N = 32;
    static final int K = 8;
    /** B[k][n] = a_k cos(pi (2n + 1) k / 2N), k < 8, n < 32, row-major. */
    static final double[] BASIS = basis();
    /** Its transpose, BT[n][k]. */
    static final double[] BASIS_T = transpose(BASIS);

    LowFrequencyDct() {}

    public abstract String name();

    /** 8 x 8 coefficients (row-major) of the 32 x 32 gray image {@code px} (row-major, 0..255). */
    public abstract double[] block(byte[] px);

    private static double[] basis() {
        double[] b = new double[K * N];
        for (int k = 0; k < K; k++) {
            double a = k == 0 ? Math.sqrt(1.0 / N) : Math.sqrt(2.0 / N);
            for (int n = 0; n < N; n++) {
                b[k * N + n] = a * Math.cos(Math.PI * (2 * n + 1) * k / (2.0 * N));
            }
        }
        return b;
    }

    private static double[] transpose(double[] b) {
        double[] t = new double[N * K];
        for (int k = 0; k < K; k++) {
            for (int n = 0; n < N; n++) {
                t[n * K + k] = b[k * N + n];
            }
        }
        return t;
    }

    /**
     * {@link StructuralZeros} on T = X B8^T: row r's terms are bounded by the sum of |x| along it (|B| <= 1).
     * Shared by both twins, so they stay bit-identical.
     */
    static void snapFirstPass(byte[] px, double[] t) {
        for (int r = 0; r < N; r++) {
            double mag = 0;
            for (int j = 0; j < N; j++) {
                mag += px[r * N + j] & 0xFF;
            }
            for (int k = 0; k < K; k++) {
                t[r * K + k] = StructuralZeros.snap(t[r * K + k], mag);
            }
        }
    }

    /** {@link StructuralZeros} on C = B8 T: column l's terms are bounded by the sum of |T[., l]|. */
    static void snapSecondPass(double[] t, double[] c) {
        for (int l = 0; l < K; l++) {
            double mag = 0;
            for (int n = 0; n < N; n++) {
                mag += Math.abs(t[n * K + l]);
            }
            for (int k = 0; k < K; k++) {
                c[k * K + l] = StructuralZeros.snap(c[k * K + l], mag);
            }
        }
    }
}
