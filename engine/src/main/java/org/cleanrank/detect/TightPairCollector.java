package org.cleanrank.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cleanrank.pairs.PairConsumer;

/**
 * One worker's share of {@link PairPassSingleLinkage}'s candidate edges: each tile of the pair pass is
 * cut into blocks of at most {@code block} points per side, and each block's tight pairs
 * ({@link TileTightPairs}) are appended to the worker's {@link CandidateUnion}, which filters itself as it
 * grows. When one worker's union goes over the edge budget, every worker stops collecting: the linkage
 * falls back to the streaming Prim.
 */
final class TightPairCollector implements PairConsumer {
    private final IdenticalRows rows;
    private final TileTightPairs blocks;
    private final CandidateUnion union;
    private final AtomicBoolean anyOverBudget;

    /** Over points 0 .. n - 1, zero rows and groups as {@code rows} tells. */
    TightPairCollector(int n, IdenticalRows rows, int block, int budget, AtomicBoolean anyOverBudget) {
        this.anyOverBudget = anyOverBudget;
        this.rows = rows;
        this.blocks = TileTightPairs.create(block);
        this.union = new CandidateUnion(n, budget);
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] dist, int width) {
        if (anyOverBudget.get()) {
            union.giveUp(); // another worker gave up: the linkage falls back anyway
        }
        CandidateEdges edges = union.edges();
        if (edges == null) {
            return;
        }
        int s = blocks.maxSide();
        int before = edges.size();
        if (i0 == j0) {
            for (int a0 = i0; a0 < i1; a0 += s) {
                int a1 = Math.min(i1, a0 + s);
                blocks.diagonal(dist, width, i0, j0, a0, a1, rows, edges);
                for (int b0 = a1; b0 < i1; b0 += s) {
                    blocks.bipartite(dist, width, i0, j0, a0, a1, b0, Math.min(i1, b0 + s), rows, edges);
                }
            }
        } else {
            for (int a0 = i0; a0 < i1; a0 += s) {
                for (int b0 = j0; b0 < j1; b0 += s) {
                    blocks.bipartite(
                            dist, width, i0, j0, a0, Math.min(i1, a0 + s), b0, Math.min(j1, b0 + s), rows, edges);
                }
            }
        }
        union.emitted(edges.size() - before);
        if (!union.compactIfFull()) {
            anyOverBudget.set(true);
        }
    }

    /** The surviving candidates (null when over budget). */
    CandidateEdges edges() {
        return union.edges();
    }

    /** Tight block pairs appended over the whole pass (before any filtering). */
    long emitted() {
        return union.emitted();
    }

    /** The collectors of one pass (one per worker, sharing the give-up flag) and their union. */
    static final class Workers {
        private final int n;
        private final IdenticalRows rows;
        private final int block;
        private final int budget;
        private final AtomicBoolean anyOverBudget = new AtomicBoolean();
        private final List<TightPairCollector> collectors = new ArrayList<>();

        /** Over points 0 .. n - 1 (a whole matrix, or a share's local rows with {@link IdenticalRows#restrict}). */
        Workers(int n, IdenticalRows rows, int block, int budget) {
            this.n = n;
            this.rows = rows;
            this.block = block;
            this.budget = budget;
        }

        /** A new per-worker consumer for the pair pass. */
        synchronized TightPairCollector collector() {
            TightPairCollector c = new TightPairCollector(n, rows, block, budget, anyOverBudget);
            collectors.add(c);
            return c;
        }

        /** The union of every collector's surviving candidates, once the pass has fed them all. */
        synchronized CandidateUnion union() {
            CandidateUnion all = new CandidateUnion(n, budget);
            if (anyOverBudget.get()) {
                all.giveUp();
            }
            for (TightPairCollector c : collectors) {
                all.add(c.edges(), c.emitted());
            }
            return all;
        }
    }
}
