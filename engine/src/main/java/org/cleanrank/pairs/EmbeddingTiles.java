package org.cleanrank.pairs;

import org.cleanrank.vectorization.EmbeddingKernels;

/** SelfClean distance tiles of normalised embeddings, computed by a kernel twin on whole panels. */
public record EmbeddingTiles(PackedEmbeddings m, EmbeddingKernels kernels) implements PairTiles {
    private static final int W = PackedEmbeddings.PANEL;

    @Override
    public int n() {
        return m.n();
    }

    @Override
    public int compute(int i0, int i1, int j0, int j1, float[] out) {
        int pj0 = j0 / W, pj1 = (j1 + W - 1) / W;
        if (i0 % W != 0 || j0 % W != 0) {
            throw new IllegalArgumentException("tiles start on panel boundaries");
        }
        kernels.distanceTile(m.panels(), m.dim(), i0 / W, (i1 + W - 1) / W, pj0, pj1, out);
        return (pj1 - pj0) * W;
    }
}
