package org.cleanrank.image.cv;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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
     * As {@link #run}, in tiles for cache reuse: a worker takes a block row of {@code tile} images (the
     * longest first) and runs through its tiles, so each image of a column block is fetched from memory
     * once per block row instead of once per row. Same pairs, each computed once.
     */
    static void runTiled(int n, int threads, int tile, PairJob job) {
        int blocks = (n + tile - 1) / tile;
        int t = Math.max(1, Math.min(threads, blocks));
        AtomicInteger next = new AtomicInteger(blocks - 1);
        Runnable worker = () -> {
            int bi;
            while ((bi = next.getAndDecrement()) >= 0) {
                int i0 = bi * tile, i1 = Math.min(n, i0 + tile);
                for (int bj = 0; bj <= bi; bj++) {
                    int j0 = bj * tile;
                    for (int i = i0; i < i1; i++) {
                        int j1 = Math.min(i, j0 + tile);
                        for (int j = j0; j < j1; j++) {
                            job.pair(i, j);
                        }
                    }
                }
            }
        };
        runWorkers(t, worker);
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

}
