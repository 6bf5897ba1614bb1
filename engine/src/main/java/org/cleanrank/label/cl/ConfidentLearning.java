package org.cleanrank.label.cl;

import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.rank.SampleRanking;

/**
 * Confident Learning as CleanPatrick's ConfidentLearningDetector evaluates it, given out-of-fold
 * predicted probabilities: cleanlab's {@code CleanLearning.find_label_issues} computes the calibrated
 * confident joint, {@code filter.find_label_issues} (default prune_by_noise_rate, but with
 * {@code min_examples_per_class=10}, CleanLearning's own default) and the
 * {@code label_quality} column (self-confidence), and CleanPatrick ranks ALL samples by
 * {@code df.sort_values(by='label_quality')}: ascending, ties in pandas' quicksort order (numpy's
 * introsort on the column, reproduced by {@link NumpyArgsort}). The issue mask does not enter that
 * ranking; {@link #rankFlagged} gives the flagged-only variant (cleanlab's return_indices_ranked_by).
 *
 * <p>Two references for the mask, which differ only in {@code min_examples_per_class}: the constructors
 * follow CleanLearning (10), {@link #findLabelIssues} follows a bare {@code
 * cleanlab.filter.find_label_issues(labels, pred_probs, filter_by=...)} (1). With 10, classes of at most
 * 10 samples flag nothing and classes with fewer than 10 confidently correct samples flag fewer, so
 * datasets with many small classes (Fitzpatrick17k) lose issues there; large classes are unaffected.
 *
 * <p>Labels must index pred_probs' columns; CleanPatrick reindexes its labels with
 * {@code pd.factorize} first ({@link LabelReindexing}) and trains the classifier on the codes.
 */
public final class ConfidentLearning {
    /**
     * CleanLearning.find_label_issues overrides filter.find_label_issues' default of 1
     * ({@code DEFAULT_FIND_LABEL_ISSUES_KWARGS = {"min_examples_per_class": 10}}).
     */
    public static final int CLEAN_LEARNING_MIN_EXAMPLES_PER_CLASS = 10;

    /** {@code filter.find_label_issues}' own default, used when it is called on given pred_probs. */
    public static final int FIND_LABEL_ISSUES_MIN_EXAMPLES_PER_CLASS = 1;

    private final QualityMethod quality;
    private final FilterBy filter;
    private final int minExamplesPerClass;
    private final LabelIssueFilter issues;

    /** CleanPatrick's defaults: self_confidence, prune_by_noise_rate, CleanLearning's 10 per class, all processors. */
    public ConfidentLearning() {
        this(QualityMethod.SELF_CONFIDENCE, FilterBy.PRUNE_BY_NOISE_RATE, 0);
    }

    /** With CleanLearning's min_examples_per_class = 10; {@code threads <= 0}: as many as processors. */
    public ConfidentLearning(QualityMethod quality, FilterBy filter, int threads) {
        this(quality, filter, CLEAN_LEARNING_MIN_EXAMPLES_PER_CLASS, threads);
    }

    /**
     * {@code minExamplesPerClass}: 10 reproduces CleanLearning, 1 reproduces a bare
     * {@code filter.find_label_issues} call. Results do not depend on {@code threads}.
     */
    public ConfidentLearning(QualityMethod quality, FilterBy filter, int minExamplesPerClass, int threads) {
        this.quality = quality;
        this.filter = filter;
        this.minExamplesPerClass = minExamplesPerClass;
        this.issues = new LabelIssueFilter(threads);
    }

    /**
     * {@code cleanlab.filter.find_label_issues(labels, pred_probs, filter_by=filter)} with its defaults
     * (min_examples_per_class 1): the reference for out-of-fold probabilities computed elsewhere.
     */
    public static ConfidentLearning findLabelIssues(QualityMethod quality, FilterBy filter, int threads) {
        return new ConfidentLearning(quality, filter, FIND_LABEL_ISSUES_MIN_EXAMPLES_PER_CLASS, threads);
    }

    /**
     * CleanLearning's label-issues frame and CleanPatrick's ranking.
     *
     * @param labelQuality the {@code label_quality} column, in sample order
     * @param isLabelIssue the {@code is_label_issue} column
     * @param confidentJoint the calibrated confident joint CleanLearning keeps
     * @param ranking every sample, ascending label quality (scores = label quality)
     */
    public record Result(
            double[] labelQuality, boolean[] isLabelIssue, ConfidentJoint confidentJoint, SampleRanking ranking) {}

    public Result analyze(LabeledProbabilities p) {
        ConfidentJoint joint = ConfidentJoint.compute(p, true);
        boolean[] mask = issues.find(p, filter, joint, 1.0, minExamplesPerClass);
        double[] q = LabelQuality.scores(p, quality);
        return new Result(q, mask, joint, rankAll(q));
    }

    /** Every sample by ascending label quality, pandas' sort_values tie order. */
    public SampleRanking rankAll(LabeledProbabilities p) {
        return rankAll(LabelQuality.scores(p, quality));
    }

    /** The filter's issue mask (true = flagged), with this instance's min_examples_per_class. */
    public boolean[] mask(LabeledProbabilities p) {
        return issues.find(p, filter, 1.0, minExamplesPerClass);
    }

    /** Only the samples the filter flags, by ascending label quality (numpy's argsort tie order). */
    public SampleRanking rankFlagged(LabeledProbabilities p) {
        double[] q = LabelQuality.scores(p, quality);
        int[] order = LabelIssueFilter.orderLabelIssues(mask(p), q);
        return new SampleRanking(order, gather(q, order));
    }

    /** {@code pred_probs} row-major n x {@code classes}; labels index its columns. */
    public SampleRanking rankAll(double[] predProbs, int classes, int[] labels) {
        return rankAll(LabeledProbabilities.of(predProbs, classes, labels));
    }

    /**
     * {@code list(df.sort_values(by='label_quality').index)}: pandas' nargsort = numpy's quicksort argsort
     * of the column (label quality is never NaN for validated input, so no NaN block to move last).
     */
    static SampleRanking rankAll(double[] labelQuality) {
        int[] order = NumpyArgsort.quicksort(labelQuality);
        return new SampleRanking(order, gather(labelQuality, order));
    }

    private static double[] gather(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            out[r] = values[order[r]];
        }
        return out;
    }
}
