package org.cleanrank.vectorization;

/**
 * Hamming distances between packed bit hashes ({@code words} longs per hash, hash h at
 * {@code hashes[h * words ..]}), in two twins: {@link PlainHammingKernels} (Long.bitCount, which the JIT turns into the
 * POPCNT instruction) and {@link PanamaHammingKernels} (LongVector XOR + lane-wise BIT_COUNT). Both give exact
 * integer counts, so they agree exactly. Which one a process uses is {@link VectorizationProvider}'s choice.
 */
public interface HammingKernels {
    String name();

    /** Differing bits between hashes a and b. */
    int distance(long[] hashes, int words, int a, int b);

    /** Counts for hashes [i0, i1) x [j0, j1), as floats, row-major with width j1 - j0. */
    void tile(long[] hashes, int words, int i0, int i1, int j0, int j1, float[] out);
}
