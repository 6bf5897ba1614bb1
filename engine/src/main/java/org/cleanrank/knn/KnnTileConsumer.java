package org.cleanrank.knn;

import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.vectorization.TileMaxima;

/**
 * One worker's share of the kNN pass: offers each similarity of a tile to the row heaps it may enter.
 *
 * <p>In self-search a tile of the upper triangle serves both of its row blocks:
 * similarity (i, j) is a candidate for row i and, the same value, for row j, so every pair is computed
 * once for two rows. The diagonal of a diagonal tile is each row's similarity to itself, offered only
 * with {@code includeSelf}. In a query-vs-base pass every (query, base) value is a candidate for the
 * query row only.
 *
 * <p>Per tile, {@link TileMaxima} first finds each row's and each column's largest similarity (SIMD);
 * only a row or column whose maximum reaches the worst similarity its list keeps is scanned value by
 * value, and a value that reaches it goes through the heap's exact (similarity, index) test. The
 * maxima include the tile's lower triangle on diagonal tiles, which only makes the filter looser.
 */
final class KnnTileConsumer implements PairConsumer {
    /** What the tiles are. */
    enum Pass {
        /** Query rows against base columns. */
        QUERIES,
        /** The base's upper triangle; a row is not its own neighbour. */
        SELF_EXCLUDED,
        /** The base's upper triangle; each row is among its own candidates. */
        SELF_INCLUDED
    }

    private final NeighbourHeaps heaps;
    private final TileMaxima maxima;
    private final boolean symmetric;
    private final boolean includeSelf;
    private final float[] rowMax = new float[PairEngine.TILE];
    private final float[] colMax = new float[PairEngine.TILE];

    KnnTileConsumer(NeighbourHeaps heaps, TileMaxima maxima, Pass pass) {
        this.heaps = heaps;
        this.maxima = maxima;
        this.symmetric = pass != Pass.QUERIES;
        this.includeSelf = pass == Pass.SELF_INCLUDED;
    }

    NeighbourHeaps heaps() {
        return heaps;
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] sim, int width) {
        float[] worst = heaps.worst();
        maxima.maxima(sim, width, i1 - i0, j1 - j0, rowMax, colMax);
        for (int i = i0; i < i1; i++) {
            int base = (i - i0) * width - j0;
            if (includeSelf && i >= j0) {
                heaps.offer(i, sim[base + i], i);
            }
            if (rowMax[i - i0] >= worst[i]) {
                float rowWorst = worst[i];
                for (int j = symmetric ? Math.max(j0, i + 1) : j0; j < j1; j++) {
                    float s = sim[base + j];
                    if (s >= rowWorst) {
                        heaps.offer(i, s, j);
                        rowWorst = worst[i];
                    }
                }
            }
        }
        if (!symmetric) {
            return;
        }
        for (int j = j0; j < j1; j++) {
            if (colMax[j - j0] >= worst[j]) {
                int last = Math.min(i1, j);
                for (int i = i0; i < last; i++) {
                    float s = sim[(i - i0) * width + (j - j0)];
                    if (s >= worst[j]) {
                        heaps.offer(j, s, i);
                    }
                }
            }
        }
    }
}
