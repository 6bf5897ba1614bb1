package org.cleanrank.hash;

/**
 * Hamming distances between packed bit hashes ({@code words} longs per hash, hash h at
 * {@code hashes[h * words ..]}), in two twins: {@link #PLAIN} (Long.bitCount, which the JIT turns into the
 * POPCNT instruction) and a Panama twin (LongVector XOR + lane-wise BIT_COUNT). Both give exact integer
 * counts, so they agree exactly.
 */
public interface HammingKernels {
    String name();

    /** Differing bits between hashes a and b. */
    int distance(long[] hashes, int words, int a, int b);

    /** Counts for hashes [i0, i1) x [j0, j1), as floats, row-major with width j1 - j0. */
    void tile(long[] hashes, int words, int i0, int i1, int j0, int j1, float[] out);

    HammingKernels PLAIN = new HammingKernels() {
        @Override
        public String name() {
            return "plain-popcnt";
        }

        @Override
        public int distance(long[] h, int words, int a, int b) {
            int d = 0;
            for (int w = 0; w < words; w++) {
                d += Long.bitCount(h[a * words + w] ^ h[b * words + w]);
            }
            return d;
        }

        @Override
        public void tile(long[] h, int words, int i0, int i1, int j0, int j1, float[] out) {
            int width = j1 - j0;
            if (words == 1) {
                for (int i = i0; i < i1; i++) {
                    long hi = h[i];
                    int o = (i - i0) * width - j0;
                    for (int j = j0; j < j1; j++) {
                        out[o + j] = Long.bitCount(hi ^ h[j]);
                    }
                }
                return;
            }
            for (int i = i0; i < i1; i++) {
                int o = (i - i0) * width - j0;
                for (int j = j0; j < j1; j++) {
                    out[o + j] = distance(h, words, i, j);
                }
            }
        }
    };
}
