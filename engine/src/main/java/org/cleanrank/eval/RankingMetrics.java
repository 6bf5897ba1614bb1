package org.cleanrank.eval;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cleanrank.parity.NumpySum;

/**
 * CleanPatrick's ranking metrics ({@code calculate_scores_from_ranking} in Digital-Dermatology/core,
 * {@code src/utils/plotting.py}) of a binary ranking: {@code truth[r]} is 1 when the item at rank r
 * (0-based) is a true issue.
 *
 * <p>Recall@k and Precision@k for k in 1, 5, 10, 20, 50, 100, 500, 1000 with k &lt;= n (the reference
 * crashes for n &lt; 1000; we report the cut-offs that exist). AUROC is the trapezoid area under
 * (fp_k/N-, tp_k/P) for k = 1..n (the reference does not prepend (0, 0), so neither do we); AP and
 * AUPRG are the reference's step sums, AUPRG over precision and recall gain clipped to [0, 1]. The
 * arithmetic and summation order follow numpy's, so values agree to about 1e-15.
 *
 * <p>With no positives or no negatives some metrics are NaN, as in the reference.
 */
public final class RankingMetrics {
    public static final int[] CUTOFFS = {1, 5, 10, 20, 50, 100, 500, 1000};

    private RankingMetrics() {}

    public static Map<String, Double> compute(int[] truth) {
        int n = truth.length;
        if (n == 0) {
            throw new IllegalArgumentException("empty ranking");
        }
        long nTrue = 0, nFalse = 0;
        for (int t : truth) {
            if (t == 1) {
                nTrue++;
            } else if (t == 0) {
                nFalse++;
            } else {
                throw new IllegalArgumentException("ground truth must be 0 or 1, got " + t);
            }
        }
        double pi = (double) nTrue / n;
        double[] tpr = new double[n];
        double[] fpr = new double[n];
        double[] prec = new double[n];
        double[] pGain = new double[n];
        double[] rGain = new double[n];
        long nt = 0, nf = 0;
        for (int k = 0; k < n; k++) {
            nt += truth[k];
            nf += 1 - truth[k];
            tpr[k] = (double) nt / nTrue;
            fpr[k] = (double) nf / nFalse;
            prec[k] = (double) nt / (double) (nt + nf);
            pGain[k] = clip01((prec[k] - pi) / ((1 - pi) * prec[k]));
            rGain[k] = clip01((tpr[k] - pi) / ((1 - pi) * tpr[k]));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k : CUTOFFS) {
            if (k <= n) {
                out.put("Recall@" + k, tpr[k - 1]);
                out.put("Precision@" + k, prec[k - 1]);
            }
        }
        out.put("AUROC", auc(fpr, tpr));
        out.put("AP", reversedStepSum(tpr, prec));
        out.put("AUPRG", reversedStepSum(rGain, pGain));
        out.put("positives_fraction", pi);
        out.put("n", (double) n);
        return out;
    }

    /** np.clip(v, 0, 1): NaN stays NaN. */
    private static double clip01(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        return v < 0 ? 0.0 : (v > 1 ? 1.0 : v);
    }

    /** sklearn.metrics.auc(x, y) for non-decreasing x: numpy's trapezoid, pairwise-summed. */
    private static double auc(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0.0;
        }
        double[] t = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            t[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }
        return NumpySum.sum(t);
    }

    /**
     * {@code -np.sum(np.diff(append(r[::-1], 0)) * append(p[::-1], 1)[:-1])}: the reference's AP/AUPRG
     * step sum, in its order.
     */
    private static double reversedStepSum(double[] r, double[] p) {
        int n = r.length;
        double[] t = new double[n];
        for (int m = 0; m < n; m++) {
            int k = n - 1 - m; // position in the reversed array
            double next = k == 0 ? 0.0 : r[k - 1];
            t[m] = (next - r[k]) * p[k];
        }
        return -NumpySum.sum(t);
    }
}
