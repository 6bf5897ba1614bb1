package org.cleanrank.detect;

import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.PairTiles;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.Condensed;
import org.cleanrank.rank.PairRanking;

/**
 * A near-duplicate ranking of any pair distance ({@link PairTiles}: embeddings, Hamming, SSIM), closest
 * first, ties by condensed index: the K closest pairs (bounded heaps) or all of them.
 */
public final class PairRankings {
    private PairRankings() {}

    /**
     * @param topPairs K, or {@link SelfClean#ALL_PAIRS} for every pair
     * @param threads worker threads (0 = all cores)
     */
    public static PairRanking rank(PairTiles tiles, long topPairs, int threads, Progress progress) {
        int n = tiles.n();
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 items to pair, got " + n);
        }
        PairEngine engine = new PairEngine(threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads);
        if (topPairs == SelfClean.ALL_PAIRS) {
            AllPairsCollector all = AllPairsCollector.create(n);
            engine.run(tiles, w -> all, progress);
            return all.ranking(engine.threads());
        }
        int k = (int) Math.min(topPairs, Condensed.size(n));
        return TopKPairCollector.merge(n, k, engine.run(tiles, w -> new TopKPairCollector(n, k), progress));
    }
}
