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
 * The process's one pool: independent tasks {@code 0..count-1} (features, trees, folds, sample blocks,
 * image files, pair tiles) on up to {@code threads} threads, the calling thread included. Each task writes
 * only its own outputs, so no result depends on the thread count or the schedule. A task's exception is
 * rethrown as is (a CleanRankException stays one, an OutOfMemoryError too) and stops the handing out of
 * further tasks.
 *
 * <p>The helper threads come from one shared cached pool of daemon threads: a call reuses idle threads
 * (loops that run thousands of times, such as the logistic regression's gradient, pay no thread start),
 * and gets a new thread when none is idle. So the {@code threads - 1} helpers of a call always run at once,
 * which the callers whose tasks wait for each other rely on (the single-linkage step barrier, one task per
 * worker of the pair engine), and a task may itself call {@code forEach} (folds whose classifiers run in
 * parallel) without waiting for a thread its caller holds.
 */
public final class ParallelTasks {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread th = new Thread(r, "cleanrank-worker");
        th.setDaemon(true);
        return th;
    });

    private ParallelTasks() {}

    /** {@code threads <= 0}: as many as the machine has processors. */
    public static int resolve(int threads) {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Runs {@code task(0..count-1)} on up to {@code threads} threads (0 = all cores); returns when all are done. */
    public static void forEach(int count, int threads, IntConsumer task) {
        int t = Math.max(1, Math.min(resolve(threads), count));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            try {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    task.accept(i);
                }
            } catch (Throwable e) {
                next.set(count); // no further tasks: the call fails anyway
                throw e;
            }
        };
        if (t == 1) {
            worker.run();
            return;
        }
        List<Future<?>> futures = new ArrayList<>();
        Throwable failure = null;
        try {
            for (int w = 1; w < t; w++) {
                futures.add(POOL.submit(worker));
            }
            worker.run();
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(g -> g.cancel(true));
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                failure = failure != null ? failure : e.getCause();
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
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
