package org.cleanrank.pairs;

/** Something whose pair distances {@link PairEngine} can stream: it computes one tile of them at a time. */
public interface PairTiles {
    /** Number of points. */
    int n();

    /**
     * Distances of points {@code [i0, i1)} to points {@code [j0, j1)} (both within n, ranges at most
     * {@link PairEngine#TILE} long), written to {@code out[(i - i0) * width + (j - j0)]}; returns width.
     */
    int compute(int i0, int i1, int j0, int j1, float[] out);
}
