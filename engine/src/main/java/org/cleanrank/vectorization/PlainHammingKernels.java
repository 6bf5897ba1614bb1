package org.cleanrank.vectorization;

/** The plain Hamming twin: {@code Long.bitCount} of the XOR, which the JIT turns into the POPCNT instruction. */
final class PlainHammingKernels implements HammingKernels {

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
}
