package org.cleanrank.knn;

import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairTiles;
import org.cleanrank.pairs.RectangularTiles;
import org.cleanrank.vector.EmbeddingKernels;

/**
 * Cosine-similarity tiles (not SelfClean distances) of {@code rows} against {@code cols}, computed by a
 * kernel twin on whole panels: the same matrix twice for self-search (the pair engine's triangle), a
 * query matrix against a base for the rectangular pass.
 */
record SimilarityTiles(PackedEmbeddings rowSet, PackedEmbeddings colSet, EmbeddingKernels kernels)
        implements PairTiles, RectangularTiles {
    private static final int W = PackedEmbeddings.PANEL;

    @Override
    public int n() {
        return rowSet.n();
    }

    @Override
    public int rows() {
        return rowSet.n();
    }

    @Override
    public int cols() {
        return colSet.n();
    }

    @Override
    public int compute(int i0, int i1, int j0, int j1, float[] out) {
        int pj0 = j0 / W, pj1 = (j1 + W - 1) / W;
        kernels.similarityTile(rowSet, i0 / W, (i1 + W - 1) / W, colSet, pj0, pj1, out);
        return (pj1 - pj0) * W;
    }
}
