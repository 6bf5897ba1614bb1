package org.cleanrank.detect;

import java.util.Arrays;
import org.cleanrank.vectorization.BlockLaneOps;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * The tight pairs of one block of the pair space, as a graph on its own: a diagonal block (points
 * [r0, r1) against themselves, the complete graph) or an off-diagonal block (points A = [a0, a1) against
 * B = [b0, b1), the complete bipartite graph: the pairs inside A or inside B belong to other blocks).
 * Zero rows are left out (see {@link IdenticalRows}); a member of a group of identical rows is emitted as
 * the group's canonical row, and pairs inside a group are not emitted.
 *
 * <p>How: dense Prim over the block gives a visiting order v_0, v_1, ... and the weight gap_k of the edge
 * that attached v_k. For p &lt; q the minimax distance between v_p and v_q in the block is
 * max(gap_{p+1} .. gap_q): the points of every component of the edges lighter than a threshold are
 * visited contiguously (Prim enters a new component only through its lightest crossing edge, which is
 * then at least the threshold, so every component it had entered is complete), hence the cut between
 * two components on the way from p to q is crossed by an attaching edge at least as heavy. So (v_p, v_q)
 * is tight iff d(v_p, v_q) equals that maximum. Ties in Prim's argmin may go either way: any Prim order
 * has this property, so the twins may order ties differently and still emit the same pairs.
 *
 * <p>For an off-diagonal block the Prim folds rows of A (copied from the engine's tile buffer) or of
 * its transpose into the running minima, and the test runs on the rows of A only: a backward sweep
 * over the order keeps, for every B point after the current position, the maximum gap up to it and
 * compares the current A row with it lane by lane; a forward sweep does the same for the B points
 * before. Work: O(t^2) per block of t points, a few vector operations per vector of pairs, against the
 * kernel's D FMAs per vector of pairs for their distances.
 *
 * <p>The lane-wise primitives come from the provider ({@link BlockLaneOps}, a plain and a Panama twin);
 * both emit the same set of pairs. One instance per worker (scratch
 * arrays reused from block to block).
 */
final class TileTightPairs {
    private static final int LANES = BlockLaneOps.LANES;

    private final BlockLaneOps ops;
    private final int maxSide;
    private final float[] local;
    private final float[] transposed;
    private final boolean[] seen;
    private final int[] pointA;
    private final int[] pointB;
    private final float[] distA;
    private final float[] distB;
    private final float[] penA;
    private final float[] penB;
    private final float[] sweepMax;
    private final int[] order;
    private final float[] gap;
    private final int[] hits;
    private final int[] freshPos;

    TileTightPairs(int maxSide, BlockLaneOps ops) {
        this.ops = ops;
        this.maxSide = maxSide;
        int padded = (maxSide + LANES - 1) / LANES * LANES;
        this.local = new float[maxSide * maxSide + LANES];
        this.transposed = new float[maxSide * maxSide + LANES];
        this.seen = new boolean[maxSide];
        this.pointA = new int[maxSide];
        this.pointB = new int[maxSide];
        this.distA = new float[padded];
        this.distB = new float[padded];
        this.penA = new float[padded];
        this.penB = new float[padded];
        this.sweepMax = new float[padded];
        this.order = new int[2 * maxSide];
        this.gap = new float[2 * maxSide];
        this.hits = new int[padded];
        this.freshPos = new int[2 * maxSide];
    }

    /** With the process's twin of the lane-wise primitives. */
    static TileTightPairs create(int maxSide) {
        return new TileTightPairs(maxSide, VectorizationProvider.getInstance().blockLaneOps());
    }

    /** The lane-wise primitives' twin this uses. */
    BlockLaneOps ops() {
        return ops;
    }

    int maxSide() {
        return maxSide;
    }

    /**
     * Tight pairs among points [r0, r1) of an engine tile whose buffer holds d(i, j) at {@code buf[(i -
     * i0) * width + (j - j0)]} for i &lt; j. Diagonal blocks are one in every tiles-per-side blocks, so
     * this one is plain scalar code.
     */
    final void diagonal(
            float[] buf, int width, int i0, int j0, int r0, int r1, IdenticalRows rows, CandidateEdges out) {
        int t = present(r0, r1, rows, pointA);
        if (t < 2) {
            return;
        }
        // symmetric local copy from the upper triangle (i < j), so each Prim row is contiguous
        float[] l = local;
        for (int u = 0; u < t; u++) {
            l[u * t + u] = Float.POSITIVE_INFINITY;
            int base = (pointA[u] - i0) * width - j0;
            for (int v = u + 1; v < t; v++) {
                float x = buf[base + pointA[v]];
                l[u * t + v] = x;
                l[v * t + u] = x;
            }
        }
        float[] dd = distA;
        Arrays.fill(dd, 0, t, Float.POSITIVE_INFINITY);
        boolean[] seen = this.seen;
        Arrays.fill(seen, 0, t, false);
        int x = 0;
        seen[0] = true;
        order[0] = 0;
        for (int k = 1; k < t; k++) {
            int rowBase = x * t;
            float best = Float.POSITIVE_INFINITY;
            int arg = -1;
            for (int v = 0; v < t; v++) {
                if (!seen[v]) {
                    float nv = Math.min(dd[v], l[rowBase + v]);
                    dd[v] = nv;
                    if (arg < 0 || nv < best) {
                        best = nv;
                        arg = v;
                    }
                }
            }
            order[k] = arg;
            gap[k] = best;
            seen[arg] = true;
            x = arg;
        }
        for (int p = 0; p < t - 1; p++) {
            int u = order[p];
            float run = 0f; // distances are >= 0
            for (int q = p + 1; q < t; q++) {
                run = Math.max(run, gap[q]);
                int v = order[q];
                if (l[u * t + v] == run) {
                    emit(pointA[u], pointA[v], run, rows, out);
                }
            }
        }
    }

    /** Tight pairs between points [a0, a1) and [b0, b1) (disjoint, a1 &lt;= b0), cross pairs only. */
    final void bipartite(
            float[] buf,
            int width,
            int i0,
            int j0,
            int a0,
            int a1,
            int b0,
            int b1,
            IdenticalRows rows,
            CandidateEdges out) {
        int na = present(a0, a1, rows, pointA);
        int nb = present(b0, b1, rows, pointB);
        if (na == 0 || nb == 0) {
            return;
        }
        // A rows (a x b) and their transpose, B rows (b x a), so that both Prim folds are contiguous
        float[] l = local;
        boolean contiguousB = pointB[nb - 1] - pointB[0] == nb - 1;
        for (int u = 0; u < na; u++) {
            int base = (pointA[u] - i0) * width - j0;
            if (contiguousB) {
                System.arraycopy(buf, base + pointB[0], l, u * nb, nb);
            } else {
                for (int v = 0; v < nb; v++) {
                    l[u * nb + v] = buf[base + pointB[v]];
                }
            }
        }
        ops.transpose(l, na, nb, transposed);
        int v8 = (nb + LANES - 1) / LANES * LANES;
        int u8 = (na + LANES - 1) / LANES * LANES;
        Arrays.fill(distA, 0, u8, Float.POSITIVE_INFINITY);
        Arrays.fill(penA, 0, na, 0f);
        Arrays.fill(penA, na, u8, Float.POSITIVE_INFINITY);
        Arrays.fill(distB, 0, v8, Float.POSITIVE_INFINITY);
        Arrays.fill(penB, 0, nb, 0f);
        Arrays.fill(penB, nb, v8, Float.POSITIVE_INFINITY);
        // Prim over the bipartite graph: local ids 0..na-1 are A, na..na+nb-1 are B; start at A's first
        int x = 0;
        penA[0] = Float.POSITIVE_INFINITY;
        order[0] = 0;
        int total = na + nb;
        for (int k = 1; k < total; k++) {
            int argA, argB;
            if (x < na) {
                argB = ops.foldMin(distB, l, x * nb, penB, nb);
                argA = ops.argMin(distA, na);
            } else {
                argA = ops.foldMin(distA, transposed, (x - na) * na, penA, na);
                argB = ops.argMin(distB, nb);
            }
            if (argB < 0 || (argA >= 0 && distA[argA] <= distB[argB])) {
                x = argA;
                gap[k] = distA[argA];
                distA[argA] = Float.POSITIVE_INFINITY;
                penA[argA] = Float.POSITIVE_INFINITY;
            } else {
                x = na + argB;
                gap[k] = distB[argB];
                distB[argB] = Float.POSITIVE_INFINITY;
                penB[argB] = Float.POSITIVE_INFINITY;
            }
            order[k] = x;
        }
        // backward sweep: the pairs whose B point comes later in the order; forward: earlier
        sweep(total - 1, -1, total, na, nb, v8, rows, out);
        sweep(0, 1, total, na, nb, v8, rows, out);
    }

    /**
     * Walks the order from {@code start} by {@code step} (+1 or -1). At position p, {@code sweepMax[v]} is the
     * maximum gap between p and every B point v already passed (+inf for the others), and v_p's row is
     * compared with it when v_p is in A. The gaps crossed since the last A row are folded into the older B
     * points at once (and not at all when none of their values would change); the B points passed since
     * then get theirs by a scalar walk back, so there is at most one vector fold per A row.
     */
    private void sweep(int start, int step, int total, int na, int nb, int v8, IdenticalRows rows, CandidateEdges out) {
        float[] r = sweepMax;
        Arrays.fill(r, 0, v8, Float.POSITIVE_INFINITY);
        float pending = 0f; // distances are >= 0
        float floor = Float.POSITIVE_INFINITY; // the smallest sweep value of a passed B point
        int fresh = 0;
        for (int p = start; p >= 0 && p < total; p += step) {
            if (p != start) {
                int prev = p - step;
                pending = Math.max(pending, gap[Math.max(prev, p)]); // gap[k] joins positions k - 1 and k
                if (order[prev] >= na) {
                    freshPos[fresh++] = prev;
                }
            }
            if (order[p] >= na) {
                continue;
            }
            if (pending > floor) { // else no passed value changes
                ops.foldMax(r, pending, nb);
                floor = pending;
            }
            float run = 0f;
            int at = p;
            for (int f = fresh - 1; f >= 0; f--) { // nearest first
                while (at != freshPos[f]) {
                    int next = at - step;
                    run = Math.max(run, gap[Math.max(at, next)]);
                    at = next;
                }
                r[order[at] - na] = run;
                floor = Math.min(floor, run);
            }
            pending = 0f;
            fresh = 0;
            emitRow(order[p], na, nb, r, rows, out);
        }
    }

    private void emitRow(int u, int na, int nb, float[] r, IdenticalRows rows, CandidateEdges out) {
        if (u >= na) {
            return;
        }
        int c = ops.equalLanes(local, u * nb, r, nb, hits);
        for (int h = 0; h < c; h++) {
            emit(pointA[u], pointB[hits[h]], r[hits[h]], rows, out);
        }
    }

    /** Collects the non-zero points of [r0, r1) into {@code into}; returns how many. */
    private static int present(int r0, int r1, IdenticalRows rows, int[] into) {
        int c = 0;
        for (int i = r0; i < r1; i++) {
            if (!rows.isZero(i)) {
                into[c++] = i;
            }
        }
        return c;
    }

    private static void emit(int a, int b, float d, IdenticalRows rows, CandidateEdges out) {
        int ca = rows.canonical(a), cb = rows.canonical(b);
        if (ca != cb) { // a pair inside a group of identical rows is never a candidate
            out.add(Math.min(ca, cb), Math.max(ca, cb), d);
        }
    }
}
