package org.cleanrank.detect;

import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * scipy's single linkage ({@code scipy.cluster.hierarchy.single}: Prim from point 0, rows (previous
 * point, next point, D[next]) with the strict argmin tie rule, then a stable sort and the union-find
 * labelling) computed from the pair pass SelfClean already makes, instead of a second pass that streams
 * all live rows at every Prim step ({@link StreamingSingleLinkage}, its plain twin, which is memory-bound
 * O(N^2 D)). The rows are exactly the twin's, ties included.
 *
 * <p><b>What.</b> During the pass, each tile keeps only its <em>tight</em> pairs ({@link TileTightPairs}):
 * pairs (a, b) whose distance equals their minimax distance in the tile's graph. Each worker filters its
 * buffer down to its own tight edges when it grows past a cap ({@link TightPairCollector},
 * {@link CandidateEdges#keepTight}); after the pass the union is filtered once more, and Prim runs on those
 * candidates alone with a heap ({@link CandidatePrim}). No distance is computed after the pass.
 *
 * <p><b>Why it is exact.</b> (1) At every scipy step, a point y with the minimal D (value D*) got it from
 * an edge (x, y) that is tight in the complete graph: a lighter path from x to y would leave the visited
 * set through an edge lighter than D*. So Prim on any edge set that contains all globally tight pairs
 * (and otherwise only true distances) sees the same minimum D*, reached by the same points, and picks the
 * same y by the same (D, index) rule: the other points' D can only be larger, and still &gt;= D*.
 * (2) A pair tight in the complete graph is tight in every subgraph containing it, so keeping the tight
 * pairs of each tile, then of any buffer, then of the union, never loses one.
 *
 * <p><b>Pairs not kept, added by rule.</b> Zero rows are exactly 0.5 from everything (each other
 * included), so as ordinary points every pair with a zero row would be tight; they are left out of the
 * tiles, and Prim gives every unvisited zero row D = 0.5 from the start and every unvisited point
 * D &lt;= 0.5 once a zero row is visited. With zero rows present a non-zero pair heavier than 0.5 is not
 * globally tight (the path through a zero row is lighter), so computing tightness without them keeps a
 * superset. A group of identical rows ({@link IdenticalRows}) would add all its g(g-1)/2 pairs at one
 * distance, and g edges for every point tight to it: it is one node of the candidates instead (its
 * smallest member; minimax distances are unchanged, since any path through a member can use that one),
 * and Prim hands its members out one by one, smallest index first, all at the group's common D. Other
 * massive ties (e.g. many mutually orthogonal rows) can still make the tight set large: past an edge
 * budget the collectors stop and the linkage falls back to the streaming Prim.
 *
 * <p>Distances come from the tiles of the pair pass, i.e. the same kernel twin whose values the
 * streaming Prim sees ({@link EmbeddingKernels}: every method computes the same FMA chain), and the
 * comparisons are on float32 values, which scipy's float64 conversion does not reorder.
 */
public final class PairPassSingleLinkage {
    private final EmbeddingKernels kernels;
    private final int threads;
    private int block = PairEngine.TILE;
    private long edgeBudget = -1;

    public PairPassSingleLinkage(EmbeddingKernels kernels, int threads) {
        this.kernels = kernels;
        this.threads = Math.max(1, threads);
    }

    /** Side of the blocks whose tight pairs are kept (default: a whole pair-engine tile); for tests. */
    PairPassSingleLinkage block(int side) {
        if (side < 1 || side > PairEngine.TILE) {
            throw new IllegalArgumentException("block side must be in [1, " + PairEngine.TILE + "]");
        }
        this.block = side;
        return this;
    }

    /** Candidate edges kept per worker before falling back (default 8 N + 2^20); for tests. */
    PairPassSingleLinkage edgeBudget(long edges) {
        this.edgeBudget = edges;
        return this;
    }

    /** Runs its own pair pass over {@code m} and returns the linkage (when nothing else needs the pass). */
    public LinkageMatrix link(PackedEmbeddings m, Progress progress) {
        Pass pass = begin(m);
        new PairEngine(threads).run(m, kernels, w -> pass.collector(), progress);
        return pass.finish(progress);
    }

    /** Prepares the collectors of one pair pass over {@code m}. */
    public Pass begin(PackedEmbeddings m) {
        return new Pass(m);
    }

    /** The candidate-edge budget for n points: {@code override} when &gt;= 0, else 8 N + 2^20. */
    static int budget(int n, long override) {
        long b = override >= 0 ? override : 8L * n + (1L << 20);
        return (int) Math.min(Integer.MAX_VALUE - 16L, b);
    }

    /** Counts of the last {@link Pass#finish}: tight block pairs emitted, candidates Prim ran on. */
    public record Stats(long emitted, long candidates, boolean fellBack) {}

    /** A linkage and how it was computed. */
    record Linked(LinkageMatrix z, Stats stats) {}

    /**
     * The last step, shared by a pass and by the merge of a cluster job's shares: the union's final tight
     * edges and {@link CandidatePrim} over them, or the streaming Prim over {@code m} past the budget.
     *
     * @param rows zero rows and groups of identical rows of the whole matrix {@code m}
     */
    static Linked link(
            PackedEmbeddings m,
            CandidateUnion union,
            IdenticalRows rows,
            EmbeddingKernels kernels,
            int threads,
            Progress progress) {
        CandidateEdges all = union.tight();
        Stats stats = new Stats(union.emitted(), all == null ? -1 : all.size(), all == null);
        if (all == null) {
            return new Linked(new StreamingSingleLinkage(kernels, threads).link(m, progress), stats);
        }
        progress.update("single linkage", 0, 1);
        LinkageMatrix z = CandidatePrim.link(m.n(), all, rows);
        progress.update("single linkage", 1, 1);
        return new Linked(z, stats);
    }

    /** One pair pass's candidate collection: hand {@link #collector()} to each worker, then finish. */
    public final class Pass {
        private final PackedEmbeddings m;
        private final IdenticalRows rows;
        private final TightPairCollector.Workers collectors;
        private Stats stats;

        private Pass(PackedEmbeddings m) {
            this.m = m;
            this.rows = IdenticalRows.of(m, kernels);
            this.collectors = new TightPairCollector.Workers(m.n(), rows, block, budget(m.n(), edgeBudget));
        }

        /** A new per-worker consumer for the pair pass. */
        public PairConsumer collector() {
            return collectors.collector();
        }

        /** The linkage, once the pair pass has fed every collector. */
        public synchronized LinkageMatrix finish(Progress progress) {
            Linked l = link(m, collectors.union(), rows, kernels, threads, progress);
            stats = l.stats();
            return l.z();
        }

        /** Counts of {@link #finish} (null before). */
        public synchronized Stats stats() {
            return stats;
        }
    }
}
