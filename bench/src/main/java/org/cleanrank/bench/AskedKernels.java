package org.cleanrank.bench;

import org.cleanrank.vectorization.VectorizationProvider;

/**
 * The kernels a benchmark fork measures: the production {@link VectorizationProvider}, chosen by the
 * {@code -Dcleanrank.kernels=plain|panama} the fork was started with (Lucene's VectorUtilBenchmark chooses its
 * implementation per fork the same way). A benchmark calls {@link #provider()} in its setup, so a fork that
 * does not get the twin it asked for fails there instead of measuring the other one.
 */
final class AskedKernels {
    private AskedKernels() {}

    /**
     * @throws IllegalStateException when the fork asked for no twin or got another one than it asked for
     * @throws org.cleanrank.CleanRankException when it asked for the Panama twin where the vector module is missing
     */
    static VectorizationProvider provider() {
        String asked = System.getProperty(VectorizationProvider.KERNELS_PROPERTY);
        VectorizationProvider p = VectorizationProvider.getInstance();
        if (!p.name().equals(asked)) {
            throw new IllegalStateException("the fork asked for -D" + VectorizationProvider.KERNELS_PROPERTY + "="
                    + asked + " but the provider is " + p.name() + " (" + VectorizationProvider.reason() + ")");
        }
        String hamming = System.getProperty(VectorizationProvider.HAMMING_PROPERTY);
        if (hamming != null && !p.hammingKernels().name().startsWith(hamming)) {
            throw new IllegalStateException("the fork asked for -D" + VectorizationProvider.HAMMING_PROPERTY + "="
                    + hamming + " but the Hamming twin is " + p.hammingKernels().name());
        }
        return p;
    }
}
