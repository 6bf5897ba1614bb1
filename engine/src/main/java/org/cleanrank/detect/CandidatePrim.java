package org.cleanrank.detect;

import java.util.Arrays;

/**
 * scipy's Prim restricted to candidate edges: exactly scipy's rows (previous point x, next point y,
 * D[y]) as long as the candidates contain every tight pair of the complete graph (see
 * {@link PairPassSingleLinkage}). The running minimum D is kept in a lazy binary heap of (D, point)
 * packed in a long (float bits, which order like the values since D &gt;= 0, then the index), so the
 * heap's minimum is scipy's argmin with its tie rule: the smallest D, then the smallest index.
 *
 * <p>The pairs not stored as candidates enter as scipy sees them. Every unvisited zero row has D = 0.5
 * from the first step on; once a zero row is visited, every unvisited point has D &lt;= 0.5. A group of
 * identical rows is one node of the candidates (its smallest member): all its unvisited members have the
 * same D (the same distances to every other point; once one member is visited, D &lt;= the group's
 * distance for the others), so the node's heap entry carries that D and the group's smallest unvisited
 * member, which is the one scipy picks among them. When a member is visited the entry is pushed again for
 * the next member, at min(D, group distance).
 */
final class CandidatePrim {
    private long[] heap = new long[64];
    private int heapSize;
    /** The smallest D pushed per node: a push that cannot lower it is skipped. */
    private final float[] pushed;

    private final IdenticalRows rows;
    private final boolean[] visited;
    /** Per group: position in {@link IdenticalRows#members()} of its smallest unvisited member. */
    private final int[] nextMember;

    private CandidatePrim(int n, IdenticalRows rows) {
        this.rows = rows;
        this.pushed = new float[n];
        Arrays.fill(pushed, Float.POSITIVE_INFINITY);
        this.visited = new boolean[n];
        this.nextMember = new int[rows.groups()];
        for (int g = 0; g < nextMember.length; g++) {
            nextMember[g] = rows.groupStart(g);
        }
    }

    static LinkageMatrix link(int n, CandidateEdges e, IdenticalRows rows) {
        return new CandidatePrim(n, rows).run(n, e);
    }

    private LinkageMatrix run(int n, CandidateEdges e) {
        // adjacency of the candidate nodes in both directions (CSR)
        int[] start = new int[n + 1];
        for (int k = 0; k < e.size(); k++) {
            start[e.a(k) + 1]++;
            start[e.b(k) + 1]++;
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, n);
        int[] nbr = new int[start[n]];
        float[] w = new float[start[n]];
        for (int k = 0; k < e.size(); k++) {
            int a = e.a(k), b = e.b(k);
            nbr[fill[a]] = b;
            w[fill[a]++] = e.d(k);
            nbr[fill[b]] = a;
            w[fill[b]++] = e.d(k);
        }
        int[] ex = new int[Math.max(0, n - 1)];
        int[] ey = new int[ex.length];
        float[] ed = new float[ex.length];
        if (n < 2) {
            return StreamingSingleLinkage.relabel(n, ex, ey, ed);
        }
        boolean zeroSeen = false;
        if (rows.zeroCount() > 0) {
            for (int i = 1; i < n; i++) {
                if (rows.isZero(i)) {
                    push(0.5f, i); // d(0, z) = 0.5 for every zero row z
                }
            }
        }
        int x = 0;
        for (int k = 0; ; k++) {
            visited[x] = true;
            if (!zeroSeen && rows.isZero(x)) {
                zeroSeen = true;
                for (int i = 0; i < n; i++) {
                    if (!visited[i] && !rows.isZero(i)) {
                        push(0.5f, rows.canonical(i));
                    }
                }
            }
            int node = rows.canonical(x);
            int g = rows.groupOf(x);
            boolean relax = true;
            if (g != IdenticalRows.NONE) {
                // x is the group's smallest unvisited member (members are taken in order)
                relax = nextMember[g] == rows.groupStart(g); // the group's edges are relaxed once
                nextMember[g]++;
                if (nextMember[g] < rows.groupStart(g + 1)) {
                    float dg = Math.min(pushed[node], rows.groupDistance(g));
                    pushed[node] = dg;
                    pushKey(dg, rows.members()[nextMember[g]]);
                }
            }
            if (relax) {
                for (int q = start[node]; q < start[node + 1]; q++) {
                    push(w[q], nbr[q]);
                }
            }
            if (k == n - 1) {
                break;
            }
            int y;
            long top;
            while (true) {
                if (heapSize == 0) {
                    throw new IllegalStateException("single linkage candidates do not span the points");
                }
                top = pop();
                y = (int) top;
                int gy = rows.groupOf(y);
                if (gy != IdenticalRows.NONE) {
                    // a group's live entry carries its current D and names its smallest unvisited member
                    // (pushes name it; visiting it pushes again for the next one); others are stale
                    float dy = Float.intBitsToFloat((int) (top >>> 32));
                    int next = nextMember[gy];
                    if (next == rows.groupStart(gy + 1)
                            || dy > pushed[rows.canonical(y)]
                            || rows.members()[next] != y) {
                        continue;
                    }
                }
                if (!visited[y]) {
                    break;
                }
            }
            ex[k] = x;
            ey[k] = y;
            ed[k] = Float.intBitsToFloat((int) (top >>> 32));
            x = y;
        }
        return StreamingSingleLinkage.relabel(n, ex, ey, ed);
    }

    /** Offers D = d to a node (a point, or a group's canonical row) not yet fully visited. */
    private void push(float d, int node) {
        if (!(d < pushed[node])) {
            return;
        }
        int g = rows.groupOf(node);
        if (g == IdenticalRows.NONE) {
            if (!visited[node]) {
                pushed[node] = d;
                pushKey(d, node);
            }
        } else if (nextMember[g] < rows.groupStart(g + 1)) {
            pushed[node] = d;
            pushKey(d, rows.members()[nextMember[g]]);
        }
    }

    private void pushKey(float d, int i) {
        long key = ((long) Float.floatToRawIntBits(d) << 32) | i;
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, 2 * heapSize);
        }
        int pos = heapSize++;
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (heap[parent] <= key) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = key;
    }

    private long pop() {
        long top = heap[0];
        long last = heap[--heapSize];
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= last) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = last;
        return top;
    }
}
