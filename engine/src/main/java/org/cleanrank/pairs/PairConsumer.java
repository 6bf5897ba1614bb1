package org.cleanrank.pairs;

/**
 * Receives the distances of one tile of the pair space from {@link PairEngine}. One instance per worker
 * thread, so implementations need no locking; the detector merges its workers' partial results after
 * the run.
 */
@FunctionalInterface
public interface PairConsumer {
    /**
     * Distances {@code dist[(i - i0) * width + (j - j0)]} for {@code i in [i0, i1)}, {@code j in [j0, j1)}.
     * Only pairs with {@code i < j} belong to this tile's share of the pair space: consumers start
     * each row at {@code max(j0, i + 1)}. {@code i1} and {@code j1} are already clipped to n.
     */
    void tile(int i0, int i1, int j0, int j1, float[] dist, int width);
}
