package org.cleanrank.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogsTest {
    @Test
    void logsAreCorrectlyRounded() {
        double[][] cases = { // x, ln x, log2 x (60-digit decimal arithmetic)
            {0.1, -2.3025850929940455, -3.321928094887362},
            {0.5, -0.6931471805599453, -1.0},
            {3.0, 1.0986122886681098, 1.584962500721156},
            {1e-300, -690.7755278982137, -996.5784284662087},
            {7.25, 1.9810014688665833, 2.8579809951275723},
            {1.0000000000000002, 2.2204460492503128e-16, 3.203426503814917e-16}
        };
        for (double[] c : cases) {
            assertEquals(c[1], Logs.ln(c[0]), 0.0, "ln " + c[0]);
            assertEquals(c[2], Logs.log2(c[0]), 0.0, "log2 " + c[0]);
        }
        // glibc's log2 misrounds this one; numpy's golden HBOS never needed it
        assertEquals(-1.9976946161126885, Logs.log2(0.2503998119441371), 0.0);
        assertEquals(0.0, Logs.log2(1.0), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, Logs.ln(0.0));
    }
}
