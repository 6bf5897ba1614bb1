package org.cleanrank.dataset;

import org.cleanrank.CleanRankException;

/**
 * Pair labels from a partition into near-duplicate cliques (the consolidated table's {@code nd_clique}):
 * 1 inside a clique, 0 for every other pair. The consolidated table records no annotated negatives, so
 * "not in the same clique" is taken as a negative label (the usual reading of clique ground truth); this
 * labels all N(N-1)/2 pairs, where the three-file release leaves unannotated pairs NaN.
 */
public final class CliquePairLabels implements PairLabels {
    private final int[] clique;
    private final long positives;

    /** {@code clique[i]}: clique id of sample i; a singleton has an id of its own. */
    CliquePairLabels(int[] clique) {
        this.clique = clique.clone();
        int max = -1;
        for (int c : clique) {
            max = Math.max(max, c);
        }
        long[] size = new long[max + 1];
        for (int c : clique) {
            size[c]++;
        }
        long p = 0;
        for (long s : size) {
            p += s * (s - 1) / 2;
        }
        this.positives = p;
    }

    @Override
    public int n() {
        return clique.length;
    }

    @Override
    public double label(int i, int j) {
        if (i == j) {
            return Double.NaN;
        }
        return clique[i] == clique[j] ? 1.0 : 0.0;
    }

    @Override
    public boolean everyPairLabelled() {
        return true;
    }

    @Override
    public long annotatedPairCount() {
        long n = clique.length;
        return n * (n - 1) / 2;
    }

    @Override
    public long positivePairCount() {
        return positives;
    }

    @Override
    public AnnotatedPairs lowerTriangle() {
        long m = annotatedPairCount();
        if (m > Integer.MAX_VALUE - 8) {
            throw new CleanRankException(
                    m + " pairs do not fit in arrays; evaluate a ranking with truthInRankingOrder instead");
        }
        int n = clique.length;
        int[] rows = new int[(int) m];
        int[] cols = new int[(int) m];
        byte[] lab = new byte[(int) m];
        int k = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                rows[k] = i;
                cols[k] = j;
                lab[k++] = (byte) (clique[i] == clique[j] ? 1 : 0);
            }
        }
        return new AnnotatedPairs(rows, cols, lab);
    }
}
