package org.cleanrank.knn;

import it.unimi.dsi.fastutil.ints.IntArrays;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * The obviously-correct twin of {@link ExactKnn}: for each query, its full row of similarities to the
 * base (the same kernel, so the same float32 values bit for bit), every candidate sorted by
 * (similarity descending, index ascending), the first k kept, padded as {@link NeighbourLists} says.
 * O(rows x base) time and O(base) memory per row; for tests and benchmarks.
 */
public final class BruteForceKnn {
    private static final int W = PackedEmbeddings.PANEL;

    private BruteForceKnn() {}

    /**
     * The k nearest rows of {@code base} to each row of {@code queries}; with {@code excludeSameIndex}
     * (self-search, queries == base) base row i is not a candidate for query row i.
     */
    public static NeighbourLists search(
            PackedEmbeddings queries,
            PackedEmbeddings base,
            int k,
            boolean excludeSameIndex,
            EmbeddingKernels kernels) {
        int rows = queries.n();
        int n = base.n();
        int[] indices = new int[rows * k];
        float[] sims = new float[rows * k];
        float[] panelRows = new float[W * base.panelCount() * W];
        int[] order = new int[n];
        for (int p = 0; p < queries.panelCount(); p++) {
            kernels.similarityTile(
                    queries.panels(), p, p + 1, base.panels(), 0, base.panelCount(), base.dim(), panelRows);
            for (int i = p * W; i < Math.min(rows, p * W + W); i++) {
                int rowBase = (i - p * W) * base.panelCount() * W;
                int count = 0;
                for (int j = 0; j < n; j++) {
                    if (!(excludeSameIndex && j == i)) {
                        order[count++] = j;
                    }
                }
                IntArrays.quickSort(order, 0, count, (a, b) -> {
                    float sa = panelRows[rowBase + a], sb = panelRows[rowBase + b];
                    return sa > sb ? -1 : sa < sb ? 1 : Integer.compare(a, b);
                });
                for (int r = 0; r < k; r++) {
                    indices[i * k + r] = r < count ? order[r] : NeighbourLists.MISSING_INDEX;
                    sims[i * k + r] = r < count ? panelRows[rowBase + order[r]] : NeighbourLists.MISSING_SIMILARITY;
                }
            }
        }
        return new NeighbourLists(rows, k, indices, sims);
    }
}
