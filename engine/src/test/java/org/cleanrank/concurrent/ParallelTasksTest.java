package org.cleanrank.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cleanrank.CleanRankException;
import org.junit.jupiter.api.Test;

class ParallelTasksTest {
    @Test
    void resultsComeInIndexOrderWhateverTheThreads() {
        for (int threads : new int[] {1, 2, 7}) {
            List<Integer> squares = ParallelTasks.map(50, threads, i -> i * i);
            for (int i = 0; i < 50; i++) {
                assertEquals(i * i, squares.get(i));
            }
        }
    }

    @Test
    void oneTaskPerThreadRunsAllTasksAtOnce() throws Exception {
        // tasks that wait for each other (the single-linkage step, the pair engine's workers) need every
        // helper running at the same time, also inside a task of an outer call
        ParallelTasks.forEach(2, 2, outer -> {
            CyclicBarrier barrier = new CyclicBarrier(4);
            ParallelTasks.forEach(4, 4, i -> {
                try {
                    barrier.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the 4 tasks did not all run at once", e);
                }
            });
        });
    }

    @Test
    void aTaskExceptionIsRethrownAsIsAndStopsTheHandingOut() {
        AtomicInteger started = new AtomicInteger();
        CleanRankException boom = new CleanRankException("task 3 failed");
        CleanRankException thrown = assertThrows(
                CleanRankException.class,
                () -> ParallelTasks.forEach(10_000, 2, i -> {
                    started.incrementAndGet();
                    if (i == 3) {
                        throw boom;
                    }
                }));
        assertSame(boom, thrown);
        assertTrue(started.get() < 10_000, "tasks after the failure were still handed out: " + started.get());
        OutOfMemoryError oom = new OutOfMemoryError("test");
        assertSame(
                oom,
                assertThrows(
                        OutOfMemoryError.class,
                        () -> ParallelTasks.forEach(4, 3, i -> {
                            throw oom;
                        })));
    }
}
