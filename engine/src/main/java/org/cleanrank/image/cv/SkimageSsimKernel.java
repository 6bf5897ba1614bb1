package org.cleanrank.image.cv;

/**
 * One twin of the per-pair part of {@link SkimageSsim}: the filtered product of the two images and the mean
 * of the cropped SSIM map. Both twins ({@link SkimageSsimKernels#plain() plain} Java and
 * {@link SkimageSsimKernels#panamaOrNull() Panama}) perform the same float64 operations in the same order on
 * every pixel, so they return the same bits. Thread-safe (scratch buffers are per thread).
 */
public abstract class SkimageSsimKernel {
    SkimageSsimKernel() {}

    /** "plain" or "panama-...". */
    public abstract String name();

    /** The SSIM score of two prepared images of equal size under the given configuration. */
    abstract double score(SkimageSsim cfg, SkimageSsim.Stats a, SkimageSsim.Stats b);

    /** Per-thread scratch: the product image, the axis-0 pass and the filtered product. */
    static final class Scratch {
        double[] prod = new double[0], t = new double[0], uxy = new double[0];

        Scratch size(int n) {
            if (prod.length < n) {
                prod = new double[n];
                t = new double[n];
                uxy = new double[n];
            }
            return this;
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
