package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.longs.Long2ByteOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrays;

/**
 * Pair labels from annotated groups (the three-file release's {@code near_duplicates.csv}): every pair
 * inside a group gets the group's label, every other pair is not annotated. Kept as a hash map keyed by
 * {@code min(i,j) * n + max(i,j)}: memory grows with the annotated pairs, not with N^2.
 */
public final class AnnotatedPairLabels implements PairLabels {
    private final int n;
    private final Long2ByteOpenHashMap labels;
    private final long positives;

    AnnotatedPairLabels(int n, Long2ByteOpenHashMap labels) {
        this.n = n;
        this.labels = labels;
        long p = 0;
        for (var it = labels.values().iterator(); it.hasNext(); ) {
            p += it.nextByte();
        }
        this.positives = p;
    }

    static long key(int n, int i, int j) {
        return i < j ? (long) i * n + j : (long) j * n + i;
    }

    @Override
    public int n() {
        return n;
    }

    @Override
    public double label(int i, int j) {
        if (i == j) {
            return Double.NaN;
        }
        long k = key(n, i, j);
        return labels.containsKey(k) ? labels.get(k) : Double.NaN;
    }

    @Override
    public boolean everyPairLabelled() {
        return false;
    }

    @Override
    public long annotatedPairCount() {
        return labels.size();
    }

    @Override
    public long positivePairCount() {
        return positives;
    }

    @Override
    public AnnotatedPairs lowerTriangle() {
        // key min*n+max is (col j, row i) of the lower triangle; tril order sorts by row, then column
        long[] tril = new long[labels.size()];
        int k = 0;
        for (var it = labels.keySet().iterator(); it.hasNext(); ) {
            long key = it.nextLong();
            int lo = (int) (key / n);
            int hi = (int) (key % n);
            tril[k++] = (long) hi * n + lo;
        }
        LongArrays.radixSort(tril);
        int[] rows = new int[tril.length];
        int[] cols = new int[tril.length];
        byte[] lab = new byte[tril.length];
        for (int q = 0; q < tril.length; q++) {
            rows[q] = (int) (tril[q] / n);
            cols[q] = (int) (tril[q] % n);
            lab[q] = labels.get(key(n, rows[q], cols[q]));
        }
        return new AnnotatedPairs(rows, cols, lab);
    }
}
