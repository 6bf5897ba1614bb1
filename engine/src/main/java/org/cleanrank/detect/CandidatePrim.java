package org.cleanrank.detect;

import java.util.Arrays;

/**
 * scipy's Prim restricted to candidate edges: exactly scipy's rows (previous point x, next point y,
 * D[y]) as long as the candidates contain every tight pair of the complete graph (see
 * {@link PairPassSingleLinkage}). The running minimum D is kept in a lazy binary heap of (D, point)
 * packed in a long (float bits, which order like the values since D &gt;= 0, then the index), so the
 * heap's minimum is scipy's argmin with its tie rule: the smallest D, then the smallest index.
 *
 * <p>The pairs not stored as candidates enter as scipy sees them: every unvisited zero row has D = 0.5
 * from the first step on; once a zero row is visited, every unvisited point has D &lt;= 0.5; once a
 * member of a group of identical rows is visited, the other members have D &lt;= the group's distance.
 */
final class CandidatePrim {
    private long[] heap = new long[64];
    private int heapSize;
    /** The smallest D pushed per point: a push that cannot lower it is skipped. */
    private final float[] pushed;

    private CandidatePrim(int n) {
        pushed = new float[n];
        Arrays.fill(pushed, Float.POSITIVE_INFINITY);
    }

    static LinkageMatrix link(int n, CandidateEdges e, IdenticalRows rows) {
        return new CandidatePrim(n).run(n, e, rows);
    }

    private LinkageMatrix run(int n, CandidateEdges e, IdenticalRows rows) {
        // adjacency in both directions (CSR)
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
        boolean[] visited = new boolean[n];
        boolean[] groupSeen = new boolean[rows.groups()];
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
                        push(0.5f, i);
                    }
                }
            }
            int g = rows.groupOf(x);
            if (g != IdenticalRows.NONE && !groupSeen[g]) {
                groupSeen[g] = true;
                float delta = rows.groupDistance(g);
                int[] members = rows.members();
                for (int p = rows.groupStart(g); p < rows.groupStart(g + 1); p++) {
                    if (!visited[members[p]]) {
                        push(delta, members[p]);
                    }
                }
            }
            for (int q = start[x]; q < start[x + 1]; q++) {
                if (!visited[nbr[q]]) {
                    push(w[q], nbr[q]);
                }
            }
            if (k == n - 1) {
                break;
            }
            long top;
            do {
                if (heapSize == 0) {
                    throw new IllegalStateException("single linkage candidates do not span the points");
                }
                top = pop();
            } while (visited[(int) top]);
            int y = (int) top;
            ex[k] = x;
            ey[k] = y;
            ed[k] = Float.intBitsToFloat((int) (top >>> 32));
            x = y;
        }
        return StreamingSingleLinkage.relabel(n, ex, ey, ed);
    }

    private void push(float d, int i) {
        if (!(d < pushed[i])) {
            return;
        }
        pushed[i] = d;
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
