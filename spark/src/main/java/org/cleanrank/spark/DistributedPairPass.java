package org.cleanrank.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.cleanrank.pairs.BlockPair;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * The all-pairs pass as one Spark job: the triangle cut into block-pair shares ({@link BlockPair#triangle},
 * the heavier off-diagonal shares first), one task per share, each computing its share with the engine's
 * tiled pass and SIMD kernels on a local matrix of its two row blocks, and returning a bounded part that
 * the driver folds into its merge as each task finishes.
 *
 * <p>The embeddings travel as one broadcast per row block (normalised panels, bit for bit the driver's), so
 * an executor fetches only the blocks its tasks touch, once; the matrix is never shuffled, and no N x N
 * anything exists anywhere. The driver holds the matrix, its merge, and one part at a time (Spark calls
 * the result handler as tasks finish; the parts are not collected). A failed task is recomputed by Spark
 * from the same share and blocks, so a retry returns the same part.
 */
final class DistributedPairPass {
    /** Test hook: the Spark setting (or driver system property) naming a task that fails on its first attempt. */
    static final String FAIL_ONCE = "spark.cleanrank.failOnce";

    private DistributedPairPass() {}

    /** What a task computes from its share (shipped to the executors: must be serializable). */
    interface ShareTask<P extends Serializable> extends Serializable {
        P compute(BlockPair share, PackedEmbeddings local, int threads);
    }

    /** Runs every share of {@code m}'s triangle in blocks of {@code blockRows} and hands each part to {@code merge}. */
    static <P extends Serializable> void run(
            JavaSparkContext jsc,
            PackedEmbeddings m,
            int blockRows,
            ShareTask<P> task,
            Consumer<P> merge,
            Progress progress) {
        int n = m.n();
        int dim = m.dim();
        List<BlockPair> shares = BlockPair.triangle(n, blockRows);
        ArrayList<Broadcast<float[]>> blocks = new ArrayList<>();
        for (int r0 = 0; r0 < n; r0 += blockRows) {
            blocks.add(jsc.broadcast(m.rowPanels(r0, Math.min(n, r0 + blockRows))));
        }
        int failOnce = failOnce(jsc.sc());
        try {
            JavaRDD<P> parts = jsc.parallelize(shares, shares.size()).map(share -> {
                TaskContext tc = TaskContext.get();
                if (tc.partitionId() == failOnce && tc.attemptNumber() == 0) {
                    throw new IllegalStateException(FAIL_ONCE + ": injected failure of task " + failOnce);
                }
                PackedEmbeddings local = share.localMatrix(
                        dim,
                        blocks.get(share.a0() / blockRows).value(),
                        blocks.get(share.b0() / blockRows).value());
                return task.compute(share, local, tc.cpus());
            });
            AtomicLong done = new AtomicLong();
            progress.update("pairs", 0, shares.size());
            Function1<Iterator<P>, P> only = (Function1<Iterator<P>, P> & Serializable) Iterator::next;
            Function2<Object, P, BoxedUnit> fold = (partition, part) -> {
                merge.accept(part);
                progress.update("pairs", done.incrementAndGet(), shares.size());
                return BoxedUnit.UNIT;
            };
            jsc.sc().runJob(parts.rdd(), only, fold, ClassTag$.MODULE$.apply(Serializable.class));
        } finally {
            for (Broadcast<float[]> b : blocks) {
                b.destroy();
            }
        }
    }

    /** The partition to fail once ({@value #FAIL_ONCE}), or -1. */
    private static int failOnce(SparkContext sc) {
        String v = sc.getConf().get(FAIL_ONCE, System.getProperty("cleanrank.spark.failOnce", "-1"));
        return Integer.parseInt(v.strip());
    }

    /**
     * Rows per block: about 4 shares per slot of the default parallelism (the cores Spark has), so
     * tasks of uneven length still balance, within [128, 4096] rows (a share's local matrix and heaps
     * stay small; a tile reuse of 4096 x 4096 pairs per broadcast block read).
     */
    static int blockRows(JavaSparkContext jsc, int n, Integer given) {
        return given != null ? given : BlockPair.blockRows(n, 4 * jsc.defaultParallelism(), 4096);
    }
}
