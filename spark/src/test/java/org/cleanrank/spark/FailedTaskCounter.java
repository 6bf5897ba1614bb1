package org.cleanrank.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/** Counts the task attempts that did not succeed (registered through spark.extraListeners by the tests). */
public final class FailedTaskCounter extends SparkListener {
    static final AtomicInteger FAILED = new AtomicInteger();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() != Success$.MODULE$) {
            FAILED.incrementAndGet();
        }
    }
}
