package org.cleanrank.image.cv;

/**
 * One twin of the per-pair part of {@link FastSsim}: the cross term box(I1*I2), the SSIM map and its
 * numpy float32 pairwise mean. Every twin returns the same float32 bits as {@link PlainFastSsim}.
 * Instances are stateless and thread-safe (scratch buffers are per thread).
 */
public abstract class FastSsimKernel {
    FastSsimKernel() {}

    /** "plain" or "panama-...". */
    public abstract String name();

    /** fast_ssim score of two prepared images of equal size. */
    abstract float score(FastSsim.Stats a, FastSsim.Stats b);

    @Override
    public String toString() {
        return name();
    }
}
