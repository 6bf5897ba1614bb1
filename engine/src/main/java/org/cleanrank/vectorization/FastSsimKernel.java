package org.cleanrank.vectorization;

/**
 * One twin of the per-pair part of CleanPatrick's {@code fast_ssim} ({@code org.cleanrank.image.cv.FastSsim}): the
 * cross term box(I1*I2), the SSIM map and its
 * numpy float32 pairwise mean. Every twin returns the same float32 bits as {@link PlainFastSsim}.
 * Instances are stateless and thread-safe (scratch buffers are per thread).
 */
public abstract class FastSsimKernel {
    FastSsimKernel() {}

    /** "plain" or "panama-...". */
    public abstract String name();

    /** fast_ssim score of two prepared images of equal size. */
    public abstract float score(FastSsimImage a, FastSsimImage b);

    @Override
    public String toString() {
        return name();
    }
}
