package org.cleanrank.detect;

import org.cleanrank.CleanRankException;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.rank.Condensed;
import org.cleanrank.rank.PairRanking;

/**
 * The full near-duplicate ranking, as SelfClean computes it (all N(N-1)/2 pairs by ascending
 * distance). Each pair becomes one {@code long}: the distance's float bits (non-negative floats sort
 * like their bits) above the 32-bit condensed index, so a stable radix sort on the distance bits gives
 * distance order with ties in condensed-index order. 8 bytes per pair, written in place by all workers (each
 * pair has its own slot, so no locking).
 */
public final class AllPairsCollector implements PairConsumer {
    /** Largest N whose pair count fits one Java array and 32-bit condensed indices. */
    public static final int MAX_N = 65_536;

    private final int n;
    private final long[] keys;

    private AllPairsCollector(int n, long[] keys) {
        this.n = n;
        this.keys = keys;
    }

    /** A collector for all pairs of n points; the workers share its array. */
    public static AllPairsCollector create(int n) {
        long pairs = Condensed.size(n);
        if (n > MAX_N || pairs > Integer.MAX_VALUE - 16) {
            throw new CleanRankException("a full ranking of N = " + n + " samples has " + pairs
                    + " pairs, more than one array holds; use a top-K ranking (--pairs K)");
        }
        try {
            return new AllPairsCollector(n, new long[(int) pairs]);
        } catch (OutOfMemoryError e) {
            throw new CleanRankException("a full ranking of N = " + n + " samples needs " + (pairs * 8 >> 20)
                    + " MB of heap; raise -Xmx (CLEANRANK_HEAP) or use a top-K ranking (--pairs K)");
        }
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] d, int width) {
        for (int i = i0; i < i1; i++) {
            int from = Math.max(j0, i + 1);
            int base = (i - i0) * width - j0;
            long rowStart = Condensed.rowStart(n, i) - i - 1;
            for (int j = from; j < j1; j++) {
                long c = rowStart + j;
                keys[(int) c] = ((long) orderedBits(d[base + j]) << 32) | c;
            }
        }
    }

    /** Float bits mapped so that their unsigned order is the floats' order (negatives included). */
    static int orderedBits(float v) {
        int b = Float.floatToRawIntBits(v);
        return b >= 0 ? b ^ 0x80000000 : ~b;
    }

    static float fromOrderedBits(int k) {
        return Float.intBitsToFloat(k < 0 ? k ^ 0x80000000 : ~k);
    }

    /** Sorts (in place, all cores) and returns the ranking view; call once, after the pair run. */
    public PairRanking ranking(int threads) {
        DistanceKeySort.sort(keys, threads);
        return new Packed(n, keys);
    }

    private record Packed(int n, long[] keys) implements PairRanking {
        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public int i(int rank) {
            return Condensed.row(n, keys[rank] & 0xFFFFFFFFL);
        }

        @Override
        public int j(int rank) {
            long c = keys[rank] & 0xFFFFFFFFL;
            return Condensed.column(n, c, Condensed.row(n, c));
        }

        @Override
        public float distance(int rank) {
            return fromOrderedBits((int) (keys[rank] >>> 32));
        }
    }
}
