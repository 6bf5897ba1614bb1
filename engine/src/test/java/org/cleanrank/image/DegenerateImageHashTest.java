package org.cleanrank.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cleanrank.Fixtures;
import org.cleanrank.image.pipeline.PerceptualHashes;
import org.cleanrank.image.read.DecodedImage;
import org.cleanrank.image.read.ImageDecoder;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.LowFrequencyDct;
import org.cleanrank.vectorization.StructuralZeros;
import org.junit.jupiter.api.Test;

/**
 * Flat, striped, ramp and clipped-16-bit images hash exactly as imagehash and OpenCV hash them
 * (fixtures/golden/degenerate: reference hashes written by the libraries themselves). Before
 * {@link StructuralZeros}, 14 of these 24 hashes differed.
 */
class DegenerateImageHashTest extends BaseVectorizationTestCase {
    @Test
    void hashesEqualTheReferences() throws Exception {
        Path dir = Fixtures.golden("degenerate");
        List<String> lines = Files.readAllLines(dir.resolve("reference_hashes.csv"));
        assertEquals("file,imagehash_phash8,imagehash_phash16,opencv_phash_gray", lines.get(0));
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            DecodedImage img = ImageDecoder.decode(dir.resolve("images").resolve(f[0]));
            assertEquals(f[1], PerceptualHashes.IMAGEHASH.compute(img, 8).hex(), f[0] + " imagehash 8");
            assertEquals(f[2], PerceptualHashes.IMAGEHASH.compute(img, 16).hex(), f[0] + " imagehash 16");
            assertEquals(f[3], PerceptualHashes.OPENCV.compute(img, 8).hex(), f[0] + " opencv");
            checked++;
        }
        assertEquals(8, checked);
    }

    /** The OpenCV DCT twins stay bit-identical (signed zeros included) where the exact-zero step acts. */
    @Test
    void dctTwinsAgreeBitForBitOnDegenerateImages() throws Exception {
        Path dir = Fixtures.golden("degenerate", "images");
        LowFrequencyDct plain = plainProvider().lowFrequencyDct(),
                best = panamaProvider().lowFrequencyDct();
        int zeros = 0;
        try (var files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                byte[] px = org.cleanrank.image.cv.CvResize.linearExact(
                                org.cleanrank.image.read.OpenCvRead.grayscale(ImageDecoder.decode(f)), 32, 32)
                        .data();
                double[] a = plain.block(px), b = best.block(px);
                for (int i = 0; i < a.length; i++) {
                    assertEquals(
                            Double.doubleToRawLongBits(a[i]),
                            Double.doubleToRawLongBits(b[i]),
                            f + " coefficient " + i);
                    zeros += a[i] == 0 ? 1 : 0;
                }
            }
        }
        assertTrue(zeros > 100, "the degenerate images must exercise the exact zeros: " + zeros);
    }

    @Test
    void snapKeepsGenuineValuesAndZeroesRoundingNoise() {
        assertEquals(0.0, StructuralZeros.snap(3e-13, 8192));
        assertEquals(0.0, StructuralZeros.snap(-3e-13, 8192));
        assertEquals(1e-6, StructuralZeros.snap(1e-6, 8192));
        assertEquals(-0.25, StructuralZeros.snap(-0.25, 8192));
        assertTrue(StructuralZeros.snap(5e-11, 1) == 5e-11);
    }
}
