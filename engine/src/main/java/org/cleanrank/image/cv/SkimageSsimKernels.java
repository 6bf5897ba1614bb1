package org.cleanrank.image.cv;

/**
 * Picks the {@link SkimageSsimKernel} twin once per process, as {@link FastSsimKernels} does: Panama when
 * {@code jdk.incubator.vector} is present and the CPU has 256-bit vectors ({@code -Dcleanrank.kernels=plain}
 * forces plain), else plain. Both twins give the same bits.
 */
public final class SkimageSsimKernels {
    private static final SkimageSsimKernel PLAIN = new PlainSkimageSsim();

    private SkimageSsimKernels() {}

    /** The twin this process uses. */
    public static SkimageSsimKernel get() {
        return Holder.SELECTED;
    }

    public static SkimageSsimKernel plain() {
        return PLAIN;
    }

    /** The Panama twin, or null when the vector module or 256-bit vectors are not available here. */
    public static SkimageSsimKernel panamaOrNull() {
        return Holder.PANAMA;
    }

    /** By name: "plain" or "panama" (null when Panama is not available). */
    public static SkimageSsimKernel byName(String name) {
        return switch (name) {
            case "plain" -> plain();
            case "panama" -> panamaOrNull();
            default -> throw new IllegalArgumentException("unknown scikit-image SSIM twin " + name);
        };
    }

    private static final class Holder {
        static final SkimageSsimKernel PANAMA =
                org.cleanrank.vector.VectorSupport.panamaPossible() ? new PanamaSkimageSsim() : null;
        static final SkimageSsimKernel SELECTED =
                org.cleanrank.vector.VectorSupport.unavailableReason() == null && PANAMA != null ? PANAMA : PLAIN;
    }
}
