package org.cleanrank.detect;

/**
 * Candidate edges of {@link PairPassSingleLinkage} gathered from many sources (the tiles of one worker,
 * the workers of a pass, the shares of a cluster job) and filtered down to their own tight edges
 * ({@link CandidateEdges#keepTight}) whenever they pass a cap; the cap then becomes at least twice what
 * survived, so filtering costs O(log) per edge overall. Filtering at any time never loses a globally
 * tight pair, so the order the sources arrive in does not matter. When what survives exceeds the edge
 * budget (ties everywhere, e.g. many mutually orthogonal rows), the union gives up and the linkage falls
 * back to the streaming Prim.
 */
final class CandidateUnion {
    private final int[] parent;
    private final int budget;
    private CandidateEdges edges;
    private long cap;
    private long emitted;

    /** Over points 0 .. n - 1. */
    CandidateUnion(int n, int budget) {
        this.parent = new int[n];
        this.budget = budget;
        this.cap = Math.max(4L * n, 1L << 12);
        this.edges = new CandidateEdges((int) Math.min(cap, 1 << 16));
    }

    /** The list to append to; null once over budget. */
    CandidateEdges edges() {
        return edges;
    }

    boolean overBudget() {
        return edges == null;
    }

    /** Stops collecting: the linkage falls back (another collector went over budget). */
    void giveUp() {
        edges = null;
    }

    /** Counts edges appended straight to {@link #edges()} (tight block pairs, before any filtering). */
    void emitted(long count) {
        emitted += count;
    }

    /** Edges appended over the whole union (before any filtering), the sources' counts included. */
    long emitted() {
        return emitted;
    }

    /**
     * Adds a source's surviving candidates ({@code null}: that source went over budget) and the number of
     * edges it had emitted before filtering.
     */
    void add(CandidateEdges source, long sourceEmitted) {
        emitted += sourceEmitted;
        if (source == null) {
            giveUp();
        } else if (edges != null) {
            edges.addAll(source);
            compactIfFull();
        }
    }

    /** Filters the edges when they passed the cap; returns false once over budget. */
    boolean compactIfFull() {
        if (edges != null && edges.size() > cap) {
            filter();
            if (edges != null) {
                cap = Math.max(cap, 2L * edges.size());
            }
        }
        return edges != null;
    }

    /** The final filter: the union's tight edges, sorted by distance, or null when over budget. */
    CandidateEdges tight() {
        if (edges != null) {
            filter();
        }
        return edges;
    }

    private void filter() {
        edges.keepTight(parent);
        if (edges.size() > budget) {
            edges = null;
        }
    }
}
