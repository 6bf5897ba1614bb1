package org.cleanrank.knn;

import java.io.Serializable;
import java.util.List;
import org.cleanrank.pairs.BlockPair;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * {@link ExactKnn#selfSearch}'s pass cut into independent shares ({@link BlockPair}s: tasks of a cluster
 * job). A share keeps, for each of its rows, the k best candidates among its own pairs; the {@link Merge}
 * offers them to one heap per sample. A heap keeps the k best under (similarity descending, index
 * ascending), a strict order over the distinct candidates of a row (each pair is in one share only), so
 * what it ends with does not depend on the order of the offers: the lists equal the single-machine ones
 * bit for bit. Memory of a part: k entries per row of the share; of the merge: k per sample.
 */
public final class KnnShares {
    private KnnShares() {}

    /**
     * One share's candidates: {@code k} entries per local row of the share, in heap order, indices
     * already global (unused entries keep the heaps' sentinel).
     */
    public record Part(BlockPair share, int k, int[] indices, float[] similarities) implements Serializable {}

    /** Entries kept per row for {@code n} samples and {@code k} neighbours (k, or fewer candidates). */
    public static int kept(int n, int k, boolean includeSelf) {
        return ExactKnn.kept(k, includeSelf ? n : n - 1);
    }

    /**
     * Computes one share on its local matrix ({@link BlockPair#localMatrix}).
     *
     * @param kept {@link #kept}
     * @param threads worker threads inside the share
     */
    public static Part compute(
            BlockPair share,
            PackedEmbeddings local,
            int kept,
            boolean includeSelf,
            EmbeddingKernels kernels,
            int threads) {
        int rows = share.rows();
        KnnTileConsumer.Pass pass =
                includeSelf ? KnnTileConsumer.Pass.SELF_INCLUDED : KnnTileConsumer.Pass.SELF_EXCLUDED;
        var maxima = VectorizationProvider.getInstance().tileMaxima();
        List<KnnTileConsumer> parts = share.run(
                new PairEngine(threads),
                new SimilarityTiles(local, local, kernels),
                w -> new KnnTileConsumer(new NeighbourHeaps(rows, kept), maxima, pass),
                Progress.NONE);
        NeighbourHeaps into = parts.get(0).heaps();
        for (int w = 1; w < parts.size(); w++) {
            into.absorb(parts.get(w).heaps(), 0, rows);
        }
        return new Part(share, kept, into.indicesMapped(share::global), into.similarities());
    }

    /** Offers parts, in any order, to one heap per sample; then sorts and pads the lists. */
    public static final class Merge {
        private final int n;
        private final int k;
        private final NeighbourHeaps heaps;

        /** @param kept {@link #kept} for these n and k */
        public Merge(int n, int k, int kept) {
            this.n = n;
            this.k = k;
            this.heaps = new NeighbourHeaps(n, kept);
        }

        public synchronized void add(Part p) {
            int kept = heaps.k();
            if (p.k() != kept) {
                throw new IllegalArgumentException("a part keeps " + p.k() + " per row, the merge " + kept);
            }
            for (int r = 0; r < p.share().rows(); r++) {
                heaps.offerRow(p.share().global(r), p.similarities(), p.indices(), r * kept, kept);
            }
        }

        /** The k-long lists of all samples, as {@link ExactKnn#selfSearch} returns them. */
        public NeighbourLists finish() {
            heaps.sortRows(0, n);
            return ExactKnn.finish(heaps, k);
        }
    }
}
