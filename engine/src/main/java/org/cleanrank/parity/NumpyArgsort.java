package org.cleanrank.parity;

/**
 * numpy's default {@code np.argsort(keys)} (kind='quicksort'), as numpy 1.24 runs it on x86 without
 * AVX-512: an unstable introsort (median of three, insertion sort for partitions of at most 16 elements,
 * heapsort past a depth of 2 * floor(log2 n)). The reference rankings (PyOD's {@code argsort(-scores)},
 * pandas' {@code sort_values}, cleanlab's {@code round_preserving_sum}) order ties this way; reproducing
 * it lets a ranking with tied scores equal the reference index for index, not only tie-aware.
 *
 * <p>NaN sorts last, as in numpy. Use {@link #stable(double[])} where a stable order is wanted.
 */
public final class NumpyArgsort {
    private static final int SMALL_QUICKSORT = 15;

    private NumpyArgsort() {}

    /** Indices that sort {@code keys} ascending, in numpy 1.24's quicksort order for ties. */
    public static int[] quicksort(double[] keys) {
        int n = keys.length;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        quicksort(keys, idx, 0, n);
        return idx;
    }

    /** {@code np.argsort(-keys)}: most extreme first, numpy's tie order (negation is exact). */
    public static int[] quicksortDescending(double[] keys) {
        double[] neg = new double[keys.length];
        for (int i = 0; i < neg.length; i++) {
            neg[i] = -keys[i];
        }
        return quicksort(neg);
    }

    /** Sorts the index range {@code idx[from, from + num)} by {@code v[idx[.]]} in numpy's order. */
    public static void quicksort(double[] v, int[] idx, int from, int num) {
        if (num <= 1) {
            return;
        }
        int pl = from;
        int pr = from + num - 1;
        int[] stack = new int[128];
        int[] depthStack = new int[64];
        int sp = 0;
        int dp = 0;
        int cdepth = msb(num) * 2;
        for (; ; ) {
            boolean heap = cdepth < 0;
            if (heap) {
                heapsort(v, idx, pl, pr - pl + 1);
            } else {
                while (pr - pl > SMALL_QUICKSORT) {
                    int pm = pl + ((pr - pl) >> 1);
                    if (less(v[idx[pm]], v[idx[pl]])) {
                        swap(idx, pm, pl);
                    }
                    if (less(v[idx[pr]], v[idx[pm]])) {
                        swap(idx, pr, pm);
                    }
                    if (less(v[idx[pm]], v[idx[pl]])) {
                        swap(idx, pm, pl);
                    }
                    double vp = v[idx[pm]];
                    int pi = pl;
                    int pj = pr - 1;
                    swap(idx, pm, pj);
                    for (; ; ) {
                        do {
                            ++pi;
                        } while (less(v[idx[pi]], vp));
                        do {
                            --pj;
                        } while (less(vp, v[idx[pj]]));
                        if (pi >= pj) {
                            break;
                        }
                        swap(idx, pi, pj);
                    }
                    swap(idx, pi, pr - 1);
                    if (pi - pl < pr - pi) {
                        stack[sp++] = pi + 1;
                        stack[sp++] = pr;
                        pr = pi - 1;
                    } else {
                        stack[sp++] = pl;
                        stack[sp++] = pi - 1;
                        pl = pi + 1;
                    }
                    depthStack[dp++] = --cdepth;
                }
                for (int pi = pl + 1; pi <= pr; ++pi) {
                    int vi = idx[pi];
                    double vv = v[vi];
                    int pj = pi;
                    int pk = pi - 1;
                    while (pj > pl && less(vv, v[idx[pk]])) {
                        idx[pj--] = idx[pk--];
                    }
                    idx[pj] = vi;
                }
            }
            if (sp == 0) {
                break;
            }
            pr = stack[--sp];
            pl = stack[--sp];
            cdepth = depthStack[--dp];
        }
    }

    /** Indices that sort {@code keys} ascending, ties in increasing index (numpy kind='stable'). */
    public static int[] stable(double[] keys) {
        Integer[] boxed = new Integer[keys.length];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        java.util.Arrays.sort(boxed, (a, b) -> {
            double x = keys[a];
            double y = keys[b];
            if (less(x, y)) {
                return -1;
            }
            if (less(y, x)) {
                return 1;
            }
            return 0;
        });
        int[] out = new int[keys.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private static void heapsort(double[] v, int[] idx, int base, int n) {
        // 1-based heap over idx[base .. base + n - 1], as numpy's aheapsort_ (a = tosort - 1).
        int off = base - 1;
        for (int l = n >> 1; l > 0; --l) {
            siftDown(v, idx, off, idx[off + l], l, n);
        }
        for (; n > 1; ) {
            int tmp = idx[off + n];
            idx[off + n] = idx[off + 1];
            n -= 1;
            siftDown(v, idx, off, tmp, 1, n);
        }
    }

    /** numpy's heapsort sift-down (1-based heap of n at {@code idx[off + 1 ..]}): places {@code tmp} from i. */
    private static void siftDown(double[] v, int[] idx, int off, int tmp, int i, int n) {
        int j = i << 1;
        while (j <= n) {
            if (j < n && less(v[idx[off + j]], v[idx[off + j + 1]])) {
                j++;
            }
            if (less(v[tmp], v[idx[off + j]])) {
                idx[off + i] = idx[off + j];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        idx[off + i] = tmp;
    }

    /** numpy's float less-than: NaN compares greater than every number. */
    static boolean less(double a, double b) {
        return a < b || (b != b && a == a);
    }

    private static int msb(int n) {
        int depth = 0;
        while ((n >>>= 1) != 0) {
            depth++;
        }
        return depth;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
