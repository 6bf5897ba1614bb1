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
        return SelfCleanDistance.fromSimilarity(similarity(p, a, p, b, dim));
    }

    /** The dot product of point {@code i} of {@code pa} and point {@code j} of {@code pb}: one FMA chain. */
    static float similarity(float[] pa, int i, float[] pb, int j, int dim) {
        int oa = (i / W) * dim * W + (i % W);
        int ob = (j / W) * dim * W + (j % W);
        float acc = 0f;
        for (int k = 0; k < dim; k++) {
            acc = Math.fma(pa[oa + k * W], pb[ob + k * W], acc);
        }
        return acc;
    }

    @Override
    public void distanceTile(float[] panels, int dim, int pi0, int pi1, int pj0, int pj1, float[] out) {
        similarityTile(panels, pi0, pi1, panels, pj0, pj1, dim, out);
        int cells = (pi1 - pi0) * W * (pj1 - pj0) * W;
        for (int c = 0; c < cells; c++) {
            out[c] = SelfCleanDistance.fromSimilarity(out[c]);
        }
    }

    @Override
    public void similarityTile(float[] a, int pi0, int pi1, float[] b, int pj0, int pj1, int dim, float[] out) {
        int i0 = pi0 * W, i1 = pi1 * W, j0 = pj0 * W, j1 = pj1 * W;
        int width = j1 - j0;
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                out[(i - i0) * width + (j - j0)] = similarity(a, i, b, j, dim);
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
