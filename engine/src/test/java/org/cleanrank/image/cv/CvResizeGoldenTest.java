package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.cleanrank.image.Raster8;
import org.junit.jupiter.api.Test;

/** Decoded PNGs through our resize + BGR2GRAY vs the reference's stage arrays, byte for byte. */
class CvResizeGoldenTest {
    @Test
    void areaTo64ThenGrayEqualsSsimPreprocessing() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (String file : CvGolden.order()) {
            var p = CvGolden.stage(file, "cv_gray_64x64_area");
            if (!Files.exists(p)) {
                continue;
            }
            Raster8 bgr = CvGolden.png(CvGolden.images("images", file), true);
            if (bgr == null) {
                continue; // 16-bit PNG: imread scales to 8 bit, ImageIO does not hand us that
            }
            Raster8 got = CvColor.bgrToGray(CvResize.area(bgr, 64, 64));
            Raster8 want = CvGolden.grayNpy(p);
            int diff = countDiff(got, want);
            if (diff != 0) {
                bad.add(file + " " + bgr.width() + "x" + bgr.height() + ": " + diff + " pixels differ");
            }
            checked++;
        }
        assertEquals(List.of(), bad);
        assertTrue(checked >= 20, "checked " + checked);
    }

    @Test
    void linearExactTo32OnGrayPngs() {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (String file : CvGolden.order()) {
            var p = CvGolden.stage(file, "cv_gray_32x32_linear_exact");
            if (!Files.exists(p)) {
                continue;
            }
            Raster8 g = CvGolden.png(CvGolden.images("images", file), false);
            if (g == null || g.channels() != 1) {
                continue;
            }
            int diff = countDiff(CvResize.linearExact(g, 32, 32), CvGolden.grayNpy(p));
            if (diff != 0) {
                bad.add(file + " " + g.width() + "x" + g.height() + ": " + diff + " pixels differ");
            }
            checked++;
        }
        assertEquals(List.of(), bad);
        assertTrue(checked >= 3, "checked " + checked);
    }

    static int countDiff(Raster8 a, Raster8 b) {
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        int n = 0;
        for (int i = 0; i < a.data().length; i++) {
            n += a.data()[i] != b.data()[i] ? 1 : 0;
        }
        return n;
    }
}
