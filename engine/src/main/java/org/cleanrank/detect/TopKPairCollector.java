package org.cleanrank.detect;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.List;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.rank.Condensed;
import org.cleanrank.rank.PairRanking;

/**
 * The K closest pairs of one worker's share of the pair space, in a bounded max-heap ordered by
 * (distance, condensed index): memory O(K), whatever N is. Ties are broken by condensed index, so the
 * merged top K equals the first K of the full ranking.
 */
public final class TopKPairCollector implements PairConsumer {
    private final int n;
    private final int k;
    private final float[] dist;
    private final long[] cidx;
    private int size;

    public TopKPairCollector(int n, int k) {
        this.n = n;
        this.k = k;
        this.dist = new float[k];
        this.cidx = new long[k];
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] d, int width) {
        if (k == 0) {
            return;
        }
        for (int i = i0; i < i1; i++) {
            int from = Math.max(j0, i + 1);
            int base = (i - i0) * width - j0;
            long rowStart = Condensed.rowStart(n, i) - i - 1;
            for (int j = from; j < j1; j++) {
                float v = d[base + j];
                if (size == k) {
                    float top = dist[0];
                    if (v > top || (v == top && rowStart + j > cidx[0])) {
                        continue;
                    }
                    replaceTop(v, rowStart + j);
                } else {
                    push(v, rowStart + j);
                }
            }
        }
    }

    private static boolean greater(float da, long ca, float db, long cb) {
        return da > db || (da == db && ca > cb);
    }

    private void push(float v, long c) {
        int pos = size++;
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (!greater(v, c, dist[parent], cidx[parent])) {
                break;
            }
            dist[pos] = dist[parent];
            cidx[pos] = cidx[parent];
            pos = parent;
        }
        dist[pos] = v;
        cidx[pos] = c;
    }

    private void replaceTop(float v, long c) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && greater(dist[child + 1], cidx[child + 1], dist[child], cidx[child])) {
                child++;
            }
            if (!greater(dist[child], cidx[child], v, c)) {
                break;
            }
            dist[pos] = dist[child];
            cidx[pos] = cidx[child];
            pos = child;
        }
        dist[pos] = v;
        cidx[pos] = c;
    }

    /** Merges the workers' heaps into the global top K, closest first, ties by condensed index. */
    public static PairRanking merge(int n, int k, List<TopKPairCollector> parts) {
        int total = 0;
        for (TopKPairCollector p : parts) {
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
