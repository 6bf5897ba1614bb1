package org.cleanrank.vectorization;

/**
 * One twin of the per-pair part of scikit-image SSIM ({@code org.cleanrank.image.cv.SkimageSsim}): the filtered
 * product of the two images and the mean of the cropped SSIM map. Both twins ({@link PlainSkimageSsim} and
 * {@link PanamaSkimageSsim}) perform the same float64 operations in the same order on
 * every pixel, so they return the same bits. Thread-safe (scratch buffers are per thread).
 */
public abstract class SkimageSsimKernel {
    SkimageSsimKernel() {}

    /** "plain" or "panama-...". */
    public abstract String name();

    /** The SSIM score of two prepared images of equal size under the given configuration. */
    public abstract double score(SkimageSsimWindow cfg, SkimageSsimImage a, SkimageSsimImage b);

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
