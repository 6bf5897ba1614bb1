package org.cleanrank.vectorization;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The SIMD twin for 64-bit hashes: four hashes per 256-bit vector, XOR and lane-wise popcount. */
final class PanamaHammingKernels implements HammingKernels {
    private static final HammingKernels PLAIN = new PlainHammingKernels();
    private static final VectorSpecies<Long> S = LongVector.SPECIES_256;

    @Override
    public String name() {
        return "panama-bitcount";
    }

    @Override
    public int distance(long[] h, int words, int a, int b) {
        return PLAIN.distance(h, words, a, b);
    }

    @Override
    public void tile(long[] h, int words, int i0, int i1, int j0, int j1, float[] out) {
        if (words != 1) {
            PLAIN.tile(h, words, i0, i1, j0, j1, out);
            return;
        }
        int width = j1 - j0;
        int step = S.length();
        long[] counts = new long[step];
        for (int i = i0; i < i1; i++) {
            LongVector hi = LongVector.broadcast(S, h[i]);
            int o = (i - i0) * width - j0;
            int j = j0;
            for (; j + step <= j1; j += step) {
                LongVector c = hi.lanewise(VectorOperators.XOR, LongVector.fromArray(S, h, j))
                        .lanewise(VectorOperators.BIT_COUNT);
                c.intoArray(counts, 0);
                for (int l = 0; l < step; l++) {
                    out[o + j + l] = counts[l];
                }
            }
            for (; j < j1; j++) {
                out[o + j] = Long.bitCount(h[i] ^ h[j]);
            }
        }
    }
}
