package org.cleanrank.detect;

import java.util.List;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * SelfClean's three rankings on an embedding matrix, as CleanPatrick runs them
 * ({@code SelfCleanCleaner(chunk_size=512, memmap=False, global_leaves=False, auto_cleaning=False)}),
 * in memory that grows with N x D: one streamed pass over all pairs feeds the near-duplicate ranking, the
 * label-error reductions and the candidate edges of the single linkage for LAD
 * ({@link PairPassSingleLinkage}), which then needs no further distances.
 *
 * <pre>{@code
 * PackedEmbeddings m = Embeddings.load(Path.of("emb.npy"));
 * SelfClean.Result r = SelfClean.builder().topPairs(1000).build().run(m, labels);
 * }</pre>
 */
public final class SelfClean {
    /** {@link Builder#topPairs} value that asks for the full ranking of all N(N-1)/2 pairs. */
    public static final long ALL_PAIRS = -1;

    private final EmbeddingKernels kernels;
    private final int threads;
    private final long topPairs;
    private final boolean globalLeaves;
    private final Progress progress;

    private SelfClean(Builder b) {
        this.kernels = b.kernels != null
                ? b.kernels
                : VectorizationProvider.getInstance().embeddingKernels();
        this.threads = b.threads > 0 ? b.threads : Runtime.getRuntime().availableProcessors();
        this.topPairs = b.topPairs;
        this.globalLeaves = b.globalLeaves;
        this.progress = b.progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The three rankings.
     *
     * @param labelErrorsSkipped why there is no label-error ranking (no labels, or a single label
     *     value, as the reference warns), else null
     */
    public record Result(
            PairRanking nearDuplicates,
            SampleRanking offTopic,
            SampleRanking labelErrors,
            String labelErrorsSkipped,
            LinkageMatrix linkage) {}

    /** Runs all three detectors; {@code labels} (codes, one per row) may be null. */
    public Result run(PackedEmbeddings m, int[] labels) {
        int n = m.n();
        if (n < 2) {
            throw new IllegalArgumentException("SelfClean needs at least 2 samples, got " + n);
        }
        LabelUse use = LabelUse.of(labels, n);
        String skipped = use.skipped();
        int[] lab = use.labels();
        PairEngine engine = new PairEngine(threads);
        PairPassSingleLinkage.Pass linkage = new PairPassSingleLinkage(kernels, threads).begin(m);
        final int[] fl = lab;
        final AllPairsCollector all = topPairs == ALL_PAIRS ? AllPairsCollector.create(n) : null;
        final int k = topPairs == ALL_PAIRS ? 0 : (int) Math.min(topPairs, org.cleanrank.rank.Condensed.size(n));
        List<Worker> workers = engine.run(
                m,
                kernels,
                w -> new Worker(
                        all != null ? all : new TopKPairCollector(n, k),
                        fl != null ? new IntraExtraReductions(fl) : null,
                        linkage.collector()),
                progress);

        PairRanking nd;
        if (all != null) {
            progress.update("sorting pairs", 0, 1);
            nd = all.ranking(threads);
            progress.update("sorting pairs", 1, 1);
        } else {
            nd = TopKPairCollector.merge(
                    n, k, workers.stream().map(w -> (TopKPairCollector) w.pairs).toList());
        }
        SampleRanking labelErrors = null;
        if (fl != null) {
            IntraExtraReductions red = IntraExtraReductions.merge(
                    workers.stream().map(w -> w.labels).toList());
            labelErrors = IntraExtraLabelErrors.rank(IntraExtraLabelErrors.scores(red));
        }
        LinkageMatrix z = linkage.finish(progress);
        SampleRanking offTopic = LadOffTopicDetector.rank(z, globalLeaves);
        return new Result(nd, offTopic, labelErrors, skipped, z);
    }

    /** One worker's consumers of the pair pass (also a share's, {@link SelfCleanShares}): pairs, labels (or null), linkage. */
    static final class Worker implements PairConsumer {
        final PairConsumer pairs;
        final IntraExtraReductions labels;
        final PairConsumer linkage;

        Worker(PairConsumer pairs, IntraExtraReductions labels, PairConsumer linkage) {
            this.pairs = pairs;
            this.labels = labels;
            this.linkage = linkage;
        }

        @Override
        public void tile(int i0, int i1, int j0, int j1, float[] dist, int width) {
            pairs.tile(i0, i1, j0, j1, dist, width);
            if (labels != null) {
                labels.tile(i0, i1, j0, j1, dist, width);
            }
            linkage.tile(i0, i1, j0, j1, dist, width);
        }
    }

    public static final class Builder {
        private EmbeddingKernels kernels;
        private int threads;
        private long topPairs = 1000;
        private boolean globalLeaves;
        private Progress progress = Progress.NONE;

        /** Kernel twin (default: the {@link VectorizationProvider}'s). */
        public Builder kernels(EmbeddingKernels k) {
            this.kernels = k;
            return this;
        }

        /** Worker threads (default: all cores). */
        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        /** Keep the K closest pairs (default 1000), or {@link #ALL_PAIRS}. */
        public Builder topPairs(long k) {
            if (k < 0 && k != ALL_PAIRS) {
                throw new IllegalArgumentException("topPairs must be >= 0 or ALL_PAIRS");
            }
            if (k > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("topPairs too large; use ALL_PAIRS");
            }
            this.topPairs = k;
            return this;
        }

        /** LAD's global_leaves (CleanPatrick: false, the default). */
        public Builder globalLeaves(boolean g) {
            this.globalLeaves = g;
            return this;
        }

        public Builder progress(Progress p) {
            this.progress = p;
            return this;
        }

        public SelfClean build() {
            return new SelfClean(this);
        }
    }
}
