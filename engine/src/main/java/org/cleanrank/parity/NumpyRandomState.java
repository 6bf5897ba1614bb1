package org.cleanrank.parity;

/**
 * numpy's legacy {@code numpy.random.RandomState(seed)} (MT19937) for the few draws the Confident
 * Learning reference makes: {@code randint} with the legacy masked rejection sampler and
 * {@code shuffle} of a 1-D array (Fisher-Yates from the end, {@code random_interval}).
 *
 * <p>Reproducing it lets the folds ({@code np.random.seed(0)} then sklearn's {@code StratifiedKFold}
 * shuffle) and AdaBoost's per-tree seeds match the reference draw for draw, not just in distribution.
 * Not thread safe: one instance per sequence of draws.
 */
public final class NumpyRandomState {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti;

    /** {@code RandomState(seed)} / {@code np.random.seed(seed)} with an int seed in [0, 2^32). */
    public NumpyRandomState(long seed) {
        if (seed < 0 || seed > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("numpy seeds are in [0, 2^32), got " + seed);
        }
        // mt19937_seed (init_genrand): numpy's legacy seeding for an integer seed.
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            int prev = mt[i - 1];
            mt[i] = 1812433253 * (prev ^ (prev >>> 30)) + i;
        }
        mti = N;
    }

    /** genrand_int32: the next tempered 32-bit output, as an unsigned value in a long. */
    public long nextUint32() {
        if (mti >= N) {
            generate();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void generate() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
            int next = mt[(k + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                next ^= 0x9908b0df;
            }
            mt[k] = next;
        }
        mti = 0;
    }

    /**
     * {@code randint(low, high)} (int64, scalar): numpy's masked rejection sampling of
     * {@code high - 1 - low} for ranges that fit in 32 bits, the only ones needed here.
     */
    public long randint(long low, long high) {
        long rng = high - 1 - low;
        if (rng < 0) {
            throw new IllegalArgumentException("low >= high");
        }
        if (rng == 0) {
            return low;
        }
        if (rng > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(
                    "randint over more than 2^32 values is not ported (sklearn only draws 32-bit ranges here)");
        }
        if (rng == 0xFFFFFFFFL) {
            return low + nextUint32();
        }
        long mask = mask(rng);
        long v;
        do {
            v = nextUint32() & mask;
        } while (v > rng);
        return low + v;
    }

    /** {@code randint(high)} = {@code randint(0, high)}. */
    public long randint(long high) {
        return randint(0, high);
    }

    /** {@code random_interval(max)}: uniform in [0, max] by masked rejection, as legacy shuffle uses it. */
    long interval(long max) {
        if (max == 0) {
            return 0;
        }
        long mask = mask(max);
        long v;
        do {
            v = nextUint32() & mask;
        } while (v > max);
        return v;
    }

    /** {@code RandomState.shuffle} of a 1-D array: for i from n-1 down to 1 swap a[i] with a[interval(i)]. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i >= 1; i--) {
            int j = (int) interval(i);
            int t = a[j];
            a[j] = a[i];
            a[i] = t;
        }
    }

    private static long mask(long max) {
        long m = max;
        m |= m >>> 1;
        m |= m >>> 2;
        m |= m >>> 4;
        m |= m >>> 8;
        m |= m >>> 16;
        return m;
    }
}
