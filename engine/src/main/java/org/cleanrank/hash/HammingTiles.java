package org.cleanrank.hash;

import org.cleanrank.pairs.PairTiles;
import org.cleanrank.vectorization.HammingKernels;

/**
 * Hamming-distance tiles of packed hashes for {@link org.cleanrank.pairs.PairEngine}: the raw count of
 * differing bits (CleanPatrick's OpenCV-hash convention), or with {@code asFraction} that count divided
 * by the number of bits (its imagehash/pHASHDetector convention; exact in float for 64 and 256 bits).
 */
public record HammingTiles(long[] hashes, int words, int n, HammingKernels kernels, boolean asFraction)
        implements PairTiles {
    @Override
    public int compute(int i0, int i1, int j0, int j1, float[] out) {
        kernels.tile(hashes, words, i0, i1, j0, j1, out);
        if (asFraction) {
            float scale = 1f / (64f * words);
            int len = (i1 - i0) * (j1 - j0);
            for (int k = 0; k < len; k++) {
                out[k] *= scale;
            }
        }
        return j1 - j0;
    }
}
