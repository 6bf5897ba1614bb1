package org.cleanrank.detect;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * scipy's single linkage ({@code scipy.cluster.hierarchy.single}, i.e. {@code mst_single_linkage}), with
 * one row of distances at a time instead of the condensed matrix.
 *
 * <p>scipy's Prim: start at point 0; at each step fold the newest point's distances into the running
 * minimum D (replaced only when strictly larger) and take the unmerged point with the strictly smallest
 * D, ties to the lowest index. The n-1 edges are then sorted by distance with a stable sort and
 * relabelled with a union-find (row r joins the two current roots, smaller id first, new id n+r).
 *
 * <p>Here the unmerged points are kept compacted in a private panel copy (a merged point's slot is
 * filled by the last unmerged one), so each step streams only live points through the row kernel, split
 * across threads; the argmin compares (D, index) so the compaction order does not matter. Distances
 * come from the same kernel as the pair engine, so they are the very values the other detectors see.
 */
public final class StreamingSingleLinkage {
    private static final int W = PackedEmbeddings.PANEL;
    /** Below this many live points a step runs on the calling thread alone. */
    private static final int PARALLEL_MIN_POINTS = 4096;

    private final EmbeddingKernels kernels;
    private final int threads;

    public StreamingSingleLinkage(EmbeddingKernels kernels, int threads) {
        this.kernels = kernels;
        this.threads = Math.max(1, threads);
    }

    public LinkageMatrix link(PackedEmbeddings m, Progress progress) {
        int n = m.n();
        int dim = m.dim();
        float[] work = m.panels().clone();
        int[] pointAt = new int[n];
        int[] slotOf = new int[n];
        float[] dmin = new float[n];
        for (int i = 0; i < n; i++) {
            pointAt[i] = i;
            slotOf[i] = i;
            dmin[i] = Float.POSITIVE_INFINITY;
        }
        int[] edgeX = new int[n - 1];
        int[] edgeY = new int[n - 1];
        float[] edgeD = new float[n - 1];

        Step step = new Step(work, dim, pointAt, dmin, Math.max(1, threads));
        step.drive(() -> {
            int live = n;
            int x = 0;
            float[] xrow = new float[dim];
            for (int k = 0; k < n - 1; k++) {
                // merged[x] = 1: move the last live point into x's slot
                int slot = slotOf[x];
                int last = live - 1;
                if (slot != last) {
                    moveSlot(work, dim, last, slot);
                    int moved = pointAt[last];
                    pointAt[slot] = moved;
                    slotOf[moved] = slot;
                    dmin[slot] = dmin[last];
                }
                live--;
                m.copyRow(x, xrow);
                long best = step.run(xrow, live);
                int y = (int) best;
                edgeX[k] = x;
                edgeY[k] = y;
                edgeD[k] = Float.intBitsToFloat((int) (best >>> 32));
                x = y;
                if ((k & 255) == 0 || k == n - 2) {
                    progress.update("single linkage", k + 1, n - 1);
                }
            }
        });
        return relabel(n, edgeX, edgeY, edgeD);
    }

    private static void moveSlot(float[] work, int dim, int from, int to) {
        int fb = (from / W) * dim * W + (from % W);
        int tb = (to / W) * dim * W + (to % W);
        for (int k = 0; k < dim; k++) {
            work[tb + k * W] = work[fb + k * W];
        }
    }

    /** Stable sort of Prim's edges by distance, then scipy's union-find labelling. */
    static LinkageMatrix relabel(int n, int[] ex, int[] ey, float[] ed) {
        int m = n - 1;
        long[] keys = new long[m];
        for (int k = 0; k < m; k++) {
            // distances are >= 0, so their float bits sort like the values; the low bits keep Prim's order
            keys[k] = ((long) Float.floatToRawIntBits(ed[k]) << 32) | k;
        }
        LongArrays.radixSort(keys);
        int[] parent = new int[2 * n - 1];
        int[] size = new int[2 * n - 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
            size[i] = 1;
        }
        double[] z = new double[4 * m];
        int next = n;
        for (int r = 0; r < m; r++) {
            int k = (int) (keys[r] & 0xFFFFFFFFL);
            int xr = find(parent, ex[k]);
            int yr = find(parent, ey[k]);
            z[4 * r] = Math.min(xr, yr);
            z[4 * r + 1] = Math.max(xr, yr);
            z[4 * r + 2] = ed[k];
            parent[xr] = next;
            parent[yr] = next;
            size[next] = size[xr] + size[yr];
            z[4 * r + 3] = size[next];
            next++;
        }
        return new LinkageMatrix(n, z);
    }

    private static int find(int[] parent, int x) {
        int root = x;
        while (parent[root] != root) {
            root = parent[root];
        }
        while (parent[x] != root) {
            int p = parent[x];
            parent[x] = root;
            x = p;
        }
        return root;
    }

    /**
     * One Prim step over the live slots, split by panels across helper tasks of {@link ParallelTasks} that
     * spin between steps (a step at N = 16k takes well under a millisecond, too short for parking).
     */
    private final class Step {
        private final float[] work;
        private final int dim;
        private final int[] pointAt;
        private final float[] dmin;
        private final int parts;
        private final long[] partBest;
        private final float[][] bufs;
        private final AtomicInteger pending = new AtomicInteger();
        private volatile int phase;
        private volatile boolean stop;
        /** A helper's exception: ends the run (the driver rethrows it) instead of leaving the driver spinning. */
        private volatile Throwable helperFailure;

        private float[] xrow;
        private int live;

        Step(float[] work, int dim, int[] pointAt, float[] dmin, int parts) {
            this.work = work;
            this.dim = dim;
            this.pointAt = pointAt;
            this.dmin = dmin;
            this.parts = parts;
            this.partBest = new long[parts];
            this.bufs = new float[parts][];
        }

        /**
         * Runs {@code driver} (the Prim loop, which calls {@link #run}) as task 0 and the {@code parts - 1}
         * helpers as tasks 1.., all at once on the pool; the helpers stop when the driver ends.
         */
        void drive(Runnable driver) {
            ParallelTasks.forEach(parts, parts, p -> {
                if (p > 0) {
                    helperLoop(p);
                    return;
                }
                try {
                    driver.run();
                } finally {
                    stop = true;
                }
            });
        }

        /** Returns (float bits of D << 32) | point of the new nearest live point. */
        long run(float[] x, int liveCount) {
            this.xrow = x;
            this.live = liveCount;
            int livePanels = (liveCount + W - 1) / W;
            if (parts == 1 || liveCount < PARALLEL_MIN_POINTS) {
                partBest[0] = scan(0, livePanels, 0);
                return partBest[0];
            }
            pending.set(parts - 1);
            phase = phase + 1;
            partBest[0] = scan(0, split(livePanels, 1), 0);
            int spins = 0;
            while (pending.get() > 0) {
                if (++spins > 10_000) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            if (helperFailure != null) {
                throw new IllegalStateException("single-linkage helper failed", helperFailure);
            }
            long best = Long.MAX_VALUE;
            for (int p = 0; p < parts; p++) {
                best = Math.min(best, partBest[p]);
            }
            return best;
        }

        private int split(int livePanels, int part) {
            return (int) ((long) livePanels * part / parts);
        }

        private void helperLoop(int part) {
            int seen = 0;
            int spins = 0;
            while (true) {
                int ph = phase;
                if (stop) {
                    return;
                }
                if (ph == seen) {
                    if (++spins > 10_000) {
                        Thread.yield();
                    } else {
                        Thread.onSpinWait();
                    }
                    continue;
                }
                spins = 0;
                seen = ph;
                int livePanels = (live + W - 1) / W;
                try {
                    partBest[part] = scan(split(livePanels, part), split(livePanels, part + 1), part);
                } catch (RuntimeException | Error e) {
                    helperFailure = e;
                    throw e;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }

        /** Updates D over panels [p0, p1) and returns the packed (D, point) minimum, or Long.MAX_VALUE. */
        private long scan(int p0, int p1, int part) {
            if (p1 <= p0) {
                return Long.MAX_VALUE;
            }
            float[] buf = bufs[part];
            if (buf == null || buf.length < (p1 - p0) * W) {
                buf = bufs[part] = new float[Math.max((p1 - p0) * W, 1024)];
            }
            kernels.distanceRow(xrow, work, dim, p0, p1, buf);
            int end = Math.min(live, p1 * W);
            float bestD = Float.POSITIVE_INFINITY;
            int bestPoint = Integer.MAX_VALUE;
            for (int s = p0 * W; s < end; s++) {
                float v = buf[s - p0 * W];
                float dm = dmin[s];
                if (dm > v) {
                    dm = v;
                    dmin[s] = v;
                }
                int pt = pointAt[s];
                if (dm < bestD || (dm == bestD && pt < bestPoint)) {
                    bestD = dm;
                    bestPoint = pt;
                }
            }
            if (bestPoint == Integer.MAX_VALUE) {
                return Long.MAX_VALUE;
            }
            return ((long) Float.floatToRawIntBits(bestD) << 32) | bestPoint;
        }
    }
}
