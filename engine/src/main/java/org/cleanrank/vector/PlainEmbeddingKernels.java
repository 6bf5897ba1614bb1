package org.cleanrank.vector;

import org.cleanrank.pairs.PackedEmbeddings;

/** The plain-Java twin: one fused multiply-add chain per pair, in ascending dimension order. */
public final class PlainEmbeddingKernels implements EmbeddingKernels {
    private static final int W = PackedEmbeddings.PANEL;

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public float distance(PackedEmbeddings m, int a, int b) {
        return SelfCleanDistance.fromSimilarity(similarity(m, a, m, b));
    }

    /** The dot product of point {@code i} of {@code a} and point {@code j} of {@code b}: one FMA chain. */
    static float similarity(PackedEmbeddings a, int i, PackedEmbeddings b, int j) {
        float[] pa = a.panels();
        float[] pb = b.panels();
        int dim = a.dim();
        int oa = (i / W) * dim * W + (i % W);
        int ob = (j / W) * dim * W + (j % W);
        float acc = 0f;
        for (int k = 0; k < dim; k++) {
            acc = Math.fma(pa[oa + k * W], pb[ob + k * W], acc);
        }
        return acc;
    }

    @Override
    public void distanceTile(PackedEmbeddings m, int pi0, int pi1, int pj0, int pj1, float[] out) {
        similarityTile(m, pi0, pi1, m, pj0, pj1, out);
        int cells = (pi1 - pi0) * W * (pj1 - pj0) * W;
        for (int c = 0; c < cells; c++) {
            out[c] = SelfCleanDistance.fromSimilarity(out[c]);
        }
    }

    @Override
    public void similarityTile(
            PackedEmbeddings a, int pi0, int pi1, PackedEmbeddings b, int pj0, int pj1, float[] out) {
        int i0 = pi0 * W, i1 = pi1 * W, j0 = pj0 * W, j1 = pj1 * W;
        int width = j1 - j0;
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j++) {
                out[(i - i0) * width + (j - j0)] = similarity(a, i, b, j);
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
