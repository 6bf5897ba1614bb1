package org.cleanrank.hash;

import java.util.List;
import org.cleanrank.detect.AllPairsCollector;
import org.cleanrank.detect.TopKPairCollector;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.Condensed;
import org.cleanrank.rank.PairRanking;

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
    public static PairRanking rank(long[] hashes, int words, int n, long topPairs, boolean asFraction, int threads,
            HammingKernels kernels, Progress progress) {
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 hashes, got " + n);
        }
        HammingTiles tiles = new HammingTiles(hashes, words, n, kernels, asFraction);
        PairEngine engine = new PairEngine(threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads);
        if (topPairs < 0) {
            AllPairsCollector all = AllPairsCollector.create(n);
            engine.run(tiles, w -> all, progress);
            return all.ranking(engine.threads());
        }
        int k = (int) Math.min(topPairs, Condensed.size(n));
        List<TopKPairCollector> parts = engine.run(tiles, w -> new TopKPairCollector(n, k), progress);
        return TopKPairCollector.merge(n, k, parts);
    }
}
