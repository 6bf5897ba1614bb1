package org.cleanrank.detect;

import java.io.Serializable;
import java.util.List;
import org.cleanrank.pairs.BlockPair;
import org.cleanrank.pairs.EmbeddingTiles;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.Condensed;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * {@link SelfClean}'s pair pass cut into independent shares ({@link BlockPair}s: tasks of a cluster
 * job), each returning a bounded {@link Part}, and the {@link Merge} of the parts that gives the
 * single-machine rankings bit for bit, whatever the order the parts arrive in:
 *
 * <ul>
 *   <li>near-duplicates: each share keeps its K closest pairs under (distance, i, j), the order the
 *       engine's heaps and merge use (distances are never -0 or NaN, so it is a total order); the global
 *       K closest are among the union of the shares' K closest, and the merge keeps the K smallest of the
 *       union under the same order, which no arrival order can change;
 *   <li>label errors: per-row minima and maxima of the share's rows ({@link IntraExtraReductions}),
 *       folded with min and max (no sums: order-free), scored and ranked once at the end;
 *   <li>the single linkage then runs on the merging side, with the whole matrix (today
 *       {@link StreamingSingleLinkage}); a linkage fed by the pair pass adds its candidate edges to
 *       {@link Part} the same way, renumbered to global rows and filtered at the merge.
 * </ul>
 *
 * <p>Memory of a part: K pairs plus 3 floats per row of the share; of the merge: K pairs plus 3 floats
 * and a label per sample.
 */
public final class SelfCleanShares {
    private SelfCleanShares() {}

    /**
     * What one share sends back.
     *
     * @param share the share computed
     * @param pairI the share's closest pairs (global rows), by (distance, i, j)
     * @param minSame per local row of the share (null without labels): see {@link IntraExtraReductions}
     */
    public record Part(
            BlockPair share,
            int[] pairI,
            int[] pairJ,
            float[] pairDistance,
            float[] minSame,
            float[] minDiff,
            float[] maxDiff)
            implements Serializable {}

    /**
     * Computes one share on its local matrix ({@link BlockPair#localMatrix}).
     *
     * @param n samples in the whole matrix
     * @param topPairs K, as {@link SelfClean.Builder#topPairs} (not ALL_PAIRS)
     * @param labels labels of all n samples as {@link LabelUse} keeps them, or null
     * @param threads worker threads inside the share
     */
    public static Part compute(
            BlockPair share,
            PackedEmbeddings local,
            int n,
            long topPairs,
            int[] labels,
            EmbeddingKernels kernels,
            int threads) {
        int rows = share.rows();
        int k = topK(n, topPairs);
        int[] localLabels = null;
        if (labels != null) {
            localLabels = new int[rows];
            for (int r = 0; r < rows; r++) {
                localLabels[r] = labels[share.global(r)];
            }
        }
        final int[] ll = localLabels;
        List<ShareWorker> workers = share.run(
                new PairEngine(threads),
                new EmbeddingTiles(local, kernels),
                w -> new ShareWorker(new TopKPairCollector(rows, k), ll == null ? null : new IntraExtraReductions(ll)),
                Progress.NONE);
        PairRanking top = TopKPairCollector.merge(
                rows, k, workers.stream().map(w -> w.pairs).toList());
        int[] is = new int[top.size()];
        int[] js = new int[top.size()];
        float[] ds = new float[top.size()];
        for (int r = 0; r < top.size(); r++) {
            is[r] = share.global(top.i(r));
            js[r] = share.global(top.j(r));
            ds[r] = top.distance(r);
        }
        if (ll == null) {
            return new Part(share, is, js, ds, null, null, null);
        }
        IntraExtraReductions red =
                IntraExtraReductions.merge(workers.stream().map(w -> w.labels).toList());
        return new Part(share, is, js, ds, red.minSame, red.minDiff, red.maxDiff);
    }

    private static int topK(int n, long topPairs) {
        if (topPairs < 0) {
            throw new IllegalArgumentException("shares keep the K closest pairs; the full ranking is not merged");
        }
        return (int) Math.min(topPairs, Condensed.size(n));
    }

    /** One worker of a share: the top-K heap and, with labels, the reductions. */
    private record ShareWorker(TopKPairCollector pairs, IntraExtraReductions labels) implements PairConsumer {
        @Override
        public void tile(int i0, int i1, int j0, int j1, float[] dist, int width) {
            pairs.tile(i0, i1, j0, j1, dist, width);
            if (labels != null) {
                labels.tile(i0, i1, j0, j1, dist, width);
            }
        }
    }

    /**
     * Folds parts into the global results; parts may come in any order, each exactly once (the merge
     * counts the pairs it has seen and refuses to finish before all N(N-1)/2 are covered).
     */
    public static final class Merge {
        private final int n;
        private final int k;
        private final LabelUse labels;
        private final IntraExtraReductions reductions;
        private int[] is = new int[0];
        private int[] js = new int[0];
        private float[] ds = new float[0];
        private long pairsSeen;

        /** @param labels labels of all n samples (may be null), checked as {@link SelfClean#run} checks them */
        public Merge(int n, long topPairs, int[] labels) {
            this.n = n;
            this.k = topK(n, topPairs);
            this.labels = LabelUse.of(labels, n);
            this.reductions = this.labels.labels() == null ? null : new IntraExtraReductions(this.labels.labels());
        }

        /** The labels the shares must be computed with (null: no label-error ranking). */
        public int[] shareLabels() {
            return labels.labels();
        }

        /** Folds one part in. */
        public synchronized void add(Part p) {
            mergeTopPairs(p.pairI(), p.pairJ(), p.pairDistance());
            if (reductions != null) {
                reductions.absorb(p.minSame(), p.minDiff(), p.maxDiff(), p.share()::global);
            }
            pairsSeen += p.share().pairCount();
        }

        /** Keeps the K first of two lists sorted by (distance, i, j). */
        private void mergeTopPairs(int[] pi, int[] pj, float[] pd) {
            int m = Math.min(k, ds.length + pd.length);
            int[] ni = new int[m];
            int[] nj = new int[m];
            float[] nd = new float[m];
            int a = 0, b = 0;
            for (int r = 0; r < m; r++) {
                boolean takeA = b == pd.length || (a < ds.length && before(ds[a], is[a], js[a], pd[b], pi[b], pj[b]));
                if (takeA) {
                    ni[r] = is[a];
                    nj[r] = js[a];
                    nd[r] = ds[a++];
                } else {
                    ni[r] = pi[b];
                    nj[r] = pj[b];
                    nd[r] = pd[b++];
                }
            }
            is = ni;
            js = nj;
            ds = nd;
        }

        private static boolean before(float da, int ia, int ja, float db, int ib, int jb) {
            int c = Float.compare(da, db);
            if (c != 0) {
                return c < 0;
            }
            return ia != ib ? ia < ib : ja < jb;
        }

        /** The near-duplicate and label-error rankings; all shares must have been added. */
        public Rankings rankings() {
            if (pairsSeen != Condensed.size(n)) {
                throw new IllegalStateException(
                        "the parts cover " + pairsSeen + " of " + Condensed.size(n) + " pairs; a share is missing");
            }
            SampleRanking labelErrors =
                    reductions == null ? null : IntraExtraLabelErrors.rank(IntraExtraLabelErrors.scores(reductions));
            return new Rankings(PairRanking.of(is, js, ds), labelErrors);
        }

        /**
         * SelfClean's result: the merged rankings, then the single linkage and LAD on the whole matrix
         * {@code m} (the one the shares were cut from).
         */
        public SelfClean.Result finish(
                PackedEmbeddings m, EmbeddingKernels kernels, int threads, boolean globalLeaves, Progress progress) {
            Rankings r = rankings();
            LinkageMatrix z = new StreamingSingleLinkage(kernels, threads).link(m, progress);
            SampleRanking offTopic = LadOffTopicDetector.rank(z, globalLeaves);
            return new SelfClean.Result(r.nearDuplicates(), offTopic, r.labelErrors(), labels.skipped(), z);
        }
    }

    /** The rankings the pair pass decides. */
    public record Rankings(PairRanking nearDuplicates, SampleRanking labelErrors) {}
}
