package org.cleanrank.detect;

import it.unimi.dsi.fastutil.ints.IntArrays;
import java.util.Arrays;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * The rows whose pairs {@link PairPassSingleLinkage} does not keep as candidate edges, because their
 * distances are known without them: zero rows (exactly 0.5 from everything, each other included) and
 * groups of identical non-zero rows (equal normalised values, -0 counted as 0).
 *
 * <p>Identical rows have identical distance rows: every distance is the same FMA chain over the same
 * values (and {@code fma(-0, y, acc)} equals {@code fma(0, y, acc)} for the accumulator, which is never
 * -0), so all pairs inside a group share one distance {@link #groupDistance} and a group's members are
 * interchangeable except for their index. Keeping their pairs would add g(g-1)/2 tied candidate edges
 * per group of g rows, and every point tight to the group would add g more.
 *
 * <p>So a group is one node of the candidate graph, its smallest member ({@link #canonical}). This keeps
 * minimax distances exact: a path through any member can go through that one instead, over edges of the
 * same weights (and without the step inside the group), so removing the other members changes no
 * minimax distance between the remaining points, and an edge (c, member) is tight iff (c, canonical) is.
 */
record IdenticalRows(
        boolean[] zero, int zeroCount, int[] groupOf, int[] groupStart, int[] members, float[] groupDistance) {
    /** {@link #groupOf} value of a row that is in no group. */
    static final int NONE = -1;

    /** Finds zero rows and groups of identical rows (hash, then exact comparison inside equal hashes). */
    static IdenticalRows of(PackedEmbeddings m, EmbeddingKernels kernels) {
        int n = m.n();
        int dim = m.dim();
        boolean[] zero = new boolean[n];
        long[] hash = new long[n];
        float[] row = new float[dim];
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            m.copyRow(i, row);
            long h = 0x9E3779B97F4A7C15L;
            boolean allZero = true;
            for (int k = 0; k < dim; k++) {
                float v = row[k] + 0f; // -0 + 0 = +0
                allZero &= v == 0f;
                h = (h ^ Float.floatToRawIntBits(v)) * 0x100000001B3L;
                h ^= h >>> 29;
            }
            zero[i] = allZero;
            hash[i] = h;
            if (allZero) {
                zeros++;
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        // by (hash, index): equal rows end up adjacent, in ascending index order
        IntArrays.quickSort(
                order, (a, b) -> hash[a] != hash[b] ? Long.compare(hash[a], hash[b]) : Integer.compare(a, b));
        int[] groupOf = new int[n];
        Arrays.fill(groupOf, NONE);
        int[] rep = new int[n];
        int groups = 0;
        float[] other = new float[dim];
        for (int s = 0; s < n; ) {
            int e = s + 1;
            while (e < n && hash[order[e]] == hash[order[s]]) {
                e++;
            }
            if (e - s > 1 && !zero[order[s]]) {
                // rows with equal hashes: split into truly equal rows (a representative per candidate group)
                int firstRep = groups;
                for (int q = s; q < e; q++) {
                    int i = order[q];
                    m.copyRow(i, row);
                    int g = firstRep;
                    for (; g < groups; g++) {
                        m.copyRow(rep[g], other);
                        if (sameValues(row, other)) {
                            break;
                        }
                    }
                    if (g == groups) {
                        rep[groups++] = i;
                    }
                    groupOf[i] = g;
                }
            }
            s = e;
        }
        // keep only groups of two or more rows, renumbered, members ascending
        int[] count = new int[groups];
        for (int i = 0; i < n; i++) {
            if (groupOf[i] != NONE) {
                count[groupOf[i]]++;
            }
        }
        int[] renumber = new int[groups];
        int kept = 0;
        for (int g = 0; g < groups; g++) {
            renumber[g] = count[g] > 1 ? kept++ : NONE;
        }
        int[] start = new int[kept + 1];
        for (int i = 0; i < n; i++) {
            if (groupOf[i] != NONE) {
                groupOf[i] = renumber[groupOf[i]];
                if (groupOf[i] != NONE) {
                    start[groupOf[i] + 1]++;
                }
            }
        }
        for (int g = 0; g < kept; g++) {
            start[g + 1] += start[g];
        }
        int[] members = new int[start[kept]];
        int[] fill = Arrays.copyOf(start, kept);
        for (int i = 0; i < n; i++) {
            if (groupOf[i] != NONE) {
                members[fill[groupOf[i]]++] = i;
            }
        }
        float[] delta = new float[kept];
        for (int g = 0; g < kept; g++) {
            delta[g] = kernels.distance(m.panels(), m.dim(), members[start[g]], members[start[g] + 1]);
        }
        return new IdenticalRows(zero, zeros, groupOf, start, members, delta);
    }

    private static boolean sameValues(float[] a, float[] b) {
        for (int k = 0; k < a.length; k++) {
            if (a[k] != b[k]) { // numeric comparison: -0 == 0
                return false;
            }
        }
        return true;
    }

    boolean isZero(int i) {
        return zero[i];
    }

    /** The group of row i, or {@link #NONE}. */
    int groupOf(int i) {
        return groupOf[i];
    }

    int groups() {
        return groupDistance.length;
    }

    /** Members of group g: {@code members()[groupStart(g) .. groupStart(g + 1))}, ascending. */
    int groupStart(int g) {
        return groupStart[g];
    }

    /** The one distance between any two members of group g. */
    float groupDistance(int g) {
        return groupDistance[g];
    }

    /** The row that stands for row i in candidate edges: its group's smallest member, or i itself. */
    int canonical(int i) {
        int g = groupOf[i];
        return g == NONE ? i : members[groupStart[g]];
    }
}
