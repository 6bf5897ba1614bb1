package org.cleanrank.image.cv;

import java.util.logging.Logger;

/**
 * Picks the {@link FastSsimKernel} twin once per process, as {@link org.cleanrank.vector.KernelProvider}
 * does for the embedding kernels: the Panama twin when {@code jdk.incubator.vector} is present and the CPU
 * has 256-bit vectors, else the plain twin, with one log line saying which and why.
 * {@code -Dcleanrank.kernels=plain} forces the plain twin. Both twins give the same bits.
 */
public final class FastSsimKernels {
    private static final Logger LOG = Logger.getLogger(FastSsimKernels.class.getName());
    private static final FastSsimKernel PLAIN = new PlainFastSsim();
    private static volatile FastSsimKernel selected;
    private static volatile String reason;

    private FastSsimKernels() {}

    /** The twin this process uses. */
    public static FastSsimKernel get() {
        FastSsimKernel k = selected;
        if (k == null) {
            synchronized (FastSsimKernels.class) {
                if (selected == null) {
                    selected = choose();
                    LOG.fine("cleanrank fast SSIM kernels: " + selected.name() + " (" + reason + ")");
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
    public static FastSsimKernel plain() {
        return PLAIN;
    }

    /** The Panama twin, or null when the vector module or 256-bit vectors are not available here. */
    public static FastSsimKernel panamaOrNull() {
        return Holder.PANAMA;
    }

    /**
     * By name: "plain" or "panama"; null when Panama is not available. (The first SIMD twin, v1, measured
     * against the current one in results/ssim-v2-jmh.json, is in the git history.)
     */
    public static FastSsimKernel byName(String name) {
        return switch (name) {
            case "plain" -> plain();
            case "panama" -> panamaOrNull();
            default -> throw new IllegalArgumentException("unknown fast SSIM twin " + name);
        };
    }

    private static final class Holder {
        static final FastSsimKernel PANAMA = loadPanama();
    }

    private static FastSsimKernel loadPanama() {
        return org.cleanrank.vector.VectorSupport.panamaPossible() ? new PanamaFastSsim() : null;
    }

    private static FastSsimKernel choose() {
        reason = org.cleanrank.vector.VectorSupport.unavailableReason();
        if (reason != null) {
            return PLAIN;
        }
        reason = "jdk.incubator.vector enabled";
        return panamaOrNull();
    }
}
