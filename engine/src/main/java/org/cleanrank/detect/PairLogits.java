package org.cleanrank.detect;

import it.unimi.dsi.fastutil.longs.LongArrayList;

/**
 * The float32 logits of the near-duplicate distances, answered from the distances' order statistics and
 * counts ({@link SortedDistances}) without computing a logit per pair.
 *
 * <p>numpy's float32 log is not monotone: over the 1.07e9 floats in (0, 1) the logit drops by an ulp 990
 * times, and never by more than {@link #REACH} bit patterns back (if {@code a < b} and {@code f(a) > f(b)}
 * then {@code b - a <= REACH}; checked exhaustively in {@code NumpyLogitTest}). So the distances whose
 * logit is at most v are all those up to a crossing point of the (almost sorted) logit, give or take the
 * few bit patterns within REACH of it, which are looked at one by one: exact counts, exact order
 * statistics, and the exact set of flagged positions even where it is not a prefix.
 */
final class PairLogits {
    /** How far back a smaller logit can sit, in float32 bit patterns. */
    static final int REACH = 2;

    private static final int FIRST = 1; // smallest positive float
    private static final int LAST = Float.floatToRawIntBits(Math.nextDown(1.0f));

    private final SortedDistances d;

    PairLogits(SortedDistances d) {
        this.d = d;
    }

    static float logitOfBits(int bits) {
        return NumpyLogit.logit32(Float.intBitsToFloat(bits));
    }

    /** Valid distances with exactly this bit pattern. */
    private long countOf(int bits) {
        return d.countAtMost(Float.intBitsToFloat(bits)) - countUpTo(bits - 1);
    }

    /** Valid distances whose bit pattern is at most {@code bits}. */
    private long countUpTo(int bits) {
        return bits < FIRST ? 0 : d.countAtMost(Float.intBitsToFloat(Math.min(bits, LAST)));
    }

    /** A crossing point: the last bit pattern b with f(b) <= v and f(b + 1) > v, by bisection (FIRST - 1 if none). */
    private static int crossing(float v) {
        if (!(logitOfBits(FIRST) <= v)) {
            return FIRST - 1;
        }
        int lo = FIRST;
        int hi = LAST; // invariant: f(lo) <= v; the answer is in [lo, hi]
        while (lo < hi) {
            int mid = (int) (((long) lo + hi + 1) >>> 1);
            if (logitOfBits(mid) <= v) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** How many valid distances have a logit at most {@code v}. */
    long countAtMost(float v) {
        if (Float.isNaN(v)) {
            return 0;
        }
        int b0 = crossing(v);
        int lo = Math.max(FIRST, b0 - REACH);
        int hi = Math.min(LAST, b0 + 1 + REACH);
        long count = countUpTo(lo - 1); // every logit below the window is <= f(b0) <= v
        for (int b = lo; b <= hi; b++) { // every logit above it is >= f(b0 + 1) > v
            if (logitOfBits(b) <= v) {
                count += countOf(b);
            }
        }
        return count;
    }

    /** The k-th smallest (0-based) logit of the valid distances: what {@code np.partition} finds. */
    float kth(long k) {
        int bk = Float.floatToRawIntBits(d.kth(k));
        float best = Float.NaN;
        for (int b = Math.max(FIRST, bk - 2 * REACH - 2); b <= Math.min(LAST, bk + 2 * REACH + 2); b++) {
            float v = logitOfBits(b);
            if ((Float.isNaN(best) || v < best) && countAtMost(v) > k && countAtMost(Math.nextDown(v)) <= k) {
                best = v;
            }
        }
        if (Float.isNaN(best)) {
            throw new IllegalStateException("order statistic " + k + " of the logits not found near its distance");
        }
        return best;
    }

    /**
     * Positions in the filtered (0 &lt; d &lt; 1) ranking of the distances whose logit is below {@code cut}
     * (float32), as {start, end} ranges in ascending order.
     */
    long[] flaggedRanges(float cut) {
        LongArrayList ranges = new LongArrayList();
        if (Float.isNaN(cut) || cut == Float.NEGATIVE_INFINITY) {
            return ranges.toLongArray();
        }
        float v = Math.nextDown(cut); // f < cut  <=>  f <= nextDown(cut)
        int b0 = crossing(v);
        int lo = Math.max(FIRST, b0 - REACH);
        int hi = Math.min(LAST, b0 + 1 + REACH);
        long prefix = countUpTo(lo - 1);
        if (prefix > 0) {
            ranges.add(0);
            ranges.add(prefix);
        }
        for (int b = lo; b <= hi; b++) {
            long start = countUpTo(b - 1);
            long end = countUpTo(b);
            if (end > start && logitOfBits(b) <= v) {
                int last = ranges.size() - 1;
                if (last > 0 && ranges.getLong(last) == start) {
                    ranges.set(last, end);
                } else {
                    ranges.add(start);
                    ranges.add(end);
                }
            }
        }
        return ranges.toLongArray();
    }
}
