package org.cleanrank.knn;

import java.util.Arrays;
import org.cleanrank.CleanRankException;

/**
 * One bounded heap of k candidates per row, all rows in flat arrays (no objects, no boxing): row
 * {@code r}'s heap lives in {@code [r*k, r*k+k)} with its worst candidate at the root, so the pass can
 * reject a candidate with one comparison against {@link #worst()}. Candidates are ordered by
 * (similarity descending, index ascending); every heap starts full of sentinels (-Inf, MAX_VALUE) that
 * any real candidate beats, so there is no size to track.
 */
final class NeighbourHeaps {
    private static final float EMPTY_SIMILARITY = Float.NEGATIVE_INFINITY;
    private static final int EMPTY_INDEX = Integer.MAX_VALUE;

    private final int rows;
    private final int k;
    private final float[] sims;
    private final int[] idx;
    private final float[] worst;

    NeighbourHeaps(int rows, int k) {
        long cells = (long) rows * k;
        if (cells > Integer.MAX_VALUE - 16) {
            throw new CleanRankException(rows + " rows x k = " + k + " neighbours exceed one Java array (2^31 entries);"
                    + " lower k or search the queries in batches");
        }
        this.rows = rows;
        this.k = k;
        this.sims = new float[(int) cells];
        this.idx = new int[(int) cells];
        this.worst = new float[rows];
        Arrays.fill(sims, EMPTY_SIMILARITY);
        Arrays.fill(idx, EMPTY_INDEX);
        Arrays.fill(worst, EMPTY_SIMILARITY);
    }

    /**
     * The similarity of each row's worst kept candidate (-Inf while the row has fewer than k): a
     * candidate with a smaller similarity can never enter. The array itself, updated by {@link #offer}.
     */
    float[] worst() {
        return worst;
    }

    /** a ranks after b: smaller similarity, or the same similarity and a larger index. */
    private static boolean worse(float sa, int ia, float sb, int ib) {
        return sa < sb || (sa == sb && ia > ib);
    }

    /** Keeps candidate {@code j} with similarity {@code s} in row {@code row}'s k best if it belongs there. */
    void offer(int row, float s, int j) {
        int base = row * k;
        if (!worse(sims[base], idx[base], s, j)) {
            return;
        }
        siftDown(base, k, s, j);
        worst[row] = sims[base];
    }

    /** Puts (s, j) at the root of the heap {@code [base, base+size)} and moves it down to its place. */
    private void siftDown(int base, int size, float s, int j) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            int c = base + child;
            if (child + 1 < size && worse(sims[c + 1], idx[c + 1], sims[c], idx[c])) {
                c++;
                child++;
            }
            if (!worse(sims[c], idx[c], s, j)) {
                break;
            }
            sims[base + pos] = sims[c];
            idx[base + pos] = idx[c];
            pos = child;
        }
        sims[base + pos] = s;
        idx[base + pos] = j;
    }

    /** Offers every real candidate that {@code other} holds for rows {@code [row0, row1)} to these heaps. */
    void absorb(NeighbourHeaps other, int row0, int row1) {
        for (int row = row0; row < row1; row++) {
            offerRow(row, other.sims, other.idx, row * k, k);
        }
    }

    /** Offers the real candidates among {@code count} (similarity, index) entries from {@code at} to row {@code row}. */
    void offerRow(int row, float[] candidateSims, int[] candidateIdx, int at, int count) {
        for (int c = at; c < at + count; c++) {
            if (candidateIdx[c] != EMPTY_INDEX) {
                offer(row, candidateSims[c], candidateIdx[c]);
            }
        }
    }

    /** Candidates per row. */
    int k() {
        return k;
    }

    /**
     * The heaps' entries, row after row (k per row, in heap order, unused entries with index
     * {@link #isReal} false), copied with every real index renumbered by {@code index}.
     */
    int[] indicesMapped(java.util.function.IntUnaryOperator index) {
        int[] out = idx.clone();
        for (int c = 0; c < out.length; c++) {
            if (isReal(out[c])) {
                out[c] = index.applyAsInt(out[c]);
            }
        }
        return out;
    }

    /** The similarities matching {@link #indicesMapped} (the array itself). */
    float[] similarities() {
        return sims;
    }

    static boolean isReal(int index) {
        return index != EMPTY_INDEX;
    }

    /**
     * Sorts rows {@code [row0, row1)} best first (heap sort in place: the root, the worst, goes to the
     * end) and turns the sentinels left in short rows into the missing-neighbour padding. The heaps are
     * spent afterwards.
     */
    void sortRows(int row0, int row1) {
        for (int row = row0; row < row1; row++) {
            int base = row * k;
            for (int end = k - 1; end > 0; end--) {
                float rootSim = sims[base];
                int rootIdx = idx[base];
                siftDown(base, end, sims[base + end], idx[base + end]);
                sims[base + end] = rootSim;
                idx[base + end] = rootIdx;
            }
            for (int c = base; c < base + k; c++) {
                if (idx[c] == EMPTY_INDEX) {
                    idx[c] = NeighbourLists.MISSING_INDEX;
                    sims[c] = NeighbourLists.MISSING_SIMILARITY;
                }
            }
        }
    }

    /** The sorted lists (call after {@link #sortRows} over all rows); shares the arrays. */
    NeighbourLists lists() {
        return new NeighbourLists(rows, k, idx, sims);
    }
}
