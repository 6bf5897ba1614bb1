package org.cleanrank.pairs;

/** Something whose pair distances {@link PairEngine} can stream: it computes one tile of them at a time. */
public interface PairTiles {
    /** Number of points. */
    int n();

    /**
     * The side of the engine's square tiles for this source, in points: {@link PairEngine#TILE} unless the
     * source's caches want another (SSIM: a few dozen images whose statistics stay in L2).
     */
    default int tileSide() {
        return PairEngine.TILE;
    }

    /**
     * Distances of points {@code [i0, i1)} to points {@code [j0, j1)} (both within n, ranges at most
     * {@link #tileSide()} long), written to {@code out[(i - i0) * width + (j - j0)]}; returns width. Only
     * pairs with i &lt; j need be written.
     */
    int compute(int i0, int i1, int j0, int j1, float[] out);
}
