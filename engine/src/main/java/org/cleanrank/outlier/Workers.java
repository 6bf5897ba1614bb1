package org.cleanrank.outlier;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent jobs {@code 0..count-1} (features, trees, sample blocks) on a few threads. Jobs write
 * disjoint outputs, so the result never depends on which thread ran which job.
 */
final class Workers {
    @FunctionalInterface
    interface Job {
        void run(int index);
    }

    private Workers() {}

    static void forEach(int threads, int count, Job job) {
        int t = Math.max(1, Math.min(threads, count));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                job.run(i);
            }
        };
        if (t == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t - 1, r -> {
            Thread th = new Thread(r, "cleanrank-outlier");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 1; w < t; w++) {
                futures.add(pool.submit(worker));
            }
            worker.run();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
