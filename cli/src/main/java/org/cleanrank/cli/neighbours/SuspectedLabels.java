package org.cleanrank.cli.neighbours;

/**
 * The label a sample's neighbourhood suggests: the majority label among its {@link #K} nearest other
 * samples (fewer when the set is smaller); a tie goes to the tied label whose first member comes nearest.
 * Only a suggestion for the auditor (it equals the given label when the neighbours agree with it).
 */
public final class SuspectedLabels {
    /** Neighbours that vote: enough to outvote a single near-duplicate carrying the same wrong label. */
    public static final int K = 10;

    private SuspectedLabels() {}

    /** One suspected label per sample, from its neighbours' labels ({@code labels} are small codes 0..C-1). */
    public static int[] vote(NeighbourLookup neighbours, int[] labels) {
        int n = labels.length;
        int k = Math.min(K, n - 1);
        int classes = 0;
        for (int c : labels) {
            classes = Math.max(classes, c + 1);
        }
        int[] nearest = neighbours.nearest(k);
        int[] out = new int[n];
        int[] votes = new int[classes];
        for (int s = 0; s < n; s++) {
            java.util.Arrays.fill(votes, 0);
            int most = 0;
            for (int r = 0; r < k; r++) {
                most = Math.max(most, ++votes[labels[nearest[s * k + r]]]);
            }
            // the first label, in neighbour order, with the most votes: ties go to the nearer label
            int r = 0;
            while (votes[labels[nearest[s * k + r]]] < most) {
                r++;
            }
            out[s] = labels[nearest[s * k + r]];
        }
        return out;
    }
}
