package org.cleanrank.pairs;

/**
 * Something whose row-by-column values {@link PairEngine#runRectangular} can stream: every row of one
 * set (queries) against every column of another (the base), one tile at a time.
 */
public interface RectangularTiles {
    /** Number of rows (queries). */
    int rows();

    /** Number of columns (base points). */
    int cols();

    /**
     * Values of rows {@code [i0, i1)} against columns {@code [j0, j1)} (within rows() and cols(), ranges at
     * most {@link PairEngine#TILE} long), written to {@code out[(i - i0) * width + (j - j0)]}; returns width.
     */
    int compute(int i0, int i1, int j0, int j1, float[] out);
}
