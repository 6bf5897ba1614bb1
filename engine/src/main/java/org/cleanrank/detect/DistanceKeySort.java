package org.cleanrank.detect;

import org.cleanrank.concurrent.ParallelTasks;

/**
 * Sorts packed pair keys ({@code orderedBits(distance) << 32 | condensedIndex}) that arrive in condensed
 * order: a stable LSD radix sort on the upper 32 bits only, taken as unsigned (three passes of 11 bits),
 * so pairs with equal distance keep condensed order without ever sorting the low 32 bits. Each pass histograms and scatters in parallel, per contiguous chunk, with
 * chunk-major offsets inside each digit, which keeps it stable.
 */
final class DistanceKeySort {
    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;

    private DistanceKeySort() {}

    /** Sorts {@code keys} in place (uses one auxiliary array of the same length). */
    static void sort(long[] keys, int threads) {
        int n = keys.length;
        long[] aux = new long[n];
        long[] src = keys, dst = aux;
        int parts = Math.max(1, Math.min(threads, n / 65_536 + 1));
        int[][] counts = new int[parts][RADIX];
        for (int pass = 0; pass < 3; pass++) {
            int shift = 32 + pass * BITS;
            final long[] s = src, d = dst;
            for (int[] c : counts) {
                java.util.Arrays.fill(c, 0);
            }
            run(parts, p -> {
                int[] c = counts[p];
                for (int i = from(n, parts, p), e = from(n, parts, p + 1); i < e; i++) {
                    c[(int) (s[i] >>> shift) & (RADIX - 1)]++;
                }
            });
            int pos = 0;
            for (int digit = 0; digit < RADIX; digit++) {
                for (int p = 0; p < parts; p++) {
                    int c = counts[p][digit];
                    counts[p][digit] = pos;
                    pos += c;
                }
            }
            run(parts, p -> {
                int[] off = counts[p];
                for (int i = from(n, parts, p), e = from(n, parts, p + 1); i < e; i++) {
                    long k = s[i];
                    d[off[(int) (k >>> shift) & (RADIX - 1)]++] = k;
                }
            });
            src = d;
            dst = s;
        }
        if (src != keys) {
            System.arraycopy(src, 0, keys, 0, n);
        }
    }

    private static int from(int n, int parts, int p) {
        return (int) ((long) n * p / parts);
    }

    private static void run(int parts, java.util.function.IntConsumer body) {
        ParallelTasks.forEach(parts, parts, body);
    }
}
