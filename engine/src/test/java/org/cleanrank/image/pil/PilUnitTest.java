package org.cleanrank.image.pil;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.cleanrank.image.Raster8;
import org.junit.jupiter.api.Test;

/** Small hand-checked cases for the Pillow-side classes. */
class PilUnitTest {

    @Test
    void lumaIsPillowFixedPoint() {
        assertEquals(0, PilConvert.luma(0, 0, 0));
        assertEquals(255, PilConvert.luma(255, 255, 255));
        assertEquals(76, PilConvert.luma(255, 0, 0)); // 19595*255/65536 = 76.24
        assertEquals(150, PilConvert.luma(0, 255, 0)); // 149.69 -> 150 (rounded, not truncated)
        assertEquals(29, PilConvert.luma(0, 0, 255)); // 29.07
        for (int v = 0; v < 256; v++) {
            assertEquals(v, PilConvert.luma(v, v, v)); // gray stays gray (weights sum to 65536)
        }
        Raster8 rgba = new Raster8(2, 1, 4, new byte[] {(byte) 255, 0, 0, 0, 10, 20, 30, (byte) 255});
        assertArrayEquals(
                new byte[] {76, (byte) PilConvert.luma(10, 20, 30)},
                PilConvert.toL(rgba).data());
        Raster8 la = new Raster8(2, 1, 2, new byte[] {7, 0, 9, 1});
        assertArrayEquals(new byte[] {7, 9}, PilConvert.toL(la).data());
        assertArrayEquals(
                new byte[] {0, 0, 5, (byte) 255, (byte) 255},
                PilConvert.fromIntSamples(5, 1, new int[] {-3, 0, 5, 255, 4095}).data());
    }

    @Test
    void resizeSameSizeIsCopyAndConstantStaysConstant() {
        byte[] d = new byte[7 * 5];
        java.util.Arrays.fill(d, (byte) 200);
        Raster8 flat = Raster8.gray(7, 5, d);
        for (PilResample.Filter f : PilResample.Filter.values()) {
            Raster8 r = PilResample.resize(flat, 3, 11, f);
            for (byte b : r.data()) {
                assertEquals(200, b & 0xFF, f.name());
            }
            assertArrayEquals(d, PilResample.resize(flat, 7, 5, f).data());
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> PilResample.resize(new Raster8(2, 2, 3, new byte[12]), 1, 1, PilResample.Filter.LANCZOS));
    }

    @Test
    void coefficientsSumToOneInFixedPoint() {
        PilResample.Coefficients c = PilResample.coefficients(400, 0f, 400f, 32, PilResample.Filter.LANCZOS);
        for (int i = 0; i < 32; i++) {
            long s = 0;
            for (int t = 0; t < c.count()[i]; t++) {
                s += c.k()[i * c.ksize() + t];
            }
            // each tap rounds by at most 1/2
            assertEquals(1 << PilResample.PRECISION_BITS, s, c.count()[i] / 2.0, "row " + i);
        }
    }

    @Test
    void dctMatchesDefinition() {
        // 4x4 image, hash size 2: compare with a direct evaluation of the definition
        byte[] d = new byte[16];
        for (int i = 0; i < 16; i++) {
            d[i] = (byte) (i * 13 % 256);
        }
        Raster8 r = Raster8.gray(4, 4, d);
        double[] got = ImageHashPhash.lowFrequencyDct(r, 2);
        for (int k = 0; k < 2; k++) {
            for (int l = 0; l < 2; l++) {
                double s = 0;
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        s += 4
                                * (d[y * 4 + x] & 0xFF)
                                * Math.cos(Math.PI * k * (2 * y + 1) / 8.0)
                                * Math.cos(Math.PI * l * (2 * x + 1) / 8.0);
                    }
                }
                assertEquals(s, got[k * 2 + l], 1e-9);
            }
        }
        assertEquals(2.5, ImageHashPhash.median(new double[] {4, 1, 3, 2}));
        assertEquals(3.0, ImageHashPhash.median(new double[] {5, 1, 3}));
    }

    @Test
    void hexRoundTripsMsbFirst() {
        boolean[] bits = new boolean[64];
        bits[0] = true; // first bit is the most significant
        bits[63] = true;
        assertEquals("8000000000000001", ImageHashPhash.hex(bits));
        assertArrayEquals(bits, ImageHashPhash.fromHex("8000000000000001", 64));
        boolean[] other = bits.clone();
        other[5] = true;
        assertEquals(1, ImageHashPhash.hammingCount(bits, other));
        assertEquals(1.0 / 64, ImageHashPhash.hammingFraction(bits, other));
    }
}
