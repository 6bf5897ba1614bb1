package org.cleanrank.detect;

import java.util.Arrays;
import java.util.BitSet;
import org.cleanrank.parity.Logs;

/**
 * SelfClean's automatic cleaning rule, {@code AutoCleaningMixin.fraction_cut(scores, alpha, q)}, reproduced
 * operation for operation (SelfClean dca86b4d, numpy 1.24.2, scipy 1.10.1):
 *
 * <ol>
 *   <li>{@code alpha = alpha**2} when the ranking has {@code N(N-1)/2} entries (the pair ranking; for N = 3
 *       that is also true of the two sample rankings, and the reference squares their alpha too);
 *   <li>only scores with {@code 0 < s < 1} take part (NaN, exact 0 and exact 1 are dropped);
 *   <li>{@code l = np.log(s / (1 - s))} in the scores' own precision ({@link NumpyLogit}: float32 for the
 *       near-duplicate and label-error scores, float64 for LAD's);
 *   <li>a logistic distribution is put through two quantiles of {@code l} ({@code get_scale_loc}):
 *       {@code x1 = np.quantile(l, p)}, {@code x2 = np.quantile(l, sqrt(p / 2))} with numpy's default
 *       linear interpolation, {@code y1, y2} the standard logistic's quantiles ({@code scipy.special.logit}),
 *       {@code scale = (x1 - x2) / (y1 - y2)}, {@code loc = (y1 x2 - y2 x1) / (y1 - y2)};
 *   <li>{@code cutoff = logistic.ppf(q p N / M) * scale + loc} with M the ranking's full length;
 *   <li>flagged: {@code l < cutoff}, where numpy casts the float64 cut-off to float32 for a float32 array
 *       (value-based casting of a scalar); the reference returns the positions of the flagged scores in the
 *       <em>filtered</em> array ({@code np.where(exclude)[0]}).
 * </ol>
 *
 * <p>Where the reference fails, it is defined here: with no score strictly between 0 and 1 numpy's quantile
 * raises, and nothing is flagged (cut-off NaN). Everything else follows IEEE arithmetic as the reference
 * does: all valid scores equal give scale 0 and a cut-off within an ulp of that score; a probability above
 * 1 gives a NaN cut-off, which flags nothing. Python's {@code a ** 2} and {@code x ** 0.5} call glibc's
 * {@code pow}, which misses the correctly rounded square or square root by an ulp for about one argument
 * in a thousand (none of the documented defaults); we square and take the square root exactly, a 1e-16
 * relative difference in p at most.
 */
public final class FractionCut {
    private FractionCut() {}

    /** The fitted quantities, as {@code fraction_cut} computes them. */
    public record Fit(
            double alpha, double p2, double prob, double x1, double x2, double scale, double loc, double cutoff) {}

    /**
     * The outcome on one ranking.
     *
     * @param rankingLength M, the ranking's full length
     * @param outsideOpenInterval scores not strictly between 0 and 1 (NaN included), left out of the fit
     * @param fit the fit, null when no score was strictly between 0 and 1
     * @param flagged how many scores the rule flags
     * @param referencePositions what the reference returns: positions in the filtered array
     * @param flaggedRanks the ranking rows (0-based ranks) those positions stand for
     */
    public record Outcome(
            long rankingLength,
            long outsideOpenInterval,
            Fit fit,
            long flagged,
            long[] referencePositions,
            FlaggedRanks flaggedRanks) {
        /** The fitted logit cut-off, NaN when there was nothing to fit or the fit gave none. */
        public double logitCutoff() {
            return fit == null ? Double.NaN : fit.cutoff();
        }
    }

    /** Which ranking rows (0-based ranks) are flagged. */
    @FunctionalInterface
    public interface FlaggedRanks {
        boolean contains(long rank);
    }

    /** The logit values of the valid scores, by order statistic (what {@code np.partition} finds). */
    interface OrderStatistics {
        long size();

        /** The k-th smallest (0-based) logit. */
        double kth(long k);

        /** True when the logits are float32, whose difference numpy rounds to float32 while interpolating. */
        boolean float32();

        static OrderStatistics of(long size, java.util.function.LongToDoubleFunction kth, boolean float32) {
            return new Of(size, kth, float32);
        }
    }

    /** Order statistics given by a function; the record's accessors are the interface's size() and float32(). */
    private record Of(long size, java.util.function.LongToDoubleFunction kthOf, boolean float32)
            implements OrderStatistics {
        @Override
        public double kth(long k) {
            return kthOf.applyAsDouble(k);
        }
    }

    /** {@code alpha}, squared when the ranking is as long as the condensed distance matrix. */
    static double effectiveAlpha(double alpha, long rankingLength, long n) {
        return rankingLength == condensedSize(n) ? alpha * alpha : alpha;
    }

    /** SelfClean's {@code condensed_size = int(N * ((N - 1) / 2))}, exact in long arithmetic below 2^53. */
    static long condensedSize(long n) {
        return n * (n - 1) / 2;
    }

    /**
     * The fit on the valid logits; {@code n} is SelfClean's N (samples), {@code m} the ranking's length. Returns
     * null when there is no valid logit (the reference raises there).
     */
    static Fit fit(OrderStatistics logits, long n, long m, double alpha, double q) {
        if (logits.size() == 0) {
            return null;
        }
        double p = effectiveAlpha(alpha, m, n);
        double p2 = Math.sqrt(0.5 * p);
        double prob = q * p * n / m;
        double x1 = quantile(logits, p);
        double x2 = quantile(logits, p2);
        double y1 = logisticPpf(p);
        double y2 = logisticPpf(p2);
        double scale = (x1 - x2) / (y1 - y2);
        double loc = (y1 * x2 - y2 * x1) / (y1 - y2);
        double cutoff = logisticPpf(prob) * scale + loc;
        return new Fit(p, p2, prob, x1, x2, scale, loc, cutoff);
    }

    /** The order statistics {@link #fit} reads: those around the two quantiles p and sqrt(p / 2). */
    static long[] orderStatisticsOf(long valid, double p) {
        long[] ks = new long[4];
        double[] qs = {p, Math.sqrt(0.5 * p)};
        for (int i = 0; i < 2; i++) {
            double vi = (valid - 1) * qs[i];
            long prev = vi >= valid - 1 ? valid - 1 : (long) Math.floor(vi);
            ks[2 * i] = prev;
            ks[2 * i + 1] = Math.min(prev + 1, valid - 1);
        }
        return ks;
    }

    /**
     * numpy 1.24's {@code np.quantile(x, q)} with the default linear method: virtual index {@code (n-1) q},
     * the two neighbouring order statistics a, b, and {@code _lerp}: {@code a + (b - a) t}, or
     * {@code b - (b - a)(1 - t)} when {@code t >= 0.5}, where {@code b - a} keeps the array's dtype and the rest
     * is float64 (the weight t is a float64 array).
     */
    static double quantile(OrderStatistics x, double q) {
        long n = x.size();
        double vi = (n - 1) * q;
        double prevIndex = Math.floor(vi);
        double a;
        double b;
        if (vi >= n - 1) {
            prevIndex = -1; // numpy takes the last element and keeps -1 as the "previous index" for gamma
            a = x.kth(n - 1);
            b = a;
        } else {
            a = x.kth((long) prevIndex);
            b = x.kth((long) prevIndex + 1);
        }
        double t = vi - prevIndex;
        double diff = x.float32() ? (double) ((float) b - (float) a) : b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** {@code scipy.stats.logistic.ppf(x)}: {@code scipy.special.logit} = {@code log(x / (1 - x))} inside (0, 1). */
    static double logisticPpf(double x) {
        if (x > 0 && x < 1) {
            return Logs.ln(x / (1 - x));
        }
        if (x == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return x == 1 ? Double.POSITIVE_INFINITY : Double.NaN;
    }

    /** {@code logit < cutoff} as numpy compares an array of the given precision with a float64 scalar. */
    static boolean below(double logit, double cutoff, boolean float32) {
        boolean scalarFitsFloat32 = !(Math.abs(cutoff) > Float.MAX_VALUE) || Double.isInfinite(cutoff);
        if (float32 && scalarFitsFloat32) {
            return (float) logit < (float) cutoff;
        }
        return logit < cutoff;
    }

    /**
     * The rule on a sample ranking held in memory: {@code scores} in ranking order, {@code float32} when the
     * reference's score array is float32 (label errors) rather than float64 (LAD).
     */
    public static Outcome onSamples(double[] scores, boolean float32, long n, double alpha, double q) {
        int m = scores.length;
        double[] logit = new double[m];
        int valid = 0;
        int[] rankOfValid = new int[m];
        for (int r = 0; r < m; r++) {
            double s = scores[r];
            if (s > 0 && s < 1) {
                logit[valid] = float32 ? NumpyLogit.logit32((float) s) : NumpyLogit.logit64(s);
                rankOfValid[valid++] = r;
            }
        }
        double[] sorted = Arrays.copyOf(logit, valid);
        Arrays.sort(sorted);
        OrderStatistics stats = OrderStatistics.of(valid, k -> sorted[(int) k], float32);
        Fit fit = fit(stats, n, m, alpha, q);
        BitSet ranks = new BitSet(m);
        long[] positions = new long[valid];
        int flagged = 0;
        if (fit != null) {
            for (int v = 0; v < valid; v++) {
                if (below(logit[v], fit.cutoff(), float32)) {
                    positions[flagged++] = v;
                    ranks.set(rankOfValid[v]);
                }
            }
        }
        return new Outcome(
                m, m - valid, fit, flagged, Arrays.copyOf(positions, flagged), r -> r < m && ranks.get((int) r));
    }

    /**
     * The rule on the near-duplicate ranking (float32 distances, ascending, all {@code N(N-1)/2} pairs), given
     * by its order statistics ({@link PairLogits}). The flagged pairs are almost always the first ones of the
     * filtered array (the logit nearly never decreases as the distance grows); where numpy's log dips at
     * the cut-off they need not be, and the positions say so exactly.
     */
    public static Outcome onPairs(SortedDistances d, long n, double alpha, double q) {
        long m = d.total();
        long valid = d.valid();
        PairLogits logits = new PairLogits(d);
        OrderStatistics stats = OrderStatistics.of(valid, logits::kth, true);
        if (valid > 0) {
            d.prepare(orderStatisticsOf(valid, effectiveAlpha(alpha, m, n)));
        }
        Fit fit = fit(stats, n, m, alpha, q);
        // numpy compares the float32 logits with the cut-off cast to float32 (beyond float range the cast
        // gives the same answer: all or nothing)
        long[] ranges = fit == null ? new long[0] : logits.flaggedRanges((float) fit.cutoff());
        long flagged = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            flagged += ranges[i + 1] - ranges[i];
        }
        if (flagged > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(flagged + " flagged pairs: too many to list their positions");
        }
        long[] positions = new long[(int) flagged];
        int p = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            for (long k = ranges[i]; k < ranges[i + 1]; k++) {
                positions[p++] = k;
            }
        }
        long zeros = d.zeros();
        return new Outcome(m, m - valid, fit, flagged, positions, r -> inRanges(ranges, r - zeros));
    }

    private static boolean inRanges(long[] ranges, long x) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (x >= ranges[i] && x < ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
