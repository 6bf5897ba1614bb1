package org.cleanrank.parity;

/**
 * scikit-learn's tree random generator ({@code sklearn/tree/_utils.pyx}, 1.2.1): a 32-bit xorshift
 * ({@code our_rand_r}) seeded with {@code RandomState(random_state).randint(0, RAND_R_MAX)} in
 * {@code Splitter.init}. Every draw of a tree's splitter (feature, threshold) comes from it.
 */
public final class SklearnRandR {
    /** RAND_R_MAX = 0x7FFFFFFF: draws are reduced modulo RAND_R_MAX + 1. */
    public static final long RAND_R_MAX = 0x7FFFFFFFL;

    private int state;

    public SklearnRandR(long seed) {
        this.state = (int) seed;
    }

    /** {@code our_rand_r}: a zero state becomes DEFAULT_SEED = 1; the result is in [0, RAND_R_MAX]. */
    public long next() {
        if (state == 0) {
            state = 1;
        }
        state ^= state << 13;
        state ^= state >>> 17; // uint32 shift
        state ^= state << 5;
        return (state & 0xFFFFFFFFL) % (RAND_R_MAX + 1);
    }

    /** {@code rand_int(low, high)} = low + our_rand_r % (high - low), in [low, high). */
    public int randInt(int low, int high) {
        return low + (int) (next() % (high - low));
    }

    /** {@code rand_uniform(low, high)} = (high - low) * our_rand_r / RAND_R_MAX + low, in [low, high]. */
    public double randUniform(double low, double high) {
        return ((high - low) * (double) next() / (double) RAND_R_MAX) + low;
    }
}
