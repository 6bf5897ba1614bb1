package org.cleanrank.hash;

import org.cleanrank.detect.PairRankings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.vectorization.HammingKernels;

/**
 * Near-duplicate ranking by Hamming distance between perceptual hashes, over all pairs on all cores:
 * closest first, ties (frequent: a 64-bit hash has 65 possible distances) by condensed index, so the
 * top K is the first K of the full ranking.
 */
public final class HammingNearDuplicates {
    private HammingNearDuplicates() {}

    /**
     * @param hashes n hashes of {@code words} longs each
     * @param topPairs K, or {@code SelfClean.ALL_PAIRS} (-1) for all pairs
     * @param asFraction distances as the fraction of differing bits instead of the count
     */
    public static PairRanking rank(
            long[] hashes,
            int words,
            int n,
            long topPairs,
            boolean asFraction,
            int threads,
            HammingKernels kernels,
            Progress progress) {
        return PairRankings.rank(new HammingTiles(hashes, words, n, kernels, asFraction), topPairs, threads, progress);
    }
}
