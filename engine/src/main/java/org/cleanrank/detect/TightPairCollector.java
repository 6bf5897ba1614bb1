package org.cleanrank.detect;

import java.util.concurrent.atomic.AtomicBoolean;
import org.cleanrank.pairs.PairConsumer;

/**
 * One worker's share of {@link PairPassSingleLinkage}'s candidate edges: each tile of the pair pass is
 * cut into blocks of at most {@code block} points per side, each block's tight pairs
 * ({@link TileTightPairs}) are appended to a buffer, and the buffer is filtered down to its own tight
 * edges ({@link CandidateEdges#keepTight}) whenever it passes its cap; the cap then becomes at least
 * twice what survived, so filtering costs O(log) per edge overall. When what survives exceeds the edge
 * budget (ties everywhere, e.g. many mutually orthogonal rows), collecting stops and the linkage falls
 * back to the streaming Prim.
 */
final class TightPairCollector implements PairConsumer {
    private final IdenticalRows rows;
    private final TileTightPairs blocks;
    private final int budget;
    private final int[] parent;
    private final AtomicBoolean anyOverBudget;
    private CandidateEdges edges;
    private long cap;
    private long emitted;
    private boolean overBudget;

    TightPairCollector(int n, IdenticalRows rows, int block, int budget, AtomicBoolean anyOverBudget) {
        this.anyOverBudget = anyOverBudget;
        this.rows = rows;
        this.blocks = TileTightPairs.create(block);
        this.budget = budget;
        this.parent = new int[n];
        this.cap = Math.max(4L * n, 1L << 12);
        this.edges = new CandidateEdges((int) Math.min(cap, 1 << 16));
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] dist, int width) {
        if (overBudget || anyOverBudget.get()) {
            edges = null; // another worker gave up: the linkage falls back anyway
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
        emitted += edges.size() - before;
        if (edges.size() > cap) {
            edges.keepTight(parent);
            cap = Math.max(cap, 2L * edges.size());
            if (edges.size() > budget) {
                overBudget = true;
                anyOverBudget.set(true);
                edges = null;
            }
        }
    }

    boolean overBudget() {
        return overBudget;
    }

    /** The surviving candidates (null when over budget). */
    CandidateEdges edges() {
        return edges;
    }

    /** Tight block pairs appended over the whole pass (before any filtering). */
    long emitted() {
        return emitted;
    }
}
