package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.LowFrequencyDct;
import org.junit.jupiter.api.Test;

class LowFrequencyDctTest extends BaseVectorizationTestCase {
    @Test
    void twinsAgreeBitForBitAndMatchTheFullTransform() {
        LowFrequencyDct plain = plainProvider().lowFrequencyDct(),
                panama = panamaProvider().lowFrequencyDct();
        Random r = new Random(3);
        for (int rep = 0; rep < 50; rep++) {
            byte[] px = new byte[32 * 32];
            r.nextBytes(px);
            double[] a = plain.block(px);
            double[] b = panama.block(px);
            assertArrayEquals(a, b, 0.0, "twins");
            double[] x = new double[1024];
            for (int i = 0; i < 1024; i++) {
                x[i] = px[i] & 0xFF;
            }
            double[] full = Dct2.orthonormal(x, 32, 32);
            for (int k = 0; k < 8; k++) {
                for (int l = 0; l < 8; l++) {
                    assertEquals(full[k * 32 + l], a[k * 8 + l], 1e-9);
                }
            }
        }
    }
}
