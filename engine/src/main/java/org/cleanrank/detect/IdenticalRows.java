package org.cleanrank.detect;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntArrays;
import java.io.Serializable;
import java.util.Arrays;
import org.cleanrank.pairs.BlockPair;
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
        boolean[] zero, int zeroCount, int[] groupOf, int[] groupStart, int[] members, float[] groupDistance)
        implements Serializable {
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
        return grouped(
                zero,
                zeros,
                groupOf,
                groups,
                (g, first, second) -> kernels.distance(m.panels(), m.dim(), first, second));
    }

    /**
     * The rows of a share's local matrix (local row l is global row {@code share.global(l)}): its zero rows,
     * and every group restricted to its members in the share, so that a member's local canonical row is the
     * group's smallest member in the share. Candidate edges computed with it are renumbered by
     * {@link #canonical} of their global rows (an edge to one member is tight iff the edge to another is).
     */
    IdenticalRows restrict(BlockPair share) {
        int n = share.rows();
        boolean[] localZero = new boolean[n];
        int zeros = 0;
        int[] localGroup = new int[n];
        Int2IntOpenHashMap ids = new Int2IntOpenHashMap();
        ids.defaultReturnValue(NONE);
        IntArrayList globalOf = new IntArrayList();
        for (int l = 0; l < n; l++) {
            int i = share.global(l);
            localZero[l] = zero[i];
            if (zero[i]) {
                zeros++;
            }
            int g = groupOf[i];
            localGroup[l] = NONE;
            if (g != NONE) {
                int id = ids.putIfAbsent(g, globalOf.size());
                if (id == NONE) {
                    id = globalOf.size();
                    globalOf.add(g);
                }
                localGroup[l] = id;
            }
        }
        return grouped(
                localZero, zeros, localGroup, globalOf.size(), (g, first, second) -> groupDistance[globalOf.getInt(g)]);
    }

    /** The distance between two members of a candidate group (first &lt; second, its two smallest). */
    private interface GroupDistance {
        float of(int candidateGroup, int first, int second);
    }

    /**
     * From candidate groups ({@code groupOf}: 0 .. groups - 1 or NONE): keeps only those of two or more
     * rows, renumbered in order, members ascending.
     */
    private static IdenticalRows grouped(boolean[] zero, int zeros, int[] groupOf, int groups, GroupDistance distance) {
        int n = groupOf.length;
        int[] count = new int[groups];
        for (int i = 0; i < n; i++) {
            if (groupOf[i] != NONE) {
                count[groupOf[i]]++;
            }
        }
        int[] renumber = new int[groups];
        int[] candidateOf = new int[groups];
        int kept = 0;
        for (int g = 0; g < groups; g++) {
            renumber[g] = NONE;
            if (count[g] > 1) {
                candidateOf[kept] = g;
                renumber[g] = kept++;
            }
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
            delta[g] = distance.of(candidateOf[g], members[start[g]], members[start[g] + 1]);
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
