package org.cleanrank.bench;

import java.util.Locale;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * The kernels a benchmark fork measures: the production {@link VectorizationProvider}, chosen by the
 * {@code -Dcleanrank.kernels=plain|panama} the fork was started with (Lucene's VectorUtilBenchmark chooses its
 * implementation per fork the same way). A benchmark comparing twins has two nested subclasses, {@code Plain} and
 * {@code Panama}, whose {@code @Fork} sets the property; it calls {@link #provider(Object)} in its setup, so a fork
 * that does not get the twin its class names (the module missing, the property overridden on the command line)
 * fails there instead of measuring the other twin under the wrong name.
 */
final class AskedKernels {
    /** JVM arguments of the forks: the twin, and the vector module (which the plain fork has too). */
    static final String PLAIN = "-Dcleanrank.kernels=plain",
            PANAMA = "-Dcleanrank.kernels=panama",
            PANAMA_HAMMING = "-Dcleanrank.kernels.hamming=panama",
            VECTOR_MODULE = "--add-modules=jdk.incubator.vector",
            /** C2 limited to 256-bit vectors: the AVX2 code path of the Panama twins on an AVX-512 machine. */
            AVX2_WIDTH = "-XX:MaxVectorSize=32";

    private AskedKernels() {}

    /**
     * @param benchmark the benchmark instance (a subclass of a nested {@code Plain} or {@code Panama} class)
     * @throws IllegalStateException when the provider is not the twin the benchmark's class names
     * @throws org.cleanrank.CleanRankException when the fork asked for the Panama twin where it cannot run
     */
    static VectorizationProvider provider(Object benchmark) {
        String asked = twinOf(benchmark.getClass());
        VectorizationProvider p = VectorizationProvider.getInstance();
        if (!p.name().equals(asked)) {
            throw new IllegalStateException(benchmark.getClass().getName() + " measures the " + asked
                    + " twin but the provider is " + p.name() + " (" + VectorizationProvider.reason() + ")");
        }
        String hamming = System.getProperty(VectorizationProvider.HAMMING_PROPERTY);
        if (hamming != null && !p.hammingKernels().name().startsWith(hamming)) {
            throw new IllegalStateException("the fork asked for -D" + VectorizationProvider.HAMMING_PROPERTY + "="
                    + hamming + " but the Hamming twin is " + p.hammingKernels().name());
        }
        return p;
    }

    /** "plain" or "panama" from the nested class the benchmark extends (JMH subclasses it again). */
    private static String twinOf(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.getEnclosingClass() != null
                    && (k.getSimpleName().equals("Plain") || k.getSimpleName().equals("Panama"))) {
                return k.getSimpleName().toLowerCase(Locale.ROOT);
            }
        }
        throw new IllegalStateException(c.getName() + " extends no nested Plain or Panama benchmark class");
    }
}
