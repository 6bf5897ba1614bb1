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

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

}
