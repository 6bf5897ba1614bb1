package org.cleanrank.image.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.cleanrank.image.GoldenImages;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.pil.ImageHashPhash;
import org.junit.jupiter.api.Test;

/** Decoder + Pillow read conventions + imagehash, end to end from the files, for all 37 golden images. */
class PillowReadGoldenTest {
    @Test
    void imagehashFromFilesMatchesForEveryImage() throws IOException {
        int checked = GoldenImages.forEachExpectedHash((file, h) -> {
            Raster8 gray = PillowRead.gray(ImageDecoder.decode(GoldenImages.path("images", file)));
            assertEquals(h.get("imagehash_phash8"), ImageHashPhash.hashHex(gray, 8), file + " imagehash_phash8");
            assertEquals(h.get("imagehash_phash16"), ImageHashPhash.hashHex(gray, 16), file + " imagehash_phash16");
            assertEquals(
                    h.get("cp_detector_phash8"),
                    ImageHashPhash.hex(ImageHashPhash.cleanPatrickHash(gray, 8)),
                    file + " cp_detector_phash8");
        });
        assertEquals(37, checked);
    }
}
