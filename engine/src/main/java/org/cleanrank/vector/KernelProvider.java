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
        return VectorSupport.panamaPossible() ? new PanamaEmbeddingKernels() : null;
    }

    private static EmbeddingKernels choose() {
        reason = VectorSupport.unavailableReason();
        if (reason != null) {
            return PLAIN;
        }
        reason = "jdk.incubator.vector enabled";
        return new PanamaEmbeddingKernels();
    }
}
