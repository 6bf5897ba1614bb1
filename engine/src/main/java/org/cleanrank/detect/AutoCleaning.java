package org.cleanrank.detect;

import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.Condensed;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * SelfClean's automatic cleaning ({@code SelfCleanCleaner(auto_cleaning=True, ...)}): on each of the three
 * rankings, {@link FractionCut} decides how many of the most suspicious items to flag, from a logistic
 * fit to the logit of the scores. The reference calls {@code fraction_cut(scores, alpha=cut_off,
 * q=significance_level)} once per issue type, with N the number of samples.
 *
 * <pre>{@code
 * SelfClean.Result r = SelfClean.builder().build().run(m, labels);
 * AutoCleaning.Report a = AutoCleaning.apply(r, m.n(), AutoCleaning.Settings.defaults(),
 *         AutoCleaning.pairDistances(r, m, VectorizationProvider.getInstance().embeddingKernels(), threads, Progress.NONE));
 * a.nearDuplicates().flagged(); a.offTopic().flaggedRanks().contains(0);
 * }</pre>
 *
 * <p>The reference's {@code auto_issues} are positions in the scores <em>restricted to 0 &lt; s &lt; 1</em>,
 * so they name the wrong ranking rows whenever a score is exactly 0 or 1 (exact duplicates have distance
 * 0). {@link FractionCut.Outcome#referencePositions()} keeps the reference's array as it is;
 * {@link FractionCut.Outcome#flaggedRanks()} are the rows those positions stand for. Scores of exactly 0
 * or 1 are never flagged by the rule (the reference leaves them out of the fit and of the result).
 */
public final class AutoCleaning {
    private AutoCleaning() {}

    /**
     * The cut-offs (SelfClean's contamination guesses alpha, each in (0, 1); the pair ranking's is squared)
     * and the significance level q in (0, 1]. SelfClean's defaults: 0.01, 0.01, 0.01, 0.05.
     */
    public record Settings(
            double nearDuplicateCutOff, double offTopicCutOff, double labelErrorCutOff, double significanceLevel) {
        public Settings {
            check("near-duplicate cut-off", nearDuplicateCutOff, false);
            check("off-topic cut-off", offTopicCutOff, false);
            check("label-error cut-off", labelErrorCutOff, false);
            check("significance level", significanceLevel, true);
        }

        public static Settings defaults() {
            return new Settings(0.01, 0.01, 0.01, 0.05);
        }

        private static void check(String what, double v, boolean oneAllowed) {
            if (!(v > 0 && (v < 1 || (oneAllowed && v == 1)))) {
                throw new IllegalArgumentException(
                        what + " must be in (0, " + (oneAllowed ? "1]" : "1)") + ", got " + v);
            }
        }
    }

    /** The outcome per issue type; {@code labelErrors} is null when there is no label-error ranking. */
    public record Report(
            Settings settings,
            FractionCut.Outcome nearDuplicates,
            FractionCut.Outcome offTopic,
            FractionCut.Outcome labelErrors) {}

    /**
     * The near-duplicate distances for the rule: the ranking itself when it holds all pairs, else a
     * streamed histogram of all pair distances (two or three more passes over the pairs, O(1) memory in N).
     */
    public static SortedDistances pairDistances(
            SelfClean.Result r, PackedEmbeddings m, EmbeddingKernels kernels, int threads, Progress progress) {
        if (r.nearDuplicates().size() == Condensed.size(m.n())) {
            return SortedDistances.of(r.nearDuplicates());
        }
        return PairDistanceHistogram.stream(m, kernels, threads, progress);
    }

    /** Applies the rule to the three rankings of {@code r} on {@code n} samples. */
    public static Report apply(SelfClean.Result r, int n, Settings s, SortedDistances pairs) {
        double q = s.significanceLevel();
        FractionCut.Outcome nd = FractionCut.onPairs(pairs, n, s.nearDuplicateCutOff(), q);
        // LAD's scores are float64 in the reference, the intra/extra ratios float32
        FractionCut.Outcome ot = FractionCut.onSamples(r.offTopic().scores(), false, n, s.offTopicCutOff(), q);
        FractionCut.Outcome le = r.labelErrors() == null
                ? null
                : FractionCut.onSamples(r.labelErrors().scores(), true, n, s.labelErrorCutOff(), q);
        return new Report(s, nd, ot, le);
    }
}
