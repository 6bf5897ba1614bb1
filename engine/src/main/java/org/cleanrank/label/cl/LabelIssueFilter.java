package org.cleanrank.label.cl;

import java.util.List;
import java.util.function.Function;
import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.parity.NumpyArgsort;

/**
 * cleanlab's {@code filter.find_label_issues(labels, pred_probs, filter_by=...)} for single-label
 * classification: a boolean mask of the samples whose given label is probably wrong.
 *
 * <p>The prune filters take, per given class, as many samples as the calibrated confident joint
 * (made to leave {@code min_examples_per_class} per class by {@code _keep_at_least_n_per_class}, which
 * truncates its fractional counts with {@code astype(int)}) says are mislabeled; which samples is decided
 * by numpy's quicksort argsort ({@link NumpyArgsort}, ties included). Classes are independent and run in
 * parallel, as cleanlab's multiprocessing pool does; a class with a single sample never gets its mask
 * written back (cleanlab's {@code if len(mask) > 1}). Every filter ends by un-flagging samples whose
 * argmax, with 1e-6 added to the given label's probability, is the given label ({@code _reduce_issues}).
 */
public final class LabelIssueFilter {
    /** cleanlab's FLOATING_POINT_COMPARISON added to the given label before the final argmax. */
    static final double GIVEN_LABEL_BONUS = 1e-6;

    private final int threads;
    private final Function<double[], int[]> argsort;

    /** As many threads as processors. */
    public LabelIssueFilter() {
        this(0);
    }

    /** {@code threads <= 0}: as many as processors. The result does not depend on it. */
    public LabelIssueFilter(int threads) {
        this(threads, NumpyArgsort::quicksort);
    }

    /** With another argsort for the per-class selections (tests show the reference needs numpy's). */
    LabelIssueFilter(int threads, Function<double[], int[]> argsort) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.argsort = argsort;
    }

    /** {@code find_label_issues(labels, pred_probs, filter_by=by)} with every other argument at its default. */
    public boolean[] find(LabeledProbabilities p, FilterBy by) {
        return find(p, by, 1.0, 1);
    }

    /** With cleanlab's {@code frac_noise} (in [0, 1]) and {@code min_examples_per_class} (>= 0). */
    public boolean[] find(LabeledProbabilities p, FilterBy by, double fracNoise, int minExamplesPerClass) {
        ConfidentJoint joint = by == FilterBy.PREDICTED_NEQ_GIVEN ? null : ConfidentJoint.compute(p, true);
        return find(p, by, joint, fracNoise, minExamplesPerClass);
    }

    /**
     * With a confident joint computed beforehand (CleanLearning passes its own calibrated one). As in
     * cleanlab, {@link FilterBy#CONFIDENT_LEARNING} ignores it and re-estimates the joint from the labels.
     */
    public boolean[] find(
            LabeledProbabilities p, FilterBy by, ConfidentJoint joint, double fracNoise, int minExamplesPerClass) {
        if (!(fracNoise >= 0 && fracNoise <= 1)) {
            throw new CleanRankException("frac_noise = " + fracNoise + ": pass a fraction in [0, 1] (1 = all issues)");
        }
        if (minExamplesPerClass < 0) {
            throw new CleanRankException("min_examples_per_class = " + minExamplesPerClass + ": pass a count >= 0");
        }
        int n = p.size();
        boolean[] mask;
        switch (by) {
            case PRUNE_BY_NOISE_RATE, PRUNE_BY_CLASS, BOTH -> {
                long[][] prune = pruneCountMatrix(requireJoint(joint, p).counts(), minExamplesPerClass, fracNoise);
                boolean[] byClass = by == FilterBy.PRUNE_BY_NOISE_RATE
                        ? null
                        : assemble(
                                p,
                                ParallelTasks.map(
                                        p.classes(),
                                        threads,
                                        k -> pruneByClass(p, k, prune, minExamplesPerClass, argsort)));
                boolean[] byNoise = by == FilterBy.PRUNE_BY_CLASS
                        ? null
                        : assemble(
                                p,
                                ParallelTasks.map(
                                        p.classes(),
                                        threads,
                                        k -> pruneByNoiseRate(p, k, prune, minExamplesPerClass, argsort)));
                if (by == FilterBy.BOTH) {
                    for (int i = 0; i < n; i++) {
                        byNoise[i] &= byClass[i];
                    }
                }
                mask = byNoise != null ? byNoise : byClass;
            }
            case CONFIDENT_LEARNING -> {
                mask = new boolean[n];
                for (int i : ConfidentJoint.compute(p, false).offDiagonalIndices()) {
                    mask[i] = true;
                }
            }
            case PREDICTED_NEQ_GIVEN -> mask = predictedNeqGiven(p);
            default -> throw new IllegalStateException(by.toString());
        }
        unflagConfidentPredictions(p, mask);
        return mask;
    }

    /**
     * {@code find_label_issues(..., return_indices_ranked_by=rankBy)}: the flagged samples ordered by
     * ascending label quality ({@code order_label_issues}, numpy's quicksort order for ties).
     */
    public int[] rankedIssues(LabeledProbabilities p, FilterBy by, QualityMethod rankBy) {
        return orderLabelIssues(find(p, by), LabelQuality.scores(p, rankBy));
    }

    /** {@code rank.order_label_issues}: flagged indices (increasing) reordered by {@code np.argsort(quality[mask])}. */
    public static int[] orderLabelIssues(boolean[] mask, double[] quality) {
        int count = 0;
        for (boolean b : mask) {
            count += b ? 1 : 0;
        }
        int[] idx = new int[count];
        double[] sub = new double[count];
        for (int i = 0, j = 0; i < mask.length; i++) {
            if (mask[i]) {
                idx[j] = i;
                sub[j++] = quality[i];
            }
        }
        int[] order = NumpyArgsort.quicksort(sub);
        int[] out = new int[count];
        for (int r = 0; r < count; r++) {
            out[r] = idx[order[r]];
        }
        return out;
    }

    private static ConfidentJoint requireJoint(ConfidentJoint joint, LabeledProbabilities p) {
        if (joint == null) {
            return ConfidentJoint.compute(p, true);
        }
        if (joint.classes() != p.classes()) {
            throw new CleanRankException("the confident joint has " + joint.classes() + " classes but pred_probs has "
                    + p.classes() + " columns: compute the joint from the same pred_probs");
        }
        return joint;
    }

    /**
     * {@code _keep_at_least_n_per_class(confident_joint.T, n, frac_noise)}, indexed {@code [true][given]}:
     * the diagonal raised to at least n, the raise taken evenly off the column's other non-zero cells
     * (clipped at 0), the off-diagonal scaled by frac_noise with the difference moved to the diagonal, and
     * everything truncated to integers ({@code astype(int)}; the final {@code round_preserving_row_totals}
     * of an integer matrix changes nothing).
     */
    static long[][] pruneCountMatrix(long[][] joint, int n, double fracNoise) {
        int k = joint.length;
        double[][] m = new double[k][k];
        double[] newDiag = new double[k];
        for (int col = 0; col < k; col++) {
            long diag = joint[col][col];
            long raised = Math.max(diag, n);
            newDiag[col] = raised;
            int nonZero = 0;
            for (int row = 0; row < k; row++) {
                nonZero += joint[col][row] != 0 ? 1 : 0; // (confident_joint.T)[row][col]
            }
            double perCell = (double) (raised - diag) / Math.max(nonZero - 1.0, 1.0);
            for (int row = 0; row < k; row++) {
                double v = joint[col][row] - perCell;
                m[row][col] = v < 0 ? 0 : v;
            }
        }
        for (int c = 0; c < k; c++) {
            m[c][c] = newDiag[c];
        }
        // _reduce_prune_counts: off-diagonal * frac_noise, the column total kept on the diagonal
        double[][] reduced = new double[k][k];
        for (int row = 0; row < k; row++) {
            for (int col = 0; col < k; col++) {
                reduced[row][col] = row == col ? m[row][col] : m[row][col] * fracNoise;
            }
        }
        double[] moved = new double[k];
        for (int row = 0; row < k; row++) { // np.sum(axis=0): rows added one after another
            for (int col = 0; col < k; col++) {
                moved[col] += m[row][col] - reduced[row][col];
            }
        }
        long[][] out = new long[k][k];
        for (int row = 0; row < k; row++) {
            for (int col = 0; col < k; col++) {
                double v = row == col ? m[col][col] + moved[col] : reduced[row][col];
                out[row][col] = (long) v; // astype(int): truncation
            }
        }
        return out;
    }

    /** {@code _prune_by_class}: the {@code count - prune[k][k]} samples of class k with the smallest p_k. */
    static boolean[] pruneByClass(
            LabeledProbabilities p, int k, long[][] prune, int minExamplesPerClass, Function<double[], int[]> argsort) {
        int[] m = p.membersByClass()[k];
        boolean[] issues = new boolean[m.length];
        if (m.length <= minExamplesPerClass) {
            return issues; // cleanlab warns "May not flag all label issues in class"
        }
        long numIssues = m.length - prune[k][k];
        if (numIssues >= 1) {
            double[] probs = new double[m.length];
            for (int j = 0; j < m.length; j++) {
                probs[j] = p.get(m[j], k);
            }
            int[] order = argsort.apply(probs);
            for (int r = 0; r < Math.min(numIssues, m.length); r++) {
                issues[order[r]] = true;
            }
        }
        return issues;
    }

    /**
     * {@code _prune_by_count}: for every other class j, the {@code prune[j][k]} samples of class k with the
     * largest margin p_j - p_k ({@code np.argsort(-margin)}).
     */
    static boolean[] pruneByNoiseRate(
            LabeledProbabilities p, int k, long[][] prune, int minExamplesPerClass, Function<double[], int[]> argsort) {
        int[] m = p.membersByClass()[k];
        boolean[] issues = new boolean[m.length];
        if (m.length <= minExamplesPerClass) {
            return issues;
        }
        double[] negMargin = new double[m.length];
        for (int j = 0; j < p.classes(); j++) {
            long toPrune = prune[j][k];
            if (j == k || toPrune <= 0) {
                continue;
            }
            for (int s = 0; s < m.length; s++) {
                negMargin[s] = -(p.get(m[s], j) - p.get(m[s], k)); // np.argsort(-margin), negation exact
            }
            int[] order = argsort.apply(negMargin);
            for (int r = 0; r < Math.min(toPrune, m.length); r++) {
                issues[order[r]] = true;
            }
        }
        return issues;
    }

    /** Per-class masks into one; a class of a single sample is skipped like cleanlab's {@code len(mask) > 1}. */
    private static boolean[] assemble(LabeledProbabilities p, List<boolean[]> perClass) {
        boolean[] mask = new boolean[p.size()];
        int[][] members = p.membersByClass();
        for (int k = 0; k < members.length; k++) {
            boolean[] mk = perClass.get(k);
            if (mk.length > 1) {
                for (int j = 0; j < mk.length; j++) {
                    mask[members[k][j]] = mk[j];
                }
            }
        }
        return mask;
    }

    /** {@code find_predicted_neq_given}: {@code np.argmax(pred_probs, axis=1) != labels}. */
    static boolean[] predictedNeqGiven(LabeledProbabilities p) {
        boolean[] mask = new boolean[p.size()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = argmax(p, i, 0.0) != p.label(i);
        }
        return mask;
    }

    /** {@code _reduce_issues}: un-flag samples predicted as their given label once it gets +1e-6. */
    static void unflagConfidentPredictions(LabeledProbabilities p, boolean[] mask) {
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] && argmax(p, i, GIVEN_LABEL_BONUS) == p.label(i)) {
                mask[i] = false;
            }
        }
    }

    /** np.argmax (first maximum) of row i with {@code bonus} added to the given label's probability. */
    private static int argmax(LabeledProbabilities p, int i, double bonus) {
        int y = p.label(i);
        int best = 0;
        double bestValue = y == 0 ? p.get(i, 0) + bonus : p.get(i, 0);
        for (int c = 1; c < p.classes(); c++) {
            double v = c == y ? p.get(i, c) + bonus : p.get(i, c);
            if (v > bestValue) {
                best = c;
                bestValue = v;
            }
        }
        return best;
    }
}
