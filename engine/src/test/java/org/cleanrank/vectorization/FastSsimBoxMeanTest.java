package org.cleanrank.vectorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The float32 box mean of fast SSIM: both ways the twins divide a box sum by 49 are exact for every possible sum. */
class FastSsimBoxMeanTest {
    /**
     * PanamaFastSsim's divide-free /49: fma(s, 1/49f, s * lo) with lo = float(1/49 - 1/49f) (two operations;
     * the Newton step q0 = s * (1/49f), q1 = fma(fma(q0, -49, s), 1/49f, q0) it replaced needed three) is the
     * reference's (float)(s * (1./49)), i.e. the correctly rounded s / 49f, for every possible box sum.
     */
    @Test
    void divideFreeBoxMeanIsTheCorrectlyRoundedQuotientForEverySum() {
        float inv = 1f / 49f;
        float lo = PanamaFastSsim.INV_AREA_LO;
        assertEquals((float) (1.0 / 49 - inv), lo);
        for (int sum = 0; sum <= 49 * 255 * 255; sum++) {
            float s = sum;
            float q = Math.fma(s, inv, s * lo);
            float reference = (float) (sum * (1. / 49));
            if (Float.floatToRawIntBits(q) != Float.floatToRawIntBits(reference)
                    || Float.floatToRawIntBits(q) != Float.floatToRawIntBits(s / 49f)) {
                throw new AssertionError("sum " + sum + ": " + q + " vs " + reference);
            }
        }
        // the shortcut without the correction step is not exact, so the test can fail
        int wrong = 0;
        for (int sum = 0; sum <= 49 * 255 * 255; sum++) {
            wrong += (float) sum * inv != (float) sum / 49f ? 1 : 0;
        }
        assertTrue(wrong > 0, "s * (1/49f) alone would already be exact");
    }

    /** The double path (float)(s * (1./49)) equals the correctly rounded float32 s / 49 for every possible sum. */
    @Test
    void boxMeanConversionIsTheCorrectlyRoundedQuotient() {
        for (int sum = 0; sum <= 49 * 255 * 255; sum++) {
            float viaDouble = (float) (sum * FastSsimImage.INV_AREA);
            if (viaDouble != (float) sum / 49f) {
                throw new AssertionError("sum " + sum);
            }
        }
    }
}
