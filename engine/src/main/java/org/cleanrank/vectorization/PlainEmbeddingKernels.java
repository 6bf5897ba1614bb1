package org.cleanrank.vectorization;

/** The plain-Java twin: one fused multiply-add chain per pair, in ascending dimension order. */
final class PlainEmbeddingKernels implements EmbeddingKernels {
    private static final int W = PANEL;

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public float distance(float[] p, int dim, int a, int b) {
        return pairDistance(p, dim, a, b);
    }

    /** One pair's FMA chain; the Panama twin uses it too for single pairs. */
    static float pairDistance(float[] p, int dim, int a, int b) {
        int oa = (a / W) * dim * W + (a % W);
        int ob = (b / W) * dim * W + (b % W);
        float acc = 0f;
        for (int k = 0; k < dim; k++) {
            acc = Math.fma(p[oa + k * W], p[ob + k * W], acc);
        }
        return SelfCleanDistance.fromSimilarity(acc);
    }

    @Override
    public void distanceTile(float[] panels, int dim, int pi0, int pi1, int pj0, int pj1, float[] out) {
        int i0 = pi0 * W, i1 = pi1 * W, j0 = pj0 * W, j1 = pj1 * W;
        int width = j1 - j0;
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                out[(i - i0) * width + (j - j0)] = distance(panels, dim, i, j);
            }
        }
    }

    @Override
    public void distanceRow(float[] x, float[] panels, int dim, int p0, int p1, float[] out) {
        for (int p = p0; p < p1; p++) {
            int base = p * dim * W;
            for (int lane = 0; lane < W; lane++) {
                float acc = 0f;
                for (int k = 0; k < dim; k++) {
                    acc = Math.fma(x[k], panels[base + k * W + lane], acc);
                }
                out[(p - p0) * W + lane] = SelfCleanDistance.fromSimilarity(acc);
            }
        }
    }
}
