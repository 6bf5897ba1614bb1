package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleanrank.Fixtures;
import org.junit.jupiter.api.Test;

class NumpyLogitTest {

    @Test
    void float32LogIsNumpysBitForBit() {
        // [x, np.log(x)] from numpy 1.24.2 on an AVX-512 machine (bench/reference/crosscheck_auto_cleaning.py)
        double[] xy = Fixtures.doubles(Fixtures.golden("selfclean", "numpy_float32_log.npy"));
        int differ = 0;
        for (int i = 0; i < xy.length; i += 2) {
            float x = (float) xy[i];
            float ref = (float) xy[i + 1];
            if (Float.floatToIntBits(NumpyLogit.log32(x)) != Float.floatToIntBits(ref)) {
                differ++;
            }
        }
        assertEquals(0, differ, "values where numpy's float32 log differs");
        assertTrue(xy.length / 2 >= 4000);
        // and it is not the correctly rounded log: the kernel's own errors are part of the reference
        int notRounded = 0;
        for (int i = 0; i < xy.length; i += 2) {
            if ((float) xy[i + 1] != (float) Math.log(xy[i])) {
                notRounded++;
            }
        }
        assertTrue(notRounded > 100, notRounded + " values differ from the correctly rounded log");
    }

    @Test
    void specialValues() {
        assertEquals(Float.NEGATIVE_INFINITY, NumpyLogit.log32(0f));
        assertEquals(Float.POSITIVE_INFINITY, NumpyLogit.log32(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(NumpyLogit.log32(-1f)));
        assertTrue(Float.isNaN(NumpyLogit.log32(Float.NaN)));
        assertEquals(0f, NumpyLogit.logit32(0.5f));
        assertEquals(Float.NEGATIVE_INFINITY, NumpyLogit.logit32(0f));
        assertEquals(Float.POSITIVE_INFINITY, NumpyLogit.logit32(1f));
    }

    /**
     * The float32 logit over every float in (0, 1): where it decreases, it never reaches back more than
     * {@link PairLogits#REACH} bit patterns (the premise of the exact pair counts), and it does decrease.
     */
    @Test
    void logitDipsReachBackAtMostReach() {
        int last = Float.floatToRawIntBits(Math.nextDown(1.0f));
        float[] recent = new float[64];
        float runningMax = Float.NEGATIVE_INFINITY;
        int maxAt = 0;
        long dips = 0;
        int reach = 0;
        for (int b = 1; b <= last; b++) {
            float v = PairLogits.logitOfBits(b);
            recent[b & 63] = v;
            if (v < runningMax) {
                dips++;
                if (b - maxAt >= 63) {
                    reach = Integer.MAX_VALUE; // beyond the window: a larger logit far back
                }
                for (int k = 1; k < 63 && b - k >= 1; k++) {
                    if (recent[(b - k) & 63] > v) {
                        reach = Math.max(reach, k);
                    }
                }
            } else {
                runningMax = v;
                maxAt = b;
            }
        }
        assertTrue(dips > 0, "numpy's float32 log is not monotone");
        assertTrue(reach <= PairLogits.REACH, "a dip reaches back " + reach + " bit patterns");
    }
}
