package org.cleanrank.label.classify;

import org.cleanrank.CleanRankException;
import org.cleanrank.parity.NumpyRandomState;

/**
 * Seeded stratified k-fold assignment as sklearn 1.2.1's {@code StratifiedKFold(n_splits, shuffle=True)}
 * makes it ({@code _make_test_folds}): classes are numbered in order of first appearance, the sorted
 * labels are dealt round robin over the folds ({@code y_order[i::n_splits]}) so each class's fold sizes
 * differ by at most one, and each class's list of fold numbers is shuffled with the RandomState before
 * it is handed to that class's samples in index order.
 *
 * <p>With {@link NumpyRandomState} this is draw for draw the reference's split: cleanlab's
 * {@code CleanLearning(seed=None)} shuffles with numpy's global RandomState, which the golden seeds with
 * {@code np.random.seed(0)} right before the call, so {@code holdoutFolds(labels, 10, 0)} reproduces
 * {@code cl_e2e_folds.npy}. (Any other state of the global RNG, e.g. CleanPatrick without that seed, is
 * not reproducible.)
 */
public final class StratifiedFolds {
    private StratifiedFolds() {}

    /** The holdout fold (0..nFolds-1) of every sample, shuffled with {@code RandomState(seed)}. */
    public static int[] holdoutFolds(int[] labels, int nFolds, long seed) {
        return holdoutFolds(labels, nFolds, new NumpyRandomState(seed));
    }

    /** The holdout fold of every sample, drawing from {@code rng} (advanced as numpy would be). */
    public static int[] holdoutFolds(int[] labels, int nFolds, NumpyRandomState rng) {
        int n = labels.length;
        if (nFolds < 2) {
            throw new CleanRankException("cross-validation needs at least 2 folds, got " + nFolds);
        }
        if (nFolds > n) {
            throw new CleanRankException(
                    "cannot split " + n + " samples into " + nFolds + " folds; use at most " + n + " folds");
        }
        int[] encoded = firstAppearanceCodes(labels);
        int nClasses = 0;
        for (int c : encoded) {
            nClasses = Math.max(nClasses, c + 1);
        }
        int[] counts = new int[nClasses];
        for (int c : encoded) {
            counts[c]++;
        }
        boolean anyLargeEnough = false;
        for (int c : counts) {
            anyLargeEnough |= c >= nFolds;
        }
        if (!anyLargeEnough) {
            // sklearn raises here; with a few small classes it only warns and cleanlab copies samples.
            throw new CleanRankException("every class has fewer than " + nFolds + " samples; use fewer folds");
        }
        // allocation[i][k] = count of class k in y_order[i::nFolds], y_order = sorted codes.
        int[][] allocation = new int[nFolds][nClasses];
        int pos = 0;
        for (int k = 0; k < nClasses; k++) {
            for (int j = 0; j < counts[k]; j++, pos++) {
                allocation[pos % nFolds][k]++;
            }
        }
        int[] folds = new int[n];
        for (int k = 0; k < nClasses; k++) {
            int[] forClass = new int[counts[k]];
            int p = 0;
            for (int i = 0; i < nFolds; i++) {
                for (int j = 0; j < allocation[i][k]; j++) {
                    forClass[p++] = i;
                }
            }
            rng.shuffle(forClass);
            p = 0;
            for (int s = 0; s < n; s++) {
                if (encoded[s] == k) {
                    folds[s] = forClass[p++];
                }
            }
        }
        return folds;
    }

    /**
     * Labels renumbered 0.. in order of first appearance ({@code pd.factorize} codes, also what
     * StratifiedKFold's {@code class_perm} does). Negative labels are rejected.
     */
    public static int[] firstAppearanceCodes(int[] labels) {
        int max = maxLabel(labels);
        int[] code = new int[max + 1];
        java.util.Arrays.fill(code, -1);
        int next = 0;
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (code[labels[i]] < 0) {
                code[labels[i]] = next++;
            }
            out[i] = code[labels[i]];
        }
        return out;
    }

    /** The largest label (-1 for none); a negative label is a one-line user error. */
    static int maxLabel(int[] labels) {
        int max = -1;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new CleanRankException(
                        "label " + labels[i] + " at sample " + i + " is negative; labels must be class numbers 0..C-1");
            }
            max = Math.max(max, labels[i]);
        }
        return max;
    }
}
