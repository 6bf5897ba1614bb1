package org.cleanrank.pairs;

/**
 * Computes tiles of a rows x columns value matrix for {@link PairEngine#runRectangular}: every row of
 * one set (queries) against every column of another (the base), one tile at a time.
 */
@FunctionalInterface
public interface RectangularTiles {
    /**
     * Values of rows {@code [i0, i1)} against columns {@code [j0, j1)} (ranges at most
     * {@link PairEngine#TILE} long), written to {@code out[(i - i0) * width + (j - j0)]}; returns width.
     */
    int compute(int i0, int i1, int j0, int j1, float[] out);
}
