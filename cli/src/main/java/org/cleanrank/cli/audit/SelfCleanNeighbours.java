package org.cleanrank.cli.audit;

import java.util.List;
import org.cleanrank.pairs.EmbeddingTiles;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vector.EmbeddingKernels;

/**
 * Exact nearest neighbours by SelfClean's distance ({@code (1 - cos) / 2}, so the order is cosine
 * similarity's), one streamed pass over all pairs on the pair engine: every worker keeps, per sample, the
 * k closest (distance, index) it has seen; the shares are merged by the same order. No N x N memory.
 */
public record SelfCleanNeighbours(PackedEmbeddings m, EmbeddingKernels kernels, int threads, Progress progress)
        implements NeighbourLookup {
    @Override
    public int[] nearest(int k) {
        int n = m.n();
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k = " + k + " neighbours among " + n + " samples");
        }
        List<Closest> shares =
                new PairEngine(threads).run(new EmbeddingTiles(m, kernels), w -> new Closest(n, k), progress);
        int[] out = new int[n * k];
        Closest merged = new Closest(n, k);
        for (Closest c : shares) {
            for (int s = 0; s < n; s++) {
                for (int r = 0; r < k && c.index[s * k + r] >= 0; r++) {
                    merged.offer(s, c.dist[s * k + r], c.index[s * k + r]);
                }
            }
        }
        System.arraycopy(merged.index, 0, out, 0, out.length);
        return out;
    }

    /** Per sample the k closest others seen so far, sorted by (distance, index); -1 = empty slot. */
    private static final class Closest implements PairConsumer {
        private final int k;
        private final float[] dist;
        private final int[] index;

        Closest(int n, int k) {
            this.k = k;
            this.dist = new float[n * k];
            this.index = new int[n * k];
            java.util.Arrays.fill(dist, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(index, -1);
        }

        @Override
        public void tile(int i0, int i1, int j0, int j1, float[] d, int width) {
            for (int i = i0; i < i1; i++) {
                int row = (i - i0) * width - j0;
                for (int j = Math.max(j0, i + 1); j < j1; j++) {
                    float v = d[row + j];
                    offer(i, v, j);
                    offer(j, v, i);
                }
            }
        }

        void offer(int s, float v, int other) {
            int base = s * k;
            int last = base + k - 1;
            if (index[last] >= 0 && !before(v, other, dist[last], index[last])) {
                return;
            }
            int p = last;
            while (p > base && (index[p - 1] < 0 || before(v, other, dist[p - 1], index[p - 1]))) {
                dist[p] = dist[p - 1];
                index[p] = index[p - 1];
                p--;
            }
            dist[p] = v;
            index[p] = other;
        }

        private static boolean before(float v, int i, float w, int j) {
            return v < w || (v == w && i < j);
        }
    }
}
