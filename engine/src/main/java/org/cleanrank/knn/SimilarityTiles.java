package org.cleanrank.knn;

import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairTiles;
import org.cleanrank.pairs.RectangularTiles;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * Cosine-similarity tiles (not SelfClean distances) of {@code rowSet} against {@code colSet}, computed
 * by a kernel twin on whole panels: the same matrix twice for self-search (the pair engine's triangle),
 * a query matrix against a base for the rectangular pass.
 */
record SimilarityTiles(PackedEmbeddings rowSet, PackedEmbeddings colSet, EmbeddingKernels kernels)
        implements PairTiles, RectangularTiles {
    private static final int W = PackedEmbeddings.PANEL;

    @Override
    public int compute(int i0, int i1, int j0, int j1, float[] out) {
        int colPanels = PackedEmbeddings.panelCount(j1) - j0 / W;
        kernels.similarityTile(
                rowSet.panels(),
                i0 / W,
                PackedEmbeddings.panelCount(i1),
                colSet.panels(),
                j0 / W,
                j0 / W + colPanels,
                rowSet.dim(),
                out);
        return colPanels * W;
    }

    /** Rows of the triangle (self-search). */
    @Override
    public int n() {
        return rowSet.n();
    }
}
