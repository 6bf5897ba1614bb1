package org.cleanrank.pairs;

/**
 * A consumer that writes every tile into one row-major n x n float32 matrix, both triangles (entry
 * {@code [i, j]} and {@code [j, i]}), diagonal left 0: what {@code cleanrank ssim} writes as {@code .npy}.
 * One instance serves all workers: each pair belongs to exactly one tile, so the workers write disjoint
 * entries, and the engine's join publishes them.
 */
public final class DenseDistanceMatrix implements PairConsumer {
    private final int n;
    private final float[] values;

    private DenseDistanceMatrix(int n) {
        if ((long) n * n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException(n + " x " + n + " distances exceed one Java array");
        }
        this.n = n;
        this.values = new float[n * n];
    }

    /** All pair distances of {@code tiles} as a row-major n x n matrix, on {@code threads} workers (0 = all cores). */
    public static float[] compute(PairTiles tiles, int threads, Progress progress) {
        DenseDistanceMatrix m = new DenseDistanceMatrix(tiles.n());
        new PairEngine(threads).run(tiles, w -> m, progress);
        return m.values;
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] dist, int width) {
        for (int i = i0; i < i1; i++) {
            int row = (i - i0) * width - j0;
            for (int j = Math.max(j0, i + 1); j < j1; j++) {
                float d = dist[row + j];
                values[i * n + j] = d;
                values[j * n + i] = d;
            }
        }
    }
}
