package org.cleanrank.detect;

import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import java.util.Arrays;
import java.util.List;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.Condensed;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * The distances of all {@code N(N-1)/2} pairs as a sorted multiset without holding them: exact order
 * statistics from histograms of the float32 bit patterns (which order non-negative floats). One streamed
 * pass counts each distance in a coarse bucket (its top bits: 65,025 buckets over [0, 1)); a question
 * about a bucket's inside (an order statistic, or a count up to a distance) is answered by a further pass
 * that counts every bit pattern of the buckets asked for. {@link FractionCut#onPairs} asks for at most four
 * order statistics at once and then one count: two or three passes in all, memory O(1) in N.
 */
public final class PairDistanceHistogram implements SortedDistances {
    private static final int SHIFT = 14;
    private static final int FINE = 1 << SHIFT;
    private static final int BUCKETS = (Float.floatToRawIntBits(1.0f) >>> SHIFT) + 1;

    private final PackedEmbeddings m;
    private final EmbeddingKernels kernels;
    private final int threads;
    private final Progress progress;
    private final long[] coarse = new long[BUCKETS];
    private final long[] coarseBefore = new long[BUCKETS + 1];
    private final Int2ObjectOpenHashMap<long[]> fine = new Int2ObjectOpenHashMap<>();
    private long zeros;
    private long ones;
    private int passes;

    private PairDistanceHistogram(PackedEmbeddings m, EmbeddingKernels kernels, int threads, Progress progress) {
        this.m = m;
        this.kernels = kernels;
        this.threads = threads;
        this.progress = progress;
    }

    /** Runs the first (coarse) pass over all pairs of {@code m}. */
    public static PairDistanceHistogram stream(
            PackedEmbeddings m, EmbeddingKernels kernels, int threads, Progress progress) {
        PairDistanceHistogram h = new PairDistanceHistogram(m, kernels, threads, progress);
        h.coarsePass();
        return h;
    }

    /** Passes over all pairs so far (for the progress report and the tests). */
    public int passes() {
        return passes;
    }

    @Override
    public long total() {
        return Condensed.size(m.n());
    }

    @Override
    public long zeros() {
        return zeros;
    }

    @Override
    public long valid() {
        return total() - zeros - ones;
    }

    @Override
    public void prepare(long[] orderStatistics) {
        int[] buckets = new int[orderStatistics.length];
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = bucketOf(orderStatistics[i]);
        }
        finePass(buckets);
    }

    @Override
    public float kth(long k) {
        if (k < 0 || k >= valid()) {
            throw new IndexOutOfBoundsException("order statistic " + k + " of " + valid());
        }
        int b = bucketOf(k);
        long[] f = fineOf(b);
        long left = k - coarseBefore[b];
        for (int low = 0; low < FINE; low++) {
            left -= f[low];
            if (left < 0) {
                return Float.intBitsToFloat((b << SHIFT) | low);
            }
        }
        throw new IllegalStateException("histograms disagree in bucket " + b);
    }

    @Override
    public long countAtMost(float t) {
        if (!(t > 0)) {
            return 0;
        }
        if (!(t < 1)) {
            return valid();
        }
        int bits = Float.floatToRawIntBits(t);
        int b = bits >>> SHIFT;
        long count = coarseBefore[b];
        if (coarse[b] > 0) {
            long[] f = fineOf(b);
            for (int low = 0; low <= (bits & (FINE - 1)); low++) {
                count += f[low];
            }
        }
        return count;
    }

    /** The bucket holding the k-th smallest valid distance: the b with coarseBefore[b] <= k < coarseBefore[b + 1]. */
    private int bucketOf(long k) {
        int lo = 0;
        int hi = BUCKETS; // first index i with coarseBefore[i] > k, searched in (0, BUCKETS]
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (coarseBefore[mid] <= k) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    private long[] fineOf(int bucket) {
        if (!fine.containsKey(bucket)) {
            finePass(new int[] {bucket});
        }
        return fine.get(bucket);
    }

    private void coarsePass() {
        List<Counter> workers = new PairEngine(threads)
                .run(m, kernels, w -> new Counter(null), stage("auto-cleaning: histogram of all pair distances"));
        for (Counter c : workers) {
            zeros += c.zeros;
            ones += c.ones;
            for (int b = 0; b < BUCKETS; b++) {
                coarse[b] += c.counts[b];
            }
        }
        for (int b = 0; b < BUCKETS; b++) {
            coarseBefore[b + 1] = coarseBefore[b] + coarse[b];
        }
        passes++;
    }

    private void finePass(int[] wanted) {
        int[] buckets = Arrays.stream(wanted)
                .filter(b -> coarse[b] > 0 && !fine.containsKey(b))
                .distinct()
                .sorted()
                .toArray();
        if (buckets.length == 0) {
            return;
        }
        List<Counter> workers = new PairEngine(threads)
                .run(m, kernels, w -> new Counter(buckets), stage("auto-cleaning: a closer look at the quantiles"));
        for (int i = 0; i < buckets.length; i++) {
            long[] f = new long[FINE];
            for (Counter c : workers) {
                for (int low = 0; low < FINE; low++) {
                    f[low] += c.counts[i * FINE + low];
                }
            }
            fine.put(buckets[i], f);
        }
        passes++;
    }

    private Progress stage(String name) {
        return (s, done, total) -> progress.update(name, done, total);
    }

    /** One worker's counts: coarse buckets, or the bit patterns inside the wanted buckets. */
    private static final class Counter implements PairConsumer {
        final int[] wanted;
        final long[] counts;
        long zeros;
        long ones;

        Counter(int[] wanted) {
            this.wanted = wanted;
            this.counts = new long[wanted == null ? BUCKETS : wanted.length * FINE];
        }

        @Override
        public void tile(int i0, int i1, int j0, int j1, float[] dist, int width) {
            for (int i = i0; i < i1; i++) {
                int base = (i - i0) * width - j0;
                for (int j = Math.max(j0, i + 1); j < j1; j++) {
                    float d = dist[base + j];
                    if (!(d > 0)) {
                        zeros++;
                    } else if (!(d < 1)) {
                        ones++;
                    } else {
                        int bits = Float.floatToRawIntBits(d);
                        if (wanted == null) {
                            counts[bits >>> SHIFT]++;
                        } else {
                            countFine(bits);
                        }
                    }
                }
            }
        }

        private void countFine(int bits) {
            int b = bits >>> SHIFT;
            for (int i = 0; i < wanted.length; i++) {
                if (wanted[i] == b) {
                    counts[i * FINE + (bits & (FINE - 1))]++;
                    return;
                }
            }
        }
    }
}
