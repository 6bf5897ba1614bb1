package org.cleanrank.image.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.cleanrank.Fixtures;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.pil.ImageHashPhash;
import org.junit.jupiter.api.Test;

/** Decoder + Pillow read conventions + imagehash, end to end from the files, for all 37 golden images. */
class PillowReadGoldenTest {
    @Test
    void imagehashFromFilesMatchesForEveryImage() throws IOException {
        List<String> rows = Files.readAllLines(Fixtures.golden("images", "expected_hashes.csv"));
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            Raster8 gray = PillowRead.gray(ImageDecoder.decode(Fixtures.golden("images", "images", f[0])));
            assertEquals(f[1], ImageHashPhash.hashHex(gray, 8), f[0] + " imagehash_phash8");
            assertEquals(f[2], ImageHashPhash.hashHex(gray, 16), f[0] + " imagehash_phash16");
            assertEquals(
                    f[6], ImageHashPhash.hex(ImageHashPhash.cleanPatrickHash(gray, 8)), f[0] + " cp_detector_phash8");
            checked++;
        }
        assertEquals(37, checked);
    }
}
