package org.cleanrank.cli.benchmark;

import org.cleanrank.eval.NearDuplicateEvaluation.PairDistance;
import org.cleanrank.pairs.PairTiles;
import org.cleanrank.rank.SampleRanking;

/**
 * What a detector hands back to the benchmark, in the indices of the subset it ran on: a ranking of
 * samples, or the pair distances of a near-duplicate detector (the runner ranks the closest pairs for
 * the report and evaluates the annotated pairs from the same distances).
 */
public sealed interface Detection {
    record Samples(SampleRanking ranking) implements Detection {}

    /**
     * @param tiles all-pairs distances, streamed by the pair engine
     * @param single the distance of one pair, equal to the tiles' value; null = read it from an aligned
     *     8 x 8 tile (for kernels that only compute whole panels)
     */
    record Pairs(PairTiles tiles, PairDistance single) implements Detection {}
}
