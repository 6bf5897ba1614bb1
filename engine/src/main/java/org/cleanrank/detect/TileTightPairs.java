package org.cleanrank.detect;

/**
 * The tight pairs of one block of the pair space, as a graph on its own: a diagonal block (points
 * [r0, r1) against themselves, the complete graph) or an off-diagonal block (points A = [a0, a1) against
 * B = [b0, b1), the complete bipartite graph: the pairs inside A or inside B belong to other blocks).
 * Zero rows are left out (see {@link IdenticalRows}); pairs inside a group of identical rows are tested
 * but not emitted.
 *
 * <p>How: dense Prim over the block gives a visiting order v_0, v_1, ... and the weight gap_k of the edge
 * that attached v_k. For p &lt; q the minimax distance between v_p and v_q in the block is
 * max(gap_{p+1} .. gap_q): the points of every component of the edges lighter than a threshold are
 * visited contiguously (Prim enters a new component only through its lightest crossing edge, which is
 * then at least the threshold, so every component it had entered is complete), hence the cut between
 * two components on the way from p to q is crossed by an attaching edge at least as heavy. So (v_p,
 * v_q) is tight iff d(v_p, v_q) == that running maximum, one scan per row. Ties in Prim's argmin may go
 * either way: any Prim order has this property. Work: O(t^2) per block of t points, against the
 * kernel's O(t^2 D) for its distances.
 *
 * <p>One instance per worker (scratch arrays reused from block to block).
 */
final class TileTightPairs {
    private final int maxSide;
    /** Local distances: diagonal t x t; bipartite A rows (a x b) then B rows (b x a). */
    private float[] local;

    private final int[] pointA;
    private final int[] pointB;
    private final float[] rowMax;
    private final float[] dist;
    private final int[] order;
    private final float[] gap;

    TileTightPairs(int maxSide) {
        this.maxSide = maxSide;
        this.local = new float[2 * maxSide * maxSide];
        this.pointA = new int[maxSide];
        this.pointB = new int[maxSide];
        this.rowMax = new float[2 * maxSide];
        this.dist = new float[2 * maxSide];
        this.order = new int[2 * maxSide];
        this.gap = new float[2 * maxSide];
    }

    int maxSide() {
        return maxSide;
    }

    /**
     * Tight pairs among points [r0, r1) (a diagonal block of an engine tile whose buffer holds d(i, j) at
     * {@code buf[(i - i0) * width + (j - j0)]} for i &lt; j).
     */
    void diagonal(float[] buf, int width, int i0, int j0, int r0, int r1, IdenticalRows rows, CandidateEdges out) {
        int t = present(r0, r1, rows, pointA);
        if (t < 2) {
            return;
        }
        // symmetric local copy from the upper triangle (i < j), so each Prim row is contiguous
        float[] l = local;
        for (int u = 0; u < t; u++) {
            l[u * t + u] = Float.NaN;
            int base = (pointA[u] - i0) * width - j0;
            for (int v = u + 1; v < t; v++) {
                float x = buf[base + pointA[v]];
                l[u * t + v] = x;
                l[v * t + u] = x;
            }
        }
        for (int u = 0; u < t; u++) {
            float mx = 0f;
            for (int v = 0; v < t; v++) {
                float x = l[u * t + v];
                mx = x > mx ? x : mx; // NaN on the diagonal is skipped
            }
            rowMax[u] = mx;
        }
        // dense Prim from local 0; NaN marks visited (it fails every comparison and survives min)
        float[] dd = dist;
        for (int v = 0; v < t; v++) {
            dd[v] = Float.POSITIVE_INFINITY;
        }
        int x = 0;
        dd[0] = Float.NaN;
        order[0] = 0;
        for (int k = 1; k < t; k++) {
            int rowBase = x * t;
            float best = Float.POSITIVE_INFINITY;
            int arg = -1;
            for (int v = 0; v < t; v++) {
                float nv = Math.min(dd[v], l[rowBase + v]);
                dd[v] = nv;
                if (nv < best) {
                    best = nv;
                    arg = v;
                }
            }
            order[k] = arg;
            gap[k] = best;
            dd[arg] = Float.NaN;
            x = arg;
        }
        // scan each row of the order with the running maximum of the gaps
        for (int p = 0; p < t - 1; p++) {
            int u = order[p];
            int rowBase = u * t;
            float limit = rowMax[u];
            float run = 0f;
            for (int q = p + 1; q < t; q++) {
                float g = gap[q];
                if (g > run) {
                    run = g;
                    if (run > limit) {
                        break; // no later pair of u can reach the running maximum
                    }
                }
                int v = order[q];
                if (l[rowBase + v] == run) {
                    emit(pointA[u], pointA[v], run, rows, out);
                }
            }
        }
    }

    /** Tight pairs between points [a0, a1) and [b0, b1) (disjoint, a1 &lt;= b0), cross pairs only. */
    void bipartite(
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
        float[] l = local;
        int bOff = na * nb; // B rows start here
        for (int u = 0; u < na; u++) {
            int base = (pointA[u] - i0) * width - j0;
            float mx = 0f;
            for (int v = 0; v < nb; v++) {
                float x = buf[base + pointB[v]];
                l[u * nb + v] = x;
                l[bOff + v * na + u] = x;
                mx = Math.max(mx, x);
            }
            rowMax[u] = mx;
        }
        for (int v = 0; v < nb; v++) {
            float mx = 0f;
            int base = bOff + v * na;
            for (int u = 0; u < na; u++) {
                mx = Math.max(mx, l[base + u]);
            }
            rowMax[na + v] = mx;
        }
        // dense Prim over the bipartite graph: local ids 0..na-1 are A, na..na+nb-1 are B
        float[] dd = dist;
        for (int v = 0; v < na + nb; v++) {
            dd[v] = Float.POSITIVE_INFINITY;
        }
        dd[0] = Float.NaN;
        order[0] = 0;
        int x = 0;
        float bestA = Float.POSITIVE_INFINITY;
        int argA = -1;
        float bestB;
        int argB;
        for (int k = 1; k < na + nb; k++) {
            if (x < na) {
                // fold A-point x into B's distances, then B's minimum
                int rowBase = x * nb;
                bestB = Float.POSITIVE_INFINITY;
                argB = -1;
                for (int v = 0; v < nb; v++) {
                    float nv = Math.min(dd[na + v], l[rowBase + v]);
                    dd[na + v] = nv;
                    if (nv < bestB) {
                        bestB = nv;
                        argB = v;
                    }
                }
                if (argA < 0 || argA == x) {
                    // x was A's minimum (or none yet): A's values are unchanged, find the next minimum
                    bestA = Float.POSITIVE_INFINITY;
                    argA = -1;
                    for (int u = 0; u < na; u++) {
                        if (dd[u] < bestA) {
                            bestA = dd[u];
                            argA = u;
                        }
                    }
                }
            } else {
                int rowBase = bOff + (x - na) * na;
                bestA = Float.POSITIVE_INFINITY;
                argA = -1;
                for (int u = 0; u < na; u++) {
                    float nv = Math.min(dd[u], l[rowBase + u]);
                    dd[u] = nv;
                    if (nv < bestA) {
                        bestA = nv;
                        argA = u;
                    }
                }
                bestB = Float.POSITIVE_INFINITY;
                argB = -1;
                for (int v = 0; v < nb; v++) {
                    if (dd[na + v] < bestB) {
                        bestB = dd[na + v];
                        argB = v;
                    }
                }
            }
            if (argB < 0 || (argA >= 0 && bestA <= bestB)) {
                x = argA;
                gap[k] = bestA;
            } else {
                x = na + argB;
                gap[k] = bestB;
            }
            order[k] = x;
            dd[x] = Float.NaN;
        }
        for (int p = 0; p < na + nb - 1; p++) {
            int u = order[p];
            boolean uIsA = u < na;
            int rowBase = uIsA ? u * nb : bOff + (u - na) * na;
            float limit = rowMax[u];
            float run = 0f;
            for (int q = p + 1; q < na + nb; q++) {
                float g = gap[q];
                if (g > run) {
                    run = g;
                    if (run > limit) {
                        break;
                    }
                }
                int v = order[q];
                if ((v < na) != uIsA) {
                    int col = uIsA ? v - na : v;
                    if (l[rowBase + col] == run) {
                        if (uIsA) {
                            emit(pointA[u], pointB[v - na], run, rows, out);
                        } else {
                            emit(pointA[v], pointB[u - na], run, rows, out);
                        }
                    }
                }
            }
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
        if (!rows.sameGroup(a, b)) {
            out.add(Math.min(a, b), Math.max(a, b), d);
        }
    }
}
