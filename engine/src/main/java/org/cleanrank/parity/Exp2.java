package org.cleanrank.parity;

/**
 * {@code 2^x} correctly rounded in all but pathological cases (double-double arithmetic, ~1e-30 relative
 * before the final rounding), for IsolationForest's {@code 2 ** (-depths / denominator)}. numpy calls the
 * C library's {@code pow} there; glibc's is correctly rounded in practice, while {@link Math#pow} and
 * {@link StrictMath#pow} miss by an ulp on a few samples per thousand.
 *
 * <p>Method: x = k + f with k = rint(x), |f| &lt;= 1/2; 2^f = exp(f ln 2) by its Taylor series in
 * double-double; 2^x = 2^k 2^f (exact scaling in the normal range).
 */
public final class Exp2 {
    private static final double LN2_HI = 0.6931471805599453;
    private static final double LN2_LO = 2.3190468138462996e-17;
    private static final int TERMS = 24; // |f ln2| <= 0.347: the first omitted term is below 1e-36

    private Exp2() {}

    public static double exp2(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || Math.abs(x) > 1000) {
            return StrictMath.pow(2.0, x); // not needed here: over/underflow and special values
        }
        double k = Math.rint(x);
        double f = x - k; // exact
        // t = f ln2 in double-double
        double th = f * LN2_HI;
        double tl = Math.fma(f, LN2_HI, -th) + f * LN2_LO;
        // exp(th) = 1 + th (1 + th/2 (1 + th/3 (...))) by Horner in double-double
        double sh = 1.0, sl = 0.0;
        for (int n = TERMS; n >= 1; n--) {
            // (sh + sl) * th
            double ph = sh * th;
            double pl = Math.fma(sh, th, -ph) + sl * th;
            // / n
            double qh = ph / n;
            double qr = Math.fma(-qh, n, ph) + pl;
            double ql = qr / n;
            // 1 + q
            double s = 1.0 + qh;
            double err = (1.0 - s) + qh; // |qh| < 1: Fast2Sum
            sh = s;
            sl = err + ql;
        }
        // exp(th + tl) = exp(th) (1 + tl), |tl| < 1e-16
        double r = sh + (sl + sh * tl);
        return Math.scalb(r, (int) k);
    }
}
