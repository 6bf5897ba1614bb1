package org.cleanrank.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class Exp2Test {
    @Test
    void exp2IsCorrectlyRoundedWhereGlibcsPowIsNot() {
        // 2^x to 60 digits (Python decimal: (Decimal(x) * Decimal(2).ln()).exp()) lies 0.4992, 0.4973, -0.49998
        // and -0.49994 ulps from the double below; glibc's pow (numpy's np.power without AVX-512) rounds these
        // near-midpoints the other way (0.41930016137604914, 0.43757657928075766, ..., 0.44336342568477466)
        double[] x = {-1.2539447094529261, -1.1923925730725782, -1.20772676926034, -1.1734383318078334};
        double[] correctlyRounded = {0.4193001613760491, 0.4375765792807576, 0.43295027106520945, 0.4433634256847747};
        for (int i = 0; i < x.length; i++) {
            assertEquals(correctlyRounded[i], Exp2.exp2(x[i]), 0.0, "2^" + x[i]);
        }
        assertEquals(0.5, Exp2.exp2(-1.0), 0.0);
        assertEquals(0.25, Exp2.exp2(-2.0), 0.0);
        assertEquals(1.0, Exp2.exp2(0.0), 0.0);
        assertEquals(Math.sqrt(0.5), Exp2.exp2(-0.5), 0.0);
    }
}
