package org.cleanrank.pairs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * The one all-pairs scheduler: streams all N(N-1)/2 pair distances through consumers without ever
 * holding an N x N matrix. The upper triangle is cut into square tiles (side: {@link PairTiles#tileSide()},
 * {@link #TILE} points for embeddings and hashes, fewer for SSIM), the tiles are handed out one at a time
 * to worker threads of {@link ParallelTasks}, each tile is computed by a {@link PairTiles} (embedding,
 * Hamming, squared-Euclidean or SSIM distances) into a small per-worker buffer and handed to that worker's
 * consumer (a top-K or all-pairs collector, a k-nearest list, or a {@link DenseDistanceMatrix}). Every
 * pair is computed once, by one worker, in a fixed way, so no result depends on the thread count.
 */
public final class PairEngine {
    /** Tile side in points: 128, a 64 KB distance buffer. */
    public static final int TILE = 128;
    /** Tile side in panels of {@link PackedEmbeddings#PANEL} points. */
    public static final int TILE_PANELS = TILE / PackedEmbeddings.PANEL;
    /** The progress stage of a run: units are pairs. */
    public static final String STAGE = "pairs";

    private final int threads;

    /** @param threads worker threads; 0 or less = all cores */
    public PairEngine(int threads) {
        this.threads = ParallelTasks.resolve(threads);
    }

    public int threads() {
        return threads;
    }

    /** Work on one tile of the pair space; one instance per worker thread. */
    @FunctionalInterface
    public interface TileWork {
        /** Points {@code [i0, i1)} against points {@code [j0, j1)}, clipped to n; pairs with i &lt; j count. */
        void tile(int i0, int i1, int j0, int j1);
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
        int side = tiles.tileSide();
        List<C> consumers = consumers(perWorker);
        forEachTile(tiles.n(), side, feeding(consumers, tiles::compute, side), progress);
        return consumers;
    }

    /**
     * Runs every (row, column) pair of a {@code rows x cols} matrix computed by {@code tiles} (all of
     * them, not a triangle: the consumer's {@code i} is a row, its {@code j} a column, of two different
     * sets) through one consumer per worker; returns them in worker order. Tiles go out row-major, so a
     * worker keeps one block of rows in cache while the columns stream past.
     */
    public <C extends PairConsumer> List<C> runRectangular(
            int rows, int cols, RectangularTiles tiles, IntFunction<C> perWorker, Progress progress) {
        List<C> consumers = consumers(perWorker);
        int colTiles = (cols + TILE - 1) / TILE;
        long totalTiles = (long) ((rows + TILE - 1) / TILE) * colTiles;
        schedule(
                totalTiles,
                t -> new int[] {(int) (t / colTiles), (int) (t % colTiles)},
                rows,
                cols,
                TILE,
                (long) rows * cols,
                feeding(consumers, tiles, TILE),
                progress);
        return consumers;
    }

    /** One consumer per worker, made by {@code perWorker} (argument: worker number), in worker order. */
    private <C> List<C> consumers(IntFunction<C> perWorker) {
        List<C> consumers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            consumers.add(perWorker.apply(w));
        }
        return consumers;
    }

    /**
     * Worker w's work: every tile computed by {@code tiles} into the worker's own buffer of {@code side x side}
     * values, then handed to consumer w.
     */
    private static IntFunction<TileWork> feeding(
            List<? extends PairConsumer> consumers, RectangularTiles tiles, int side) {
        return w -> {
            float[] buf = new float[side * side];
            PairConsumer consumer = consumers.get(w);
            return (i0, i1, j0, j1) -> consumer.tile(i0, i1, j0, j1, buf, tiles.compute(i0, i1, j0, j1, buf));
        };
    }

    /**
     * The scheduler itself for the upper triangle: every tile of side {@code side} of n points, taken one at
     * a time (row-major) by the workers, each worker running its own {@link TileWork} made by
     * {@code perWorker} (argument: worker number) on the worker's thread. Reports pairs done to
     * {@code progress} (stage {@link #STAGE}; counted and reported under one lock, so reports never go
     * backwards).
     */
    public void forEachTile(int n, int side, IntFunction<TileWork> perWorker, Progress progress) {
        if (side <= 0) {
            throw new IllegalArgumentException("tile side " + side);
        }
        int tilesPerSide = (n + side - 1) / side;
        long[] rowStart = tileRowStarts(tilesPerSide);
        schedule(
                rowStart[tilesPerSide],
                t -> tileCoordinates(t, rowStart),
                n,
                n,
                side,
                (long) n * (n - 1) / 2,
                perWorker,
                progress);
    }

    /**
     * Hands tiles {@code 0..totalTiles-1} (placed by {@code coordinates}: {tileRow, tileCol}) out to the
     * workers; a diagonal tile of the triangle counts its pairs i &lt; j only.
     */
    private void schedule(
            long totalTiles,
            LongFunction<int[]> coordinates,
            int rows,
            int cols,
            int side,
            long totalPairs,
            IntFunction<TileWork> perWorker,
            Progress progress) {
        boolean triangle = rows == cols && totalPairs != (long) rows * cols;
        AtomicLong next = new AtomicLong();
        long[] done = {0};
        progress.update(STAGE, 0, totalPairs);
        // one task per worker thread, all running at once
        ParallelTasks.forEach(threads, threads, worker -> {
            TileWork tileWork = perWorker.apply(worker);
            long t;
            while ((t = next.getAndIncrement()) < totalTiles) {
                int[] ij = coordinates.apply(t);
                int i0 = ij[0] * side, i1 = Math.min(rows, i0 + side);
                int j0 = ij[1] * side, j1 = Math.min(cols, j0 + side);
                tileWork.tile(i0, i1, j0, j1);
                long pairs = triangle && i0 == j0 ? (long) (i1 - i0) * (i1 - i0 - 1) / 2 : (long) (i1 - i0) * (j1 - j0);
                synchronized (done) {
                    done[0] += pairs;
                    progress.update(STAGE, done[0], totalPairs);
                }
            }
        });
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
}
