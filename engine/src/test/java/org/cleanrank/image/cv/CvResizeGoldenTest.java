package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.cleanrank.image.GoldenImages;
import org.cleanrank.image.Raster8;
import org.junit.jupiter.api.Test;

/** Decoded PNGs through our resize + BGR2GRAY vs the reference's stage arrays, byte for byte. */
class CvResizeGoldenTest {
    /**
     * For every golden image with the reference's {@code stage} array whose PNG decodes (colour: as BGR, else as
     * stored; 16-bit PNGs do not: imread scales them to 8 bit, ImageIO does not hand us that) to a raster that
     * {@code accept}s, {@code ours} of that raster equals the stage array byte for byte; at least
     * {@code minChecked} such images.
     */
    static void assertStage(
            String stage, boolean colour, Predicate<Raster8> accept, UnaryOperator<Raster8> ours, int minChecked) {
        List<String> bad = new ArrayList<>();
        int checked = 0;
        for (String file : GoldenImages.order()) {
            Raster8 want = GoldenImages.grayStage(file, stage);
            Raster8 in = want == null ? null : CvGolden.png(GoldenImages.path("images", file), colour);
            if (in == null || !accept.test(in)) {
                continue;
            }
            int diff = countDiff(ours.apply(in), want);
            if (diff != 0) {
                bad.add(file + " " + in.width() + "x" + in.height() + ": " + diff + " pixels differ");
            }
            checked++;
        }
        assertEquals(List.of(), bad);
        assertTrue(checked >= minChecked, stage + " checked " + checked);
    }

    @Test
    void areaTo64ThenGrayEqualsSsimPreprocessing() {
        assertStage("cv_gray_64x64_area", true, bgr -> true, bgr -> CvColor.bgrToGray(CvResize.area(bgr, 64, 64)), 20);
    }

    @Test
    void linearExactTo32OnGrayPngs() {
        assertStage(
                "cv_gray_32x32_linear_exact", false, g -> g.channels() == 1, g -> CvResize.linearExact(g, 32, 32), 3);
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
