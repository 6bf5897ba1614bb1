package org.cleanrank.pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * Streams all N(N-1)/2 pair distances through consumers without ever holding an N x N matrix: the
 * upper triangle is cut into square tiles of {@link #TILE} points, the tiles are shared out to worker
 * threads, each tile is computed by a {@link PairTiles} (embedding distances, Hamming distances) into a
 * small buffer and handed to that worker's consumer.
 */
public final class PairEngine {
    /** Tile side in panels (x 8 points): 16 panels = 128 points, a 64 KB distance buffer. */
    public static final int TILE_PANELS = 16;
    /** Tile side in points. */
    public static final int TILE = TILE_PANELS * PackedEmbeddings.PANEL;

    private final int threads;

    public PairEngine(int threads) {
        this.threads = Math.max(1, threads);
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs the pair space of {@code m} through one consumer per worker, made by {@code perWorker}
     * (argument: worker number), and returns the consumers in worker order.
     */
    public <C extends PairConsumer> List<C> run(
            PackedEmbeddings m, EmbeddingKernels kernels, IntFunction<C> perWorker, Progress progress) {
        return run(new EmbeddingTiles(m, kernels), perWorker, progress);
    }

    /** Runs the pair space of {@code tiles} through one consumer per worker; returns them in worker order. */
    public <C extends PairConsumer> List<C> run(PairTiles tiles, IntFunction<C> perWorker, Progress progress) {
        int n = tiles.n();
        int tilesPerSide = (n + TILE - 1) / TILE;
        long[] rowStart = tileRowStarts(tilesPerSide);
        return schedule(
                rowStart[tilesPerSide], t -> tileCoordinates(t, rowStart), n, n, tiles::compute, perWorker, progress);
    }

    /**
     * Runs every (row, column) pair of a {@code rows x cols} matrix computed by {@code tiles} (all of
     * them, not a triangle: the consumer's {@code i} is a row, its {@code j} a column, of two different
     * sets) through one consumer per worker; returns them in worker order. Tiles go out row-major, so a
     * worker keeps one block of rows in cache while the columns stream past.
     */
    public <C extends PairConsumer> List<C> runRectangular(
            int rows, int cols, RectangularTiles tiles, IntFunction<C> perWorker, Progress progress) {
        int colTiles = (cols + TILE - 1) / TILE;
        long total = (long) ((rows + TILE - 1) / TILE) * colTiles;
        return schedule(
                total,
                t -> new int[] {(int) (t / colTiles), (int) (t % colTiles)},
                rows,
                cols,
                tiles::compute,
                perWorker,
                progress);
    }

    /** Computes one tile into a buffer; returns the row width used. */
    private interface TileComputation {
        int compute(int i0, int i1, int j0, int j1, float[] out);
    }

    /** Shares tiles {@code 0..total-1} (placed by {@code coordinates}) out to the workers. */
    private <C extends PairConsumer> List<C> schedule(
            long totalTiles,
            LongFunction<int[]> coordinates,
            int rows,
            int cols,
            TileComputation tiles,
            IntFunction<C> perWorker,
            Progress progress) {
        List<C> consumers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            consumers.add(perWorker.apply(w));
        }
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        Runnable[] work = new Runnable[threads];
        for (int w = 0; w < threads; w++) {
            C consumer = consumers.get(w);
            work[w] = () -> {
                float[] buf = new float[TILE * TILE];
                long t;
                while ((t = next.getAndIncrement()) < totalTiles) {
                    int[] ij = coordinates.apply(t);
                    int i0 = ij[0] * TILE, i1 = Math.min(rows, i0 + TILE);
                    int j0 = ij[1] * TILE, j1 = Math.min(cols, j0 + TILE);
                    int width = tiles.compute(i0, i1, j0, j1, buf);
                    consumer.tile(i0, i1, j0, j1, buf, width);
                    progress.update("pairs", done.incrementAndGet(), totalTiles);
                }
            };
        }
        runAll(work);
        return consumers;
    }

    /** First tile number of each tile row of the upper triangle (row-major), plus the total at the end. */
    static long[] tileRowStarts(int side) {
        long[] start = new long[side + 1];
        for (int r = 0; r < side; r++) {
            start[r + 1] = start[r] + (side - r);
        }
        return start;
    }

    /** Tile t of the upper triangle: returns {tileRow, tileCol}, tileRow <= tileCol. */
    static int[] tileCoordinates(long t, long[] rowStart) {
        int lo = 0, hi = rowStart.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rowStart[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new int[] {lo, lo + (int) (t - rowStart[lo])};
    }

    /**
     * Runs every worker on its own thread at once (the caller's included): one task per thread, so
     * workers that wait for each other (the single-linkage step barrier) always all run.
     */
    static void runAll(Runnable[] work) {
        ParallelTasks.forEach(work.length, work.length, w -> work[w].run());
    }
}
