package org.cleanrank.label.cl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs one independent task per class on up to {@code threads} threads (cleanlab's multiprocessing
 * pool over classes). Each result lands in its class's slot, so the outcome does not depend on the
 * thread count or on scheduling.
 */
final class PerClass {
    private PerClass() {}

    static <T> List<T> run(int classes, int threads, IntFunction<T> task) {
        List<T> out = new ArrayList<>(classes);
        for (int k = 0; k < classes; k++) {
            out.add(null);
        }
        int workers = Math.max(1, Math.min(threads, classes));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < classes; k = next.getAndIncrement()) {
                T r = task.apply(k);
                synchronized (out) {
                    out.set(k, r);
                }
            }
        };
        if (workers == 1) {
            worker.run();
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers - 1, r -> {
            Thread th = new Thread(r, "cleanrank-cl");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 1; w < workers; w++) {
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
        synchronized (out) {
            return out;
        }
    }
}
