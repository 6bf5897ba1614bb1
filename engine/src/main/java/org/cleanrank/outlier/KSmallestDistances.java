package org.cleanrank.outlier;

import java.util.Arrays;
import java.util.List;
import org.cleanrank.pairs.PairConsumer;

/**
 * One worker's share of a kNN search: for every point the k smallest distances to OTHER points seen so
 * far, kept sorted ascending in {@code best[r * k .. r * k + k)}. Each pair i &lt; j of a tile feeds both
 * rows, so the upper triangle of the pair space suffices.
 */
final class KSmallestDistances implements PairConsumer {
    private final int k;
    private final float[] best;

    KSmallestDistances(int n, int k) {
        this.k = k;
        this.best = new float[n * k];
        Arrays.fill(best, Float.POSITIVE_INFINITY);
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] dist, int width) {
        int last = k - 1;
        for (int i = i0; i < i1; i++) {
            int row = (i - i0) * width - j0;
            int bi = i * k;
            float kthI = best[bi + last];
            for (int j = Math.max(j0, i + 1); j < j1; j++) {
                float d = dist[row + j];
                if (d < kthI) {
                    insert(bi, d);
                    kthI = best[bi + last];
                }
                int bj = j * k;
                if (d < best[bj + last]) {
                    insert(bj, d);
                }
            }
        }
    }

    /** Inserts d into the sorted run at {@code base}, dropping its largest value. */
    private void insert(int base, float d) {
        int p = base + k - 1;
        while (p > base && best[p - 1] > d) {
            best[p] = best[p - 1];
            p--;
        }
        best[p] = d;
    }

    /** The k-th smallest distance of each point over all workers' shares (a multiset property: thread-count independent). */
    static float[] kth(List<KSmallestDistances> workers, int n, int k) {
        float[] out = new float[n];
        float[] merged = new float[workers.size() * k];
        for (int r = 0; r < n; r++) {
            int m = 0;
            for (KSmallestDistances w : workers) {
                System.arraycopy(w.best, r * k, merged, m, k);
                m += k;
            }
            Arrays.sort(merged, 0, m);
            out[r] = merged[k - 1];
        }
        return out;
    }
}
