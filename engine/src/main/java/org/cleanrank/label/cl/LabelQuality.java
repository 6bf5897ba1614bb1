package org.cleanrank.label.cl;

import org.cleanrank.CleanRankException;
import org.cleanrank.parity.NumpySum;

/**
 * cleanlab's {@code rank.get_label_quality_scores(labels, pred_probs, method=..., adjust_pred_probs=False)}:
 * one score per sample in [0, 1], lower = label more likely wrong. Element-wise float64 arithmetic in
 * the reference's operation order: self_confidence and normalized_margin are bit-identical to the
 * reference; confidence_weighted_entropy is within 2 ulp, and every difference is explained by the final
 * {@code np.log(h + 1)} alone (numpy 1.24 dispatches float64 log to a SIMD kernel on AVX-512 CPUs such as
 * the golden's; numpy on a CPU without it, like {@link Math#log}, differs from the golden identically).
 */
public final class LabelQuality {
    /** cleanlab's CLIPPING_LOWER_BOUND. */
    static final double CLIPPING_LOWER_BOUND = 1e-6;

    private LabelQuality() {}

    public static double[] scores(LabeledProbabilities p, QualityMethod method) {
        return switch (method) {
            case SELF_CONFIDENCE -> selfConfidence(p);
            case NORMALIZED_MARGIN -> normalizedMargin(p);
            case CONFIDENCE_WEIGHTED_ENTROPY -> confidenceWeightedEntropy(p);
        };
    }

    /** {@code pred_probs[arange(n), labels]}. */
    public static double[] selfConfidence(LabeledProbabilities p) {
        int n = p.size();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = p.get(i, p.label(i));
        }
        return s;
    }

    /** {@code (self_confidence - max_prob_not_label + 1) / 2}, evaluated left to right as numpy does. */
    public static double[] normalizedMargin(LabeledProbabilities p) {
        int n = p.size();
        int k = p.classes();
        if (k < 2) {
            throw new CleanRankException("normalized_margin needs pred_probs with at least 2 columns");
        }
        double[] d = p.data();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            int y = p.label(i);
            int row = i * k;
            // np.max over the K-1 other columns (with K = 1 numpy's max of an empty axis raises)
            double maxOther = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != y && d[row + c] > maxOther) {
                    maxOther = d[row + c];
                }
            }
            s[i] = (d[row + y] - maxOther + 1) / 2;
        }
        return s;
    }

    /**
     * {@code log(h + 1) / clip(h, 1e-6)} with {@code h = normalized_entropy / clip(self_confidence, 1e-6)};
     * the entropy is {@code -np.sum(xlogy(p, p), axis=1) / log(K)}, a row sum in numpy's pairwise order.
     */
    public static double[] confidenceWeightedEntropy(LabeledProbabilities p) {
        int n = p.size();
        int k = p.classes();
        double[] d = p.data();
        for (int j = 0; j < d.length; j++) {
            // get_normalized_entropy's own check, stricter than the general [-1e-6, 1 + 1e-6] one
            if (d[j] < 0 || d[j] > 1) {
                throw new CleanRankException("pred_probs[" + j / k + ", " + j % k + "] = " + d[j]
                        + " is outside [0, 1]: confidence_weighted_entropy needs probabilities clipped to [0, 1]");
            }
        }
        double logK = Math.log(k);
        double[] terms = new double[k];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            int row = i * k;
            for (int c = 0; c < k; c++) {
                double v = d[row + c];
                terms[c] = v == 0.0 ? 0.0 : v * Math.log(v); // scipy's xlogy(x, x): 0 where x == 0
            }
            double entropy = -NumpySum.sum(terms, 0, k) / logK;
            double sc = Math.max(d[row + p.label(i)], CLIPPING_LOWER_BOUND);
            double h = entropy / sc;
            s[i] = Math.log(h + 1) / Math.max(h, CLIPPING_LOWER_BOUND);
        }
        return s;
    }
}
