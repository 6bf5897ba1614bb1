package org.cleanrank.vector;

import java.util.logging.Logger;

/**
 * Picks the kernel twin once per process, as Lucene's VectorizationProvider does: the Panama twin when
 * {@code jdk.incubator.vector} is present and the CPU has 256-bit vectors, else the plain twin, with
 * one log line saying which and why. A program embedding the engine never breaks for lack of a JVM flag;
 * it only runs slower.
 *
 * <p>{@code -Dcleanrank.kernels=plain} forces the plain twin (benchmarks, debugging).
 */
public final class KernelProvider {
    private static final Logger LOG = Logger.getLogger(KernelProvider.class.getName());
    private static final EmbeddingKernels PLAIN = new PlainEmbeddingKernels();
    private static volatile EmbeddingKernels selected;
    private static volatile String reason;

    private KernelProvider() {}

    /** The twin this process uses. */
    public static EmbeddingKernels get() {
        EmbeddingKernels k = selected;
        if (k == null) {
            synchronized (KernelProvider.class) {
                if (selected == null) {
                    selected = choose();
                    LOG.info("cleanrank kernels: " + selected.name() + " (" + reason + ")");
                }
                k = selected;
            }
        }
        return k;
    }

    /** Why {@link #get()} picked what it picked. */
    public static String reason() {
        get();
        return reason;
    }

    /** The plain-Java twin, always available. */
    public static EmbeddingKernels plain() {
        return PLAIN;
    }

    /** The Panama twin, or null when the vector module is not available here. */
    public static EmbeddingKernels panamaOrNull() {
        try {
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return null;
            }
            int bits = jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
            if (bits < 256) {
                return null;
            }
            return new PanamaEmbeddingKernels();
        } catch (LinkageError | RuntimeException e) {
            return null;
        }
    }

    private static EmbeddingKernels choose() {
        if ("plain".equalsIgnoreCase(System.getProperty("cleanrank.kernels", ""))) {
            reason = "forced by -Dcleanrank.kernels=plain";
            return PLAIN;
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            reason = "jdk.incubator.vector not enabled; add --add-modules jdk.incubator.vector for SIMD";
            return PLAIN;
        }
        EmbeddingKernels p = panamaOrNull();
        if (p == null) {
            reason = "CPU has no 256-bit vectors";
            return PLAIN;
        }
        reason = "jdk.incubator.vector enabled";
        return p;
    }
}
