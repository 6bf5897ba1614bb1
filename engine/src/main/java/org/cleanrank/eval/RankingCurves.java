package org.cleanrank.eval;

/**
 * The curves behind {@link RankingMetrics}, for plotting: ROC (false-positive rate, recall), precision-
 * recall and precision-recall gain, one point per rank cut-off k = 1..n, thinned to at most
 * {@code maxPoints} points (every point where the curve turns is not needed for a plot; the first and last
 * are always kept). The same definitions as the metrics, so a plot's area is the reported number.
 */
public record RankingCurves(
        double[] fpr, double[] tpr, double[] precision, double[] recallGain, double[] precisionGain) {

    /** {@code truth[r]} = 1 when the item at rank r is a true issue. */
    public static RankingCurves of(int[] truth, int maxPoints) {
        int n = truth.length;
        long nTrue = 0;
        for (int t : truth) {
            nTrue += t;
        }
        long nFalse = n - nTrue;
        double pi = n == 0 ? 0 : (double) nTrue / n;
        int step = Math.max(1, (int) Math.ceil(n / (double) Math.max(2, maxPoints)));
        int m = n == 0 ? 0 : (n - 1) / step + 1 + ((n - 1) % step == 0 ? 0 : 1);
        double[] fpr = new double[m];
        double[] tpr = new double[m];
        double[] prec = new double[m];
        double[] rg = new double[m];
        double[] pg = new double[m];
        long nt = 0;
        long nf = 0;
        int p = 0;
        for (int k = 0; k < n; k++) {
            nt += truth[k];
            nf += 1 - truth[k];
            if (k % step == 0 || k == n - 1) {
                double recall = nTrue == 0 ? Double.NaN : (double) nt / nTrue;
                double precision = (double) nt / (nt + nf);
                fpr[p] = nFalse == 0 ? Double.NaN : (double) nf / nFalse;
                tpr[p] = recall;
                prec[p] = precision;
                pg[p] = clip01((precision - pi) / ((1 - pi) * precision));
                rg[p] = clip01((recall - pi) / ((1 - pi) * recall));
                p++;
            }
        }
        return new RankingCurves(fpr, tpr, prec, rg, pg);
    }

    public int size() {
        return tpr.length;
    }

    private static double clip01(double v) {
        if (Double.isNaN(v)) {
            return v;
        }
        return v < 0 ? 0.0 : (v > 1 ? 1.0 : v);
    }
}
