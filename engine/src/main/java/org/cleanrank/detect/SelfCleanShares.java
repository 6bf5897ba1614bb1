package org.cleanrank.detect;

import java.io.Serializable;
import java.util.List;
import org.cleanrank.pairs.BlockPair;
import org.cleanrank.pairs.EmbeddingTiles;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.Condensed;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * {@link SelfClean}'s pair pass cut into independent shares ({@link BlockPair}s: tasks of a cluster
 * job), each returning a bounded {@link Part}, and the {@link Merge} of the parts that gives the
 * single-machine result bit for bit, whatever the order the parts arrive in:
 *
 * <ul>
 *   <li>near-duplicates: each share keeps its K closest pairs under (distance, i, j), the order the
 *       engine's heaps and merge use (distances are never -0 or NaN, so it is a total order); the global
 *       K closest are among the union of the shares' K closest, and the merge keeps the K smallest of the
 *       union under the same order, which no arrival order can change;
 *   <li>label errors: per-row minima and maxima of the share's rows ({@link IntraExtraReductions}),
 *       folded with min and max (no sums: order-free), scored and ranked once at the end;
 *   <li>the single linkage ({@link PairPassSingleLinkage}): each share collects the tight pairs of its
 *       tiles in its local rows, exactly as a worker of the single-machine pass does, with the zero rows
 *       and groups of identical rows of the <em>whole</em> matrix ({@link IdenticalRows}, computed once by
 *       the merge and shipped with {@link Inputs}; a group restricted to the share is one node, its
 *       smallest member there), and keeps those tight in the share's own candidate graph; the part
 *       carries them renumbered to global rows, each group member as the group's global canonical row.
 *       A pair tight in the complete graph is tight in every subgraph holding it, so the union of the
 *       parts holds every globally tight pair; the merge unions the parts' edges, filtering them as they
 *       grow ({@link CandidateUnion}), and runs the final filter and {@link CandidatePrim} on the merging
 *       side, which needs no distance; past the same edge budget as a single run it falls back to
 *       {@link StreamingSingleLinkage} over the whole matrix.
 * </ul>
 *
 * <p>Memory of a part: K pairs, 3 floats per row of the share, and the share's tight candidates (about
 * its rows in number, unless ties are massive); of the merge: K pairs, 3 floats, a label and the
 * identical-rows tables per sample, and the candidate union (a few edges per sample).
 */
public final class SelfCleanShares {
    private SelfCleanShares() {}

    /**
     * What one share sends back.
     *
     * @param share the share computed
     * @param pairI the share's closest pairs (global rows), by (distance, i, j)
     * @param minSame per local row of the share (null without labels): see {@link IntraExtraReductions}
     * @param edgeA the share's tight candidate edges of the linkage (global canonical rows, a &lt; b), null
     *     when the share went over the edge budget
     * @param edgesEmitted tight block pairs the share's tiles emitted before any filtering
     */
    public record Part(
            BlockPair share,
            int[] pairI,
            int[] pairJ,
            float[] pairDistance,
            float[] minSame,
            float[] minDiff,
            float[] maxDiff,
            int[] edgeA,
            int[] edgeB,
            float[] edgeDistance,
            long edgesEmitted)
            implements Serializable {}

    /**
     * What every share needs from the whole matrix (shipped to the tasks once): K, the labels
     * the shares are computed with, the zero rows and groups of identical rows, and the edge budget.
     */
    public static final class Inputs implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int k;
        private final int[] labels;
        private final IdenticalRows rows;
        private final int edgeBudget;

        private Inputs(int k, int[] labels, IdenticalRows rows, int edgeBudget) {
            this.k = k;
            this.labels = labels;
            this.rows = rows;
            this.edgeBudget = edgeBudget;
        }
    }

    /**
     * Computes one share on its local matrix ({@link BlockPair#localMatrix}).
     *
     * @param inputs {@link Merge#shareInputs()} of the merge the part goes to
     * @param threads worker threads inside the share
     */
    public static Part compute(
            BlockPair share, PackedEmbeddings local, Inputs inputs, EmbeddingKernels kernels, int threads) {
        int rows = share.rows();
        int[] localLabels = null;
        if (inputs.labels != null) {
            localLabels = new int[rows];
            for (int r = 0; r < rows; r++) {
                localLabels[r] = inputs.labels[share.global(r)];
            }
        }
        final int[] ll = localLabels;
        TightPairCollector.Workers linkage =
                new TightPairCollector.Workers(rows, inputs.rows.restrict(share), PairEngine.TILE, inputs.edgeBudget);
        List<SelfClean.Worker> workers = share.run(
                new PairEngine(threads),
                new EmbeddingTiles(local, kernels),
                w -> new SelfClean.Worker(
                        new TopKPairCollector(rows, inputs.k),
                        ll == null ? null : new IntraExtraReductions(ll),
                        linkage.collector()),
                Progress.NONE);
        PairRanking top = TopKPairCollector.merge(
                rows,
                inputs.k,
                workers.stream().map(w -> (TopKPairCollector) w.pairs).toList());
        int[] is = new int[top.size()];
        int[] js = new int[top.size()];
        float[] ds = new float[top.size()];
        for (int r = 0; r < top.size(); r++) {
            is[r] = share.global(top.i(r));
            js[r] = share.global(top.j(r));
            ds[r] = top.distance(r);
        }
        IntraExtraReductions red = ll == null
                ? null
                : IntraExtraReductions.merge(workers.stream().map(w -> w.labels).toList());
        CandidateUnion union = linkage.union();
        CandidateEdges tight = union.tight();
        int[] ea = null;
        int[] eb = null;
        float[] ed = null;
        if (tight != null) {
            ea = new int[tight.size()];
            eb = new int[tight.size()];
            ed = new float[tight.size()];
            for (int e = 0; e < tight.size(); e++) {
                int a = inputs.rows.canonical(share.global(tight.a(e)));
                int b = inputs.rows.canonical(share.global(tight.b(e)));
                ea[e] = Math.min(a, b);
                eb[e] = Math.max(a, b);
                ed[e] = tight.d(e);
            }
        }
        return new Part(
                share,
                is,
                js,
                ds,
                red == null ? null : red.minSame,
                red == null ? null : red.minDiff,
                red == null ? null : red.maxDiff,
                ea,
                eb,
                ed,
                union.emitted());
    }

    private static int topK(int n, long topPairs) {
        if (topPairs < 0) {
            throw new IllegalArgumentException("shares keep the K closest pairs; the full ranking is not merged");
        }
        return (int) Math.min(topPairs, Condensed.size(n));
    }

    /**
     * Folds parts into the global results; parts may come in any order, each exactly once (the merge
     * counts the pairs it has seen and refuses to finish before all N(N-1)/2 are covered).
     */
    public static final class Merge {
        private final PackedEmbeddings m;
        private final EmbeddingKernels kernels;
        private final int n;
        private final int k;
        private final LabelUse labels;
        private final IntraExtraReductions reductions;
        private final Inputs inputs;
        private final CandidateUnion linkage;
        private PairPassSingleLinkage.Stats linkageStats;
        private int[] is = new int[0];
        private int[] js = new int[0];
        private float[] ds = new float[0];
        private long pairsSeen;

        /**
         * @param m the whole matrix the shares are cut from
         * @param labels labels of all n samples (may be null), checked as {@link SelfClean#run} checks them
         * @param kernels the kernel twin of the shares (a group's distance; the fallback linkage)
         */
        public Merge(PackedEmbeddings m, long topPairs, int[] labels, EmbeddingKernels kernels) {
            this(m, topPairs, labels, kernels, -1);
        }

        /** With the linkage's edge budget (&lt; 0: the single machine's); for tests. */
        Merge(PackedEmbeddings m, long topPairs, int[] labels, EmbeddingKernels kernels, long edgeBudget) {
            this.m = m;
            this.kernels = kernels;
            this.n = m.n();
            this.k = topK(n, topPairs);
            this.labels = LabelUse.of(labels, n);
            this.reductions = this.labels.labels() == null ? null : new IntraExtraReductions(this.labels.labels());
            int budget = PairPassSingleLinkage.budget(n, edgeBudget);
            this.inputs = new Inputs(k, this.labels.labels(), IdenticalRows.of(m, kernels), budget);
            this.linkage = new CandidateUnion(n, budget);
        }

        /** What the shares must be computed with. */
        public Inputs shareInputs() {
            return inputs;
        }

        /** Folds one part in. */
        public synchronized void add(Part p) {
            mergeTopPairs(p.pairI(), p.pairJ(), p.pairDistance());
            if (reductions != null) {
                reductions.absorb(p.minSame(), p.minDiff(), p.maxDiff(), p.share()::global);
            }
            linkage.add(
                    p.edgeA() == null ? null : CandidateEdges.of(p.edgeA(), p.edgeB(), p.edgeDistance()),
                    p.edgesEmitted());
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
         * SelfClean's result: the merged rankings, the single linkage from the merged candidate edges (or
         * the streaming Prim over the whole matrix past the edge budget), and LAD.
         *
         * @param threads threads of the fallback linkage
         */
        public synchronized SelfClean.Result finish(int threads, boolean globalLeaves, Progress progress) {
            Rankings r = rankings();
            PairPassSingleLinkage.Linked l =
                    PairPassSingleLinkage.link(m, linkage, inputs.rows, kernels, threads, progress);
            linkageStats = l.stats();
            SampleRanking offTopic = LadOffTopicDetector.rank(l.z(), globalLeaves);
            return new SelfClean.Result(r.nearDuplicates(), offTopic, r.labelErrors(), labels.skipped(), l.z());
        }

        /** How {@link #finish} computed the linkage (null before). */
        public synchronized PairPassSingleLinkage.Stats linkageStats() {
            return linkageStats;
        }
    }

    /** The rankings the pair pass decides. */
    public record Rankings(PairRanking nearDuplicates, SampleRanking labelErrors) {}
}
