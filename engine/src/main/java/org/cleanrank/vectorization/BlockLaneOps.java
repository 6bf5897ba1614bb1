package org.cleanrank.vectorization;

/**
 * The lane-wise primitives of the single linkage's per-block tight-pair test
 * ({@code org.cleanrank.detect.TileTightPairs}): running minima with their argmin, running maxima, a
 * transpose and an equality scan, over float rows whose padding lanes (up to the length rounded up to
 * {@link #LANES}) hold +inf. Twins: {@link PlainBlockLaneOps} (obvious scalar loops) and
 * {@link PanamaBlockLaneOps} (512- or 256-bit vectors). Any index of a minimum is a valid answer, so the twins may
 * pick different ones among ties; every other output is the same.
 */
public interface BlockLaneOps {
    /** Lanes of the widest twin (a 512-bit vector of floats): scratch arrays are padded to a multiple of it. */
    int LANES = 16;

    /** A short name for logs and benchmark reports. */
    String name();

    /**
     * {@code d[v] = min(d[v], row[off + v] + pen[v])} for v &lt; len (pen is 0 or +inf, so a visited point
     * stays +inf); returns the index of a smallest d[v], or -1 when all are +inf. May touch lanes up to
     * len rounded up to {@link #LANES}, whose d and pen are +inf.
     */
    int foldMin(float[] d, float[] row, int off, float[] pen, int len);

    /** Index of a smallest d[v], v &lt; len, or -1 when all are +inf (same padding contract). */
    int argMin(float[] d, int len);

    /** {@code r[v] = max(r[v], g)} for v &lt; len; +inf entries (inactive points, padding) stay +inf. */
    void foldMax(float[] r, float g, int len);

    /**
     * {@code to[v * rows + u] = from[u * cols + v]} for u &lt; rows, v &lt; cols; may write up to
     * {@link #LANES} - 1 values past each row of {@code to} (they are overwritten or never read).
     */
    void transpose(float[] from, int rows, int cols, float[] to);

    /**
     * Writes the v &lt; len with {@code row[off + v] == r[v]} to hits, ascending; returns how many. Lanes
     * past len must not count: there the row runs into the next row or stale values.
     */
    int equalLanes(float[] row, int off, float[] r, int len, int[] hits);
}
