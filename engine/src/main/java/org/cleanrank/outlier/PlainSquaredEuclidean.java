package org.cleanrank.outlier;

/** The plain-Java twin of {@link SquaredEuclideanKernel}: one FMA chain per pair, in dimension order. */
final class PlainSquaredEuclidean implements SquaredEuclideanKernel {
    private static final int W = SquaredEuclideanTiles.PANEL;

    @Override
    public String name() {
        return "plain-4x64";
    }

    @Override
    public void tile(double[] p, double[] norms, int dim, int pi0, int pi1, int pj0, int pj1, float[] out) {
        int width = (pj1 - pj0) * W;
        double[] acc = new double[W * W];
        for (int pi = pi0; pi < pi1; pi++) {
            int a = pi * dim * W;
            for (int pj = pj0; pj < pj1; pj++) {
                int b = pj * dim * W;
                java.util.Arrays.fill(acc, 0.0);
                for (int k = 0; k < dim; k++) {
                    int ka = a + k * W, kb = b + k * W;
                    for (int r = 0; r < W; r++) {
                        double x = p[ka + r];
                        for (int c = 0; c < W; c++) {
                            acc[r * W + c] = Math.fma(x, p[kb + c], acc[r * W + c]);
                        }
                    }
                }
                for (int r = 0; r < W; r++) {
                    int o = ((pi - pi0) * W + r) * width + (pj - pj0) * W;
                    double xx = norms[pi * W + r];
                    for (int c = 0; c < W; c++) {
                        out[o + c] = SquaredEuclideanKernel.fromDot(acc[r * W + c], xx, norms[pj * W + c]);
                    }
                }
            }
        }
    }
}
