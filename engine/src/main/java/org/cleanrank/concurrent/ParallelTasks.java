package org.cleanrank.concurrent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Independent tasks {@code 0..count-1} (features, trees, classes, sample blocks) on up to {@code threads}
 * threads, the calling thread included. Each task writes only its own outputs, so no result depends on
 * the thread count or the schedule. A task's exception is rethrown as is (a CleanRankException stays one).
 */
public final class ParallelTasks {
    private ParallelTasks() {}

    /** {@code threads <= 0}: as many as the machine has processors. */
    public static int resolve(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    public static void forEach(int count, int threads, IntConsumer task) {
        int t = Math.max(1, Math.min(resolve(threads), count));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                task.accept(i);
            }
        };
        if (t == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t - 1, r -> {
            Thread th = new Thread(r, "cleanrank-worker");
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

    /** The results of {@code task(0..count-1)}, in index order. */
    @SuppressWarnings("unchecked")
    public static <T> List<T> map(int count, int threads, IntFunction<T> task) {
        Object[] out = new Object[count];
        forEach(count, threads, i -> out[i] = task.apply(i));
        return (List<T>) Arrays.asList(out);
    }
}
