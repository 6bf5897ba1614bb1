package org.cleanrank.vectorization;

/**
 * Exact zeros where a DCT is zero by symmetry. The references compute their DCTs with FFTs (scipy's pocketfft
 * for imagehash, OpenCV's own for PHash), whose butterflies subtract equal values and so return exactly 0 for
 * a coefficient that vanishes by symmetry (every AC coefficient of a flat image, the odd ones of a symmetric
 * row, every coefficient along a direction in which a stripe or ramp image is constant). A direct sum leaves
 * ~1e-15 of rounding there instead. That is harmless for ordinary images, but a hash compares coefficients
 * with their median or mean, and in a flat or striped image many coefficients tie at that threshold: 0 > 0 is
 * false, 1e-15 > 0 is not. So after each DCT pass a coefficient whose magnitude is below {@link #RELATIVE}
 * times the sum of the magnitudes of its terms (a bound on the rounding of the sum, ~1e-14 of it, with a
 * margin of 1000) is set to 0. A genuine coefficient of 8-bit pixels that small is not expected: the
 * cross-check on unseen and degenerate images (results/unseen-images-check.txt) found none.
 */
public final class StructuralZeros {
    /** Relative threshold: 1e-11 of the sum of |terms|. */
    public static final double RELATIVE = 1e-11;

    private StructuralZeros() {}

    /** {@code value}, or 0 when its magnitude is within {@link #RELATIVE} of {@code termMagnitudes}. */
    public static double snap(double value, double termMagnitudes) {
        return Math.abs(value) <= RELATIVE * termMagnitudes ? 0.0 : value;
    }
}
