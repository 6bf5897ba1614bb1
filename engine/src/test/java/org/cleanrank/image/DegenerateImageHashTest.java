package org.cleanrank.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cleanrank.Fixtures;
import org.cleanrank.image.read.DecodedImage;
import org.cleanrank.image.read.ImageDecoder;
import org.junit.jupiter.api.Test;

/**
 * Flat, striped, ramp and clipped-16-bit images hash exactly as imagehash and OpenCV hash them
 * (fixtures/golden/degenerate: reference hashes written by the libraries themselves). Before
 * {@link StructuralZeros}, 14 of these 24 hashes differed.
 */
class DegenerateImageHashTest {
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

    @Test
    void snapKeepsGenuineValuesAndZeroesRoundingNoise() {
        assertEquals(0.0, StructuralZeros.snap(3e-13, 8192));
        assertEquals(0.0, StructuralZeros.snap(-3e-13, 8192));
        assertEquals(1e-6, StructuralZeros.snap(1e-6, 8192));
        assertEquals(-0.25, StructuralZeros.snap(-0.25, 8192));
        assertTrue(StructuralZeros.snap(5e-11, 1) == 5e-11);
    }
}
