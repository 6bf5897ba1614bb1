package org.cleanrank.cli.neighbours;

import org.cleanrank.knn.ExactKnn;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * Nearest neighbours from the engine's exact cosine kNN ({@link ExactKnn}: one pass over all pairs, each
 * pair computed once for both rows' lists, similarity descending, ties to the lower index). SelfClean's
 * distance is a decreasing function of the same similarity, so this is also SelfClean's neighbour order.
 */
public record KnnNeighbours(PackedEmbeddings m, EmbeddingKernels kernels, int threads, Progress progress)
        implements NeighbourLookup {
    @Override
    public int[] nearest(int k) {
        int n = m.n();
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k = " + k + " neighbours among " + n + " samples");
        }
        return ExactKnn.builder()
                .k(k)
                .threads(threads)
                .kernels(kernels)
                .progress(progress)
                .build()
                .selfSearch(m)
                .indices();
    }
}
