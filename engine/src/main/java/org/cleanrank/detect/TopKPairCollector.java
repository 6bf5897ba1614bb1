package org.cleanrank.detect;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.List;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.rank.Condensed;
import org.cleanrank.rank.PairRanking;

/**
 * The K closest pairs of one worker's share of the pair space, ordered by (distance, condensed index): memory
 * O(K), whatever N is. Ties are broken by condensed index, so the merged top K equals the first K of the full
 * ranking.
 *
 * <p>Candidates go into a buffer of K + B slots (B = min(K, 2^20), at least 1,024); a pair enters only if it
 * is smaller than the current bound, the K-th smallest pair kept so far. When the buffer is full, a
 * quickselect keeps its K smallest and raises the bound. In the pair pass's order a pair beats the bound ever
 * more rarely, so the buffer fills a handful of times (each O(K + B)), where a max-heap paid O(log K) cache
 * misses on every pair that entered.
 */
public final class TopKPairCollector implements PairConsumer {
    private final int n;
    private final int k;
    private final float[] dist;
    private final long[] cidx;
    private int size;
    /** The bound: pairs not smaller than (boundDist, boundCidx) cannot be in the top K. */
    private float boundDist = Float.POSITIVE_INFINITY;

    private long boundCidx = Long.MAX_VALUE;

    public TopKPairCollector(int n, int k) {
        this.n = n;
        this.k = k;
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, (long) k + Math.max(1024, Math.min(k, 1 << 20)));
        this.dist = new float[k == 0 ? 0 : capacity];
        this.cidx = new long[dist.length];
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] d, int width) {
        if (k == 0) {
            return;
        }
        float bound = boundDist;
        for (int i = i0; i < i1; i++) {
            int from = Math.max(j0, i + 1);
            int base = (i - i0) * width - j0;
            long rowStart = Condensed.rowStart(n, i) - i - 1;
            for (int j = from; j < j1; j++) {
                float v = d[base + j];
                if (v > bound || (v == bound && rowStart + j >= boundCidx)) {
                    continue;
                }
                dist[size] = v;
                cidx[size] = rowStart + j;
                if (++size == dist.length) {
                    keepSmallest();
                    bound = boundDist;
                }
            }
        }
    }

    /** Keeps the K smallest of the buffer in {@code [0, K)} and makes the K-th of them the bound. */
    private void keepSmallest() {
        if (size <= k) {
            return;
        }
        select(dist, cidx, 0, size - 1, k - 1);
        size = k;
        int top = 0;
        for (int r = 1; r < k; r++) {
            if (less(dist[top], cidx[top], dist[r], cidx[r])) {
                top = r;
            }
        }
        boundDist = dist[top];
        boundCidx = cidx[top];
    }

    private static boolean less(float da, long ca, float db, long cb) {
        return da < db || (da == db && ca < cb);
    }

    /**
     * Hoare quickselect on (distance, condensed index), keys distinct: afterwards entry {@code kth} holds the
     * key of that rank among {@code [lo, hi]}, smaller keys before it, larger after it.
     */
    static void select(float[] d, long[] c, int lo, int hi, int kth) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // median of three as the pivot
            if (less(d[mid], c[mid], d[lo], c[lo])) {
                swap(d, c, mid, lo);
            }
            if (less(d[hi], c[hi], d[lo], c[lo])) {
                swap(d, c, hi, lo);
            }
            if (less(d[hi], c[hi], d[mid], c[mid])) {
                swap(d, c, hi, mid);
            }
            float pd = d[mid];
            long pc = c[mid];
            int a = lo, b = hi;
            while (a <= b) {
                while (less(d[a], c[a], pd, pc)) {
                    a++;
                }
                while (less(pd, pc, d[b], c[b])) {
                    b--;
                }
                if (a <= b) {
                    swap(d, c, a++, b--);
                }
            }
            if (kth <= b) {
                hi = b;
            } else if (kth >= a) {
                lo = a;
            } else {
                return;
            }
        }
    }

    private static void swap(float[] d, long[] c, int a, int b) {
        float t = d[a];
        d[a] = d[b];
        d[b] = t;
        long u = c[a];
        c[a] = c[b];
        c[b] = u;
    }

    /** Merges the workers' heaps into the global top K, closest first, ties by condensed index. */
    public static PairRanking merge(int n, int k, List<TopKPairCollector> parts) {
        int total = 0;
        for (TopKPairCollector p : parts) {
            p.keepSmallest();
            total += p.size;
        }
        float[] d = new float[total];
        long[] c = new long[total];
        int at = 0;
        for (TopKPairCollector p : parts) {
            System.arraycopy(p.dist, 0, d, at, p.size);
            System.arraycopy(p.cidx, 0, c, at, p.size);
            at += p.size;
        }
        int[] order = new int[total];
        for (int r = 0; r < total; r++) {
            order[r] = r;
        }
        IntArrays.quickSort(order, (a, b) -> {
            int cmp = Float.compare(d[a], d[b]);
            return cmp != 0 ? cmp : Long.compare(c[a], c[b]);
        });
        int m = Math.min(k, total);
        int[] is = new int[m];
        int[] js = new int[m];
        float[] ds = new float[m];
        for (int r = 0; r < m; r++) {
            long ci = c[order[r]];
            int i = Condensed.row(n, ci);
            is[r] = i;
            js[r] = Condensed.column(n, ci, i);
            ds[r] = d[order[r]];
        }
        return PairRanking.of(is, js, ds);
    }
}
