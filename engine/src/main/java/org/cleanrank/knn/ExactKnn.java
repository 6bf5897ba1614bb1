package org.cleanrank.knn;

import java.util.List;
import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.cleanrank.vectorization.TileMaxima;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * Exact k nearest neighbours by cosine similarity on L2-normalised rows, the answer of FAISS
 * {@code IndexFlatIP} on {@code faiss.normalize_L2}-ed rows, computed in the engine's tiled SIMD pass.
 *
 * <pre>{@code
 * PackedEmbeddings m = Embeddings.load(Path.of("emb.npy"));          // normalised on load
 * NeighbourLists nn = ExactKnn.builder().k(10).build().selfSearch(m); // self excluded
 * int nearest = nn.index(row, 0); float cos = nn.similarity(row, 0);
 * }</pre>
 *
 * <p><b>Values.</b> A similarity is the dot product of two normalised float32 rows, one float32 FMA
 * chain in ascending dimension order (see {@link EmbeddingKernels}); FAISS's BLAS sums in another order,
 * so the two agree within float32 rounding, not bit for bit. A zero row stays zero when normalised
 * (as FAISS and scikit-learn leave it) and has similarity 0 to every row, itself included.
 *
 * <p><b>Order.</b> Each row's list is sorted by (similarity descending, index ascending) of the values
 * computed here, compared exactly; a list shorter than k is padded with
 * {@link NeighbourLists#MISSING_INDEX} / {@link NeighbourLists#MISSING_SIMILARITY}.
 *
 * <p><b>Work.</b> Self-search runs the pair engine's upper triangle: each tile's similarities feed the
 * lists of both its row blocks, so each pair is computed once (FAISS computes the full N x N product).
 * Query search runs the engine's rectangular pass, queries x base.
 *
 * <p><b>Memory.</b> Tiles of one row block go to different workers, so each worker keeps its own k-best
 * heaps for every row (8 bytes x rows x k per worker, e.g. 4 MB per worker for 50,000 rows and k = 10,
 * against 77 MB of embeddings at D = 384), merged once at the end. The alternative, rows owned by one
 * worker, would either lock the shared lists of the column block of every tile or halve the tile
 * reuse; per-worker heaps keep the pass free of synchronisation, and their size stays below the
 * embeddings' own as long as workers x k x 2 &lt; D.
 */
public final class ExactKnn {
    private final int k;
    private final boolean includeSelf;
    private final int threads;
    private final EmbeddingKernels kernels;
    private final TileMaxima maxima;
    private final Progress progress;

    private ExactKnn(Builder b) {
        this.k = b.k;
        this.includeSelf = b.includeSelf;
        this.threads = ParallelTasks.resolve(b.threads);
        VectorizationProvider provider = VectorizationProvider.getInstance();
        this.kernels = b.kernels != null ? b.kernels : provider.embeddingKernels();
        this.maxima = provider.tileMaxima(); // exact maxima: both twins give the same bits
        Progress p = b.progress;
        this.progress = (stage, done, total) -> p.update("knn", done, total);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int k() {
        return k;
    }

    /**
     * The k nearest rows of every row of {@code base} among the other rows (and itself with
     * {@link Builder#includeSelf}).
     */
    public NeighbourLists selfSearch(PackedEmbeddings base) {
        int n = base.n();
        int kept = kept(includeSelf ? n : n - 1);
        KnnTileConsumer.Pass pass =
                includeSelf ? KnnTileConsumer.Pass.SELF_INCLUDED : KnnTileConsumer.Pass.SELF_EXCLUDED;
        long tiles = tileCount(n) * (tileCount(n) + 1) / 2;
        PairEngine engine = new PairEngine(workers(tiles));
        List<KnnTileConsumer> parts = engine.run(
                new SimilarityTiles(base, base, kernels),
                w -> new KnnTileConsumer(new NeighbourHeaps(n, kept), maxima, pass),
                progress);
        return merge(n, parts);
    }

    /** The k nearest rows of {@code base} to every row of {@code queries} (same dimension). */
    public NeighbourLists search(PackedEmbeddings queries, PackedEmbeddings base) {
        if (queries.dim() != base.dim()) {
            throw new IllegalArgumentException("queries have dimension " + queries.dim() + ", the base " + base.dim());
        }
        int q = queries.n();
        int kept = kept(base.n());
        PairEngine engine = new PairEngine(workers(tileCount(q) * tileCount(base.n())));
        List<KnnTileConsumer> parts = engine.runRectangular(
                q,
                base.n(),
                new SimilarityTiles(queries, base, kernels),
                w -> new KnnTileConsumer(new NeighbourHeaps(q, kept), maxima, KnnTileConsumer.Pass.QUERIES),
                progress);
        return merge(q, parts);
    }

    private static long tileCount(int n) {
        return (n + PairEngine.TILE - 1) / PairEngine.TILE;
    }

    /** Heap size: k, or fewer when there are fewer candidates per row (the rest is padding anyway). */
    private int kept(int candidates) {
        return kept(k, candidates);
    }

    static int kept(int k, int candidates) {
        return Math.max(1, Math.min(k, candidates));
    }

    /** No more workers than tiles: each worker costs a set of heaps. */
    private int workers(long tiles) {
        return (int) Math.max(1, Math.min(threads, tiles));
    }

    /**
     * Folds every worker's heaps into the first worker's, then sorts each row (parallel over row
     * blocks), then pads lists shorter than k.
     */
    private NeighbourLists merge(int rows, List<KnnTileConsumer> parts) {
        NeighbourHeaps into = parts.get(0).heaps();
        int block = 4096;
        int blocks = (rows + block - 1) / block;
        ParallelTasks.forEach(blocks, threads, b -> {
            int r0 = b * block, r1 = Math.min(rows, r0 + block);
            for (int w = 1; w < parts.size(); w++) {
                into.absorb(parts.get(w).heaps(), r0, r1);
            }
            into.sortRows(r0, r1);
        });
        return finish(into, k);
    }

    /** The sorted lists of {@code heaps} as k-long lists: padded when the heaps keep fewer than k. */
    static NeighbourLists finish(NeighbourHeaps heaps, int k) {
        NeighbourLists lists = heaps.lists();
        return lists.k() == k ? lists : padded(lists, k);
    }

    private static NeighbourLists padded(NeighbourLists lists, int k) {
        if ((long) lists.rows() * k > Integer.MAX_VALUE - 16) {
            throw new CleanRankException(lists.rows() + " rows x k = " + k
                    + " neighbours exceed one Java array (2^31 entries); lower k (the base has only "
                    + lists.k() + " candidates per row)");
        }
        int[] idx = new int[lists.rows() * k];
        float[] sims = new float[idx.length];
        java.util.Arrays.fill(idx, NeighbourLists.MISSING_INDEX);
        java.util.Arrays.fill(sims, NeighbourLists.MISSING_SIMILARITY);
        for (int r = 0; r < lists.rows(); r++) {
            System.arraycopy(lists.indices(), r * lists.k(), idx, r * k, lists.k());
            System.arraycopy(lists.similarities(), r * lists.k(), sims, r * k, lists.k());
        }
        return new NeighbourLists(lists.rows(), k, idx, sims);
    }

    public static final class Builder {
        private int k = 10;
        private boolean includeSelf;
        private int threads;
        private EmbeddingKernels kernels;
        private Progress progress = Progress.NONE;

        /** Neighbours per row (default 10), at least 1. */
        public Builder k(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("k must be at least 1, got " + k);
            }
            this.k = k;
            return this;
        }

        /** Self-search lists each row among its own candidates (FAISS's plain self-search does). */
        public Builder includeSelf(boolean includeSelf) {
            this.includeSelf = includeSelf;
            return this;
        }

        /** Worker threads (default, or &lt;= 0: all cores). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Kernel twin (default: the provider's). */
        public Builder kernels(EmbeddingKernels kernels) {
            this.kernels = kernels;
            return this;
        }

        /** Progress of the pass (stage "knn", in tiles). */
        public Builder progress(Progress progress) {
            this.progress = progress;
            return this;
        }

        public ExactKnn build() {
            return new ExactKnn(this);
        }
    }
}
