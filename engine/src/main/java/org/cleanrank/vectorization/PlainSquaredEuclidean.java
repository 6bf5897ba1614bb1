package org.cleanrank.vectorization;

/**
 * The plain-Java twin of {@link SquaredEuclideanKernel}: one FMA chain per pair, in dimension order; a
 * panel of four points against a panel of four points keeps sixteen chains in registers.
 */
final class PlainSquaredEuclidean implements SquaredEuclideanKernel {
    private static final int W = PANEL;

    @Override
    public String name() {
        return "plain-4x64";
    }

    @Override
    public void tile(double[] p, double[] norms, int dim, int pi0, int pi1, int pj0, int pj1, float[] out) {
        int width = (pj1 - pj0) * W;
        for (int pi = pi0; pi < pi1; pi++) {
            int a = pi * dim * W;
            for (int pj = pj0; pj < pj1; pj++) {
                int b = pj * dim * W;
                double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
                double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
                for (int k = 0, end = dim * W; k < end; k += W) {
                    double x0 = p[a + k], x1 = p[a + k + 1], x2 = p[a + k + 2], x3 = p[a + k + 3];
                    double y0 = p[b + k], y1 = p[b + k + 1], y2 = p[b + k + 2], y3 = p[b + k + 3];
                    c00 = Math.fma(x0, y0, c00);
                    c01 = Math.fma(x0, y1, c01);
                    c02 = Math.fma(x0, y2, c02);
                    c03 = Math.fma(x0, y3, c03);
                    c10 = Math.fma(x1, y0, c10);
                    c11 = Math.fma(x1, y1, c11);
                    c12 = Math.fma(x1, y2, c12);
                    c13 = Math.fma(x1, y3, c13);
                    c20 = Math.fma(x2, y0, c20);
                    c21 = Math.fma(x2, y1, c21);
                    c22 = Math.fma(x2, y2, c22);
                    c23 = Math.fma(x2, y3, c23);
                    c30 = Math.fma(x3, y0, c30);
                    c31 = Math.fma(x3, y1, c31);
                    c32 = Math.fma(x3, y2, c32);
                    c33 = Math.fma(x3, y3, c33);
                }
                int o = (pi - pi0) * W * width + (pj - pj0) * W;
                int i = pi * W, j = pj * W;
                store(out, o, norms[i], norms, j, c00, c01, c02, c03);
                store(out, o + width, norms[i + 1], norms, j, c10, c11, c12, c13);
                store(out, o + 2 * width, norms[i + 2], norms, j, c20, c21, c22, c23);
                store(out, o + 3 * width, norms[i + 3], norms, j, c30, c31, c32, c33);
            }
        }
    }

    private static void store(
            float[] out, int o, double xx, double[] norms, int j, double d0, double d1, double d2, double d3) {
        out[o] = SquaredEuclideanKernel.fromDot(d0, xx, norms[j]);
        out[o + 1] = SquaredEuclideanKernel.fromDot(d1, xx, norms[j + 1]);
        out[o + 2] = SquaredEuclideanKernel.fromDot(d2, xx, norms[j + 2]);
        out[o + 3] = SquaredEuclideanKernel.fromDot(d3, xx, norms[j + 3]);
    }
}
