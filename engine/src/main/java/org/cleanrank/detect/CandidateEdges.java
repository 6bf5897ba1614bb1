package org.cleanrank.detect;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.Arrays;

/**
 * A growable list of candidate edges (a, b, d) for {@link PairPassSingleLinkage}, with the filter
 * {@link #keepTight} that drops every edge that is not <em>tight</em> in the graph the list itself forms.
 *
 * <p>An edge (a, b) of weight d is tight in a graph when a and b are not connected by edges strictly
 * lighter than d, i.e. d is their minimax distance there. A pair tight in the complete graph of all
 * points is tight in every subgraph that contains it (fewer paths can only raise the minimax distance,
 * the edge itself caps it at d), so this filter never drops a pair the exact linkage needs and can be
 * applied to any part of the candidates at any time.
 */
final class CandidateEdges {
    private int[] a;
    private int[] b;
    private float[] d;
    private int size;

    CandidateEdges(int capacity) {
        int c = Math.max(16, capacity);
        a = new int[c];
        b = new int[c];
        d = new float[c];
    }

    /** The edges (a[k], b[k], d[k]) over the given arrays, to read (as the source of {@link #addAll}). */
    static CandidateEdges of(int[] a, int[] b, float[] d) {
        CandidateEdges e = new CandidateEdges(0);
        e.a = a;
        e.b = b;
        e.d = d;
        e.size = a.length;
        return e;
    }

    int size() {
        return size;
    }

    int a(int k) {
        return a[k];
    }

    int b(int k) {
        return b[k];
    }

    float d(int k) {
        return d[k];
    }

    void add(int x, int y, float dist) {
        if (size == a.length) {
            int c = (int) Math.min(Integer.MAX_VALUE - 16L, 2L * size);
            a = Arrays.copyOf(a, c);
            b = Arrays.copyOf(b, c);
            d = Arrays.copyOf(d, c);
        }
        a[size] = x;
        b[size] = y;
        d[size] = dist;
        size++;
    }

    void addAll(CandidateEdges other) {
        for (int k = 0; k < other.size; k++) {
            add(other.a[k], other.b[k], other.d[k]);
        }
    }

    /**
     * Keeps only the edges tight in the graph these edges form, once each, sorted by distance. Kruskal by
     * levels: for each run of equal distances, an edge is tight when its ends were in different
     * components before the run; then the whole run is united.
     *
     * @param parent scratch of at least n ints (union-find over the points)
     */
    void keepTight(int[] parent) {
        long[] keys = new long[size];
        for (int k = 0; k < size; k++) {
            // distances are >= 0, so their float bits sort like the values
            keys[k] = ((long) Float.floatToRawIntBits(d[k]) << 32) | k;
        }
        LongArrays.radixSort(keys);
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        int[] na = new int[size];
        int[] nb = new int[size];
        float[] nd = new float[size];
        int kept = 0;
        long[] run = new long[16];
        for (int s = 0; s < size; ) {
            int e = s + 1;
            while (e < size && (keys[e] >>> 32) == (keys[s] >>> 32)) {
                e++;
            }
            // the run's distinct (a, b) pairs, ascending (the same pair may have been added more than once)
            if (run.length < e - s) {
                run = new long[Math.max(e - s, 2 * run.length)];
            }
            for (int q = s; q < e; q++) {
                int k = (int) keys[q];
                run[q - s] = ((long) a[k] << 32) | b[k];
            }
            if (e - s > 1) {
                LongArrays.radixSort(run, 0, e - s);
            }
            float dist = d[(int) keys[s]];
            for (int q = 0; q < e - s; q++) {
                int x = (int) (run[q] >>> 32), y = (int) run[q];
                if ((q == 0 || run[q] != run[q - 1]) && find(parent, x) != find(parent, y)) {
                    na[kept] = x;
                    nb[kept] = y;
                    nd[kept] = dist;
                    kept++;
                }
            }
            for (int q = 0; q < e - s; q++) {
                union(parent, (int) (run[q] >>> 32), (int) run[q]);
            }
            s = e;
        }
        a = na;
        b = nb;
        d = nd;
        size = kept;
    }

    private static void union(int[] parent, int x, int y) {
        int rx = find(parent, x);
        int ry = find(parent, y);
        if (rx != ry) {
            parent[Math.max(rx, ry)] = Math.min(rx, ry);
        }
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
}
