package org.cleanrank.vector;

/**
 * The one place that decides whether the Panama twins may run: {@code jdk.incubator.vector} present, the
 * CPU has 256-bit vectors, and {@code -Dcleanrank.kernels=plain} is not set. Every provider (embedding
 * kernels, Hamming, pHash DCT, fast SSIM) asks here, so one flag switches them all.
 */
public final class VectorSupport {
    private VectorSupport() {}

    /** Null when the Panama twins may run, else the reason they may not (for the provider's log line). */
    public static String unavailableReason() {
        if ("plain".equalsIgnoreCase(System.getProperty("cleanrank.kernels", ""))) {
            return "forced by -Dcleanrank.kernels=plain";
        }
        if (!moduleLoaded()) {
            return "jdk.incubator.vector not enabled; add --add-modules jdk.incubator.vector for SIMD";
        }
        try {
            if (jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() < 256) {
                return "CPU has no 256-bit vectors";
            }
        } catch (LinkageError e) {
            return "jdk.incubator.vector unusable here (" + e + ")";
        }
        return null;
    }

    /** True when the vector module is loaded and the CPU has 256-bit vectors (ignores the force-plain flag). */
    public static boolean panamaPossible() {
        if (!moduleLoaded()) {
            return false;
        }
        try {
            return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
        } catch (LinkageError e) {
            return false;
        }
    }

    private static boolean moduleLoaded() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
