package org.cleanrank.detect;

import org.cleanrank.rank.PairRanking;

/**
 * The near-duplicate ranking's float32 distances seen as a sorted multiset, which is all
 * {@link FractionCut#onPairs} needs: how many are exactly 0 or 1 and the order statistics of those in
 * between. Backed by a ranking in memory ({@link #of}) or by histograms of a streamed pass over all pairs
 * ({@link PairDistanceHistogram}).
 */
public interface SortedDistances {
    /** All pairs, {@code N(N-1)/2}. */
    long total();

    /** Distances exactly 0 (exact duplicates), first in the ranking. */
    long zeros();

    /** Distances strictly between 0 and 1. */
    long valid();

    /** The k-th smallest (0-based) distance strictly between 0 and 1. */
    float kth(long k);

    /** How many distances strictly between 0 and 1 are at most {@code t}. */
    long countAtMost(float t);

    /** Announces the order statistics about to be asked for, so a streamed source finds them in one pass. */
    default void prepare(long[] orderStatistics) {}

    /**
     * A complete near-duplicate ranking (all pairs, ascending distance; SelfClean's clipped distances, so
     * none below 0 or above 1) held in memory.
     */
    static SortedDistances of(PairRanking r) {
        int size = r.size();
        int zeros = 0;
        while (zeros < size && !(r.distance(zeros) > 0)) {
            zeros++;
        }
        int end = size;
        while (end > zeros && !(r.distance(end - 1) < 1)) {
            end--;
        }
        final int z = zeros;
        final int e = end;
        return new SortedDistances() {
            @Override
            public long total() {
                return size;
            }

            @Override
            public long zeros() {
                return z;
            }

            @Override
            public long valid() {
                return e - z;
            }

            @Override
            public float kth(long k) {
                return r.distance((int) (z + k));
            }

            @Override
            public long countAtMost(float t) {
                int lo = z;
                int hi = e; // first rank in [z, e) with a distance above t
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (r.distance(mid) <= t) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                return lo - z;
            }
        };
    }
}
