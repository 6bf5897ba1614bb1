package org.cleanrank.detect;

/**
 * The logit {@code np.log(s / (1 - s))} exactly as SelfClean's {@code fraction_cut} computes it with numpy
 * 1.24 on the reference machine (AVX-512): for a float32 score array the quotient is float32 and numpy's
 * float32 {@code log} is its own SIMD kernel ({@code simd_log_FLOAT} in {@code loops_exponent_log}: a
 * mantissa/exponent split, a degree-5/degree-5 rational approximation of {@code log(1 + y)} with fused
 * multiply-adds, then {@code e * ln 2} added; up to 3.8 ulp from the true value, so {@link Math#log} would not
 * do). numpy calls that kernel for every element, strided or not, so it is reproduced here scalar by scalar
 * in float arithmetic ({@link Math#fma(float, float, float)} is the correctly rounded single fma the kernel
 * uses). For a float64 array (LAD's scores) numpy's AVX-512 double kernel is within an ulp of the correctly
 * rounded log; we use the double-double log, which changes nothing at the 1e-9 the cut-off is compared to.
 *
 * <p>Checked against numpy 1.24.2 on the reference machine kind, bit for bit (the fixture in
 * {@code fixtures/golden/selfclean/numpy_float32_log.npy}); non-decreasing over every positive float32
 * below 2^24 ({@code NumpyLogitTest}), which is what lets a sorted ranking stay sorted after the logit.
 */
final class NumpyLogit {
    // numpy's NPY_COEFF_{P,Q}{0..5}_LOGf (Remez fit of log(1 + y) on [sqrt(1/2) - 1, sqrt(2) - 1]), NPY_LOGE2f,
    // NPY_SQRT1_2f: the decimal literals numpy compiles, rounded to float the same way here.
    private static final float P0 = 0.000000000000000000000e+00f;
    private static final float P1 = 9.999999999999998702752e-01f;
    private static final float P2 = 2.112677543073053063722e+00f;
    private static final float P3 = 1.480000633576506585156e+00f;
    private static final float P4 = 3.808837741388407920751e-01f;
    private static final float P5 = 2.589979117907922693523e-02f;
    private static final float Q0 = 1.000000000000000000000e+00f;
    private static final float Q1 = 2.612677543073109236779e+00f;
    private static final float Q2 = 2.453006071784736363091e+00f;
    private static final float Q3 = 9.864942958519418960339e-01f;
    private static final float Q4 = 1.546476374983906719538e-01f;
    private static final float Q5 = 5.875095403124574342950e-03f;
    private static final float LN2 = 0.693147180559945309417232121458176568f;
    private static final float SQRT1_2 = 0.707106781186547524400844362104849039f;

    private NumpyLogit() {}

    /** {@code np.log(s / (1 - s))} for a float32 score s (numpy's float32 kernel). */
    static float logit32(float s) {
        return log32(s / (1.0f - s));
    }

    /** {@code np.log(s / (1 - s))} for a float64 score s. */
    static double logit64(double s) {
        return org.cleanrank.parity.Logs.ln(s / (1.0 - s));
    }

    /** numpy 1.24's float32 {@code np.log} on an AVX-512 CPU. */
    static float log32(float x) {
        if (Float.isNaN(x)) {
            return Float.NaN;
        }
        if (x < 0f) {
            return -Float.NaN; // the kernel's -NaN; Java does not keep NaN signs apart anyway
        }
        if (x == 0f) {
            return Float.NEGATIVE_INFINITY;
        }
        if (x == Float.POSITIVE_INFINITY) {
            return Float.POSITIVE_INFINITY;
        }
        // getexp + 1 and getmant into [0.5, 1): x = m * 2^e exactly, subnormals included
        int bits = Float.floatToRawIntBits(x);
        int e;
        if (Math.getExponent(x) < Float.MIN_EXPONENT) {
            int shift = Integer.numberOfLeadingZeros(bits) - 8; // bring the leading 1 to bit 23
            bits <<= shift;
            e = -125 - shift;
        } else {
            e = (bits >>> 23) - 126;
        }
        float m = Float.intBitsToFloat((bits & 0x007FFFFF) | (126 << 23));
        float exponent = e;
        if (m <= SQRT1_2) {
            m = m + m;
            exponent = exponent - 1f;
        }
        float y = m - 1f;
        float num = Math.fma(P5, y, P4);
        num = Math.fma(num, y, P3);
        num = Math.fma(num, y, P2);
        num = Math.fma(num, y, P1);
        num = Math.fma(num, y, P0);
        float den = Math.fma(Q5, y, Q4);
        den = Math.fma(den, y, Q3);
        den = Math.fma(den, y, Q2);
        den = Math.fma(den, y, Q1);
        den = Math.fma(den, y, Q0);
        return Math.fma(exponent, LN2, num / den);
    }
}
