package org.cleanrank.image.cv;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.cleanrank.pairs.Progress;

/**
 * Runs a symmetric pair computation over all i &gt; j on a fixed pool: rows are handed out by an atomic
 * counter (row i holds i pairs, so rows are taken from the longest down). Every pair is computed once,
 * by one thread, in a fixed way, so the result does not depend on the thread count.
 */
final class SsimPairRunner {
    interface PairJob {
        void pair(int i, int j);
    }

    private SsimPairRunner() {}

    static void run(int n, int threads, PairJob job) {
        int t = Math.max(1, Math.min(threads, n));
        AtomicInteger next = new AtomicInteger(n - 1);
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndDecrement()) >= 1) {
                for (int j = 0; j < i; j++) {
                    job.pair(i, j);
                }
            }
        };
        runWorkers(t, worker);
    }

    private static void runWorkers(int t, Runnable worker) {
        if (t == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "cleanrank-ssim");
            th.setDaemon(true);
            return th;
        });
        try {
            Future<?>[] fs = new Future<?>[t];
            for (int k = 0; k < t; k++) {
                fs[k] = pool.submit(worker);
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * As {@link #run}, blocked for the caches: a worker takes a block row of {@code rowBlock} images (the
     * longest first) and walks its columns in blocks of {@code colBlock} images, for each image of the block
     * row all pairs with the column block. A column block (colBlock images' statistics, ~50 KB each at 64 x 64)
     * stays in the core's L2 while the whole block row runs over it, and an image of the block row is reused
     * for colBlock pairs in a row. Same pairs, each computed once, so the result does not depend on the blocks.
     */
    static void runTiled(int n, int threads, int rowBlock, int colBlock, PairJob job) {
        runTiled(n, threads, rowBlock, colBlock, job, Progress.NONE);
    }

    /** As {@link #runTiled(int, int, int, int, PairJob)}, reporting pairs done after each block row (stage "SSIM pairs"). */
    static void runTiled(int n, int threads, int rowBlock, int colBlock, PairJob job, Progress progress) {
        int blocks = (n + rowBlock - 1) / rowBlock;
        int t = Math.max(1, Math.min(threads, blocks));
        AtomicInteger next = new AtomicInteger(blocks - 1);
        long total = (long) n * (n - 1) / 2;
        AtomicLong done = new AtomicLong();
        progress.update("SSIM pairs", 0, total);
        Runnable worker = () -> {
            int bi;
            while ((bi = next.getAndDecrement()) >= 0) {
                int i0 = bi * rowBlock, i1 = Math.min(n, i0 + rowBlock);
                tiles(i0, i1, colBlock, job);
                // block rows i0 .. i1 - 1 hold i0 + ... + (i1 - 1) pairs; count and report in one step, so the
                // reports never go backwards
                synchronized (done) {
                    progress.update("SSIM pairs", done.addAndGet((long) (i0 + i1 - 1) * (i1 - i0) / 2), total);
                }
            }
        };
        runWorkers(t, worker);
    }

    /** Block row i0 .. i1 - 1: column blocks of colBlock images, each against every image of the block row. */
    private static void tiles(int i0, int i1, int colBlock, PairJob job) {
        for (int j0 = 0; j0 < i1 - 1; j0 += colBlock) {
            int jEnd = Math.min(j0 + colBlock, i1 - 1);
            for (int i = Math.max(i0, j0 + 1); i < i1; i++) {
                int j1 = Math.min(i, jEnd);
                for (int j = j0; j < j1; j++) {
                    job.pair(i, j);
                }
            }
        }
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
