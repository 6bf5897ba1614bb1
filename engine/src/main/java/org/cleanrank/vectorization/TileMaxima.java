package org.cleanrank.vectorization;

/**
 * The kNN pass's pre-filter, in two twins: the largest similarity of every row and of every column of
 * a tile. A row or column whose maximum is below the worst similarity its list keeps has no candidate
 * in the tile, so the exact per-candidate test runs only on the few that may (after the first tiles,
 * almost none). Maxima are exact, so the twins agree bit for bit and the filter never drops a
 * candidate; the Panama twin does the scan a vector (8 or 16 values) per instruction instead of one.
 */
public interface TileMaxima {
    /**
     * For the {@code rows x cols} values {@code sim[r * width + c]}: {@code rowMax[r]} = max over c,
     * {@code colMax[c]} = max over r (each -Inf when there is nothing to take the max of).
     */
    void maxima(float[] sim, int width, int rows, int cols, float[] rowMax, float[] colMax);

    /** A short name for logs and benchmark reports. */
    default String name() {
        return this == PLAIN ? "plain" : "panama";
    }

    /** The plain-Java twin. */
    TileMaxima PLAIN = (sim, width, rows, cols, rowMax, colMax) -> {
        java.util.Arrays.fill(colMax, 0, cols, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < rows; r++) {
            rowMax[r] = scalarPart(sim, r * width, 0, cols, Float.NEGATIVE_INFINITY, colMax);
        }
    };

    /**
     * One row's columns {@code [from, to)} (values at {@code sim[base + c]}), one at a time: raises
     * {@code colMax[c]} to each value and returns the largest of them and {@code rowMax}.
     */
    static float scalarPart(float[] sim, int base, int from, int to, float rowMax, float[] colMax) {
        float m = rowMax;
        for (int c = from; c < to; c++) {
            float s = sim[base + c];
            if (s > m) {
                m = s;
            }
            if (s > colMax[c]) {
                colMax[c] = s;
            }
        }
        return m;
    }
}
