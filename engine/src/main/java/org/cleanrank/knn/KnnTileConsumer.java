package org.cleanrank.knn;

import org.cleanrank.pairs.PairConsumer;

/**
 * One worker's share of the kNN pass: offers each similarity of a tile to the row heaps it may enter.
 *
 * <p>In self-search ({@code symmetric}) a tile of the upper triangle serves both of its row blocks:
 * similarity (i, j) is a candidate for row i and, the same value, for row j, so every pair is computed
 * once for two rows. The diagonal of a diagonal tile is each row's similarity to itself, offered only
 * with {@code includeSelf}. In a query-vs-base pass every (query, base) value is a candidate for the
 * query row only.
 *
 * <p>The per-candidate cost is one load and two comparisons against the rows' current worst kept
 * similarities; a candidate that passes goes through the heap's exact (similarity, index) test.
 */
final class KnnTileConsumer implements PairConsumer {
    private final NeighbourHeaps heaps;
    private final boolean symmetric;
    private final boolean includeSelf;

    KnnTileConsumer(NeighbourHeaps heaps, boolean symmetric, boolean includeSelf) {
        this.heaps = heaps;
        this.symmetric = symmetric;
        this.includeSelf = includeSelf;
    }

    NeighbourHeaps heaps() {
        return heaps;
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] sim, int width) {
        if (symmetric) {
            triangleTile(i0, i1, j0, j1, sim, width);
        } else {
            rectangleTile(i0, i1, j0, j1, sim, width);
        }
    }

    private void rectangleTile(int i0, int i1, int j0, int j1, float[] sim, int width) {
        float[] worst = heaps.worst();
        for (int i = i0; i < i1; i++) {
            int base = (i - i0) * width - j0;
            float rowWorst = worst[i];
            for (int j = j0; j < j1; j++) {
                float s = sim[base + j];
                if (s >= rowWorst) {
                    heaps.offer(i, s, j);
                    rowWorst = worst[i];
                }
            }
        }
    }

    private void triangleTile(int i0, int i1, int j0, int j1, float[] sim, int width) {
        float[] worst = heaps.worst();
        for (int i = i0; i < i1; i++) {
            int base = (i - i0) * width - j0;
            if (includeSelf && i >= j0) {
                heaps.offer(i, sim[base + i], i);
            }
            float rowWorst = worst[i];
            for (int j = Math.max(j0, i + 1); j < j1; j++) {
                float s = sim[base + j];
                if (s >= rowWorst || s >= worst[j]) {
                    if (s >= rowWorst) {
                        heaps.offer(i, s, j);
                        rowWorst = worst[i];
                    }
                    if (s >= worst[j]) {
                        heaps.offer(j, s, i);
                    }
                }
            }
        }
    }
}
