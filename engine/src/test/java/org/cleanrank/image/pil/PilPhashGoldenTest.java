package org.cleanrank.image.pil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.Fixtures;
import org.cleanrank.image.GoldenImages;
import org.cleanrank.image.Raster8;
import org.junit.jupiter.api.Test;

/**
 * Pillow convert('L'), Pillow LANCZOS/BICUBIC resize and imagehash.phash against the golden image set
 * (Pillow 9.4.0, imagehash 4.3.2, scipy 1.10.1). PNGs are decoded with javax.imageio (exact for these files).
 */
class PilPhashGoldenTest {
    private static final Map<String, CSVRecord> EXPECTED = GoldenImages.expectedHashes();
    /** cat_cmyk: Adobe CMYK JPEG (manifest mode CMYK). */
    private static final String CMYK_JPEG = "4422eed63c94942380a7c8e8a511b282.jpg";

    private static void assertSameRaster(Raster8 expected, Raster8 actual, String what) {
        assertEquals(expected.width(), actual.width(), what + ": width");
        assertEquals(expected.height(), actual.height(), what + ": height");
        assertEquals(1, actual.channels(), what + ": channels");
        if (!Arrays.equals(expected.data(), actual.data())) {
            int diff = 0;
            int first = -1;
            for (int i = 0; i < expected.data().length; i++) {
                if (expected.data()[i] != actual.data()[i]) {
                    diff++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            throw new AssertionError(what + ": " + diff + " pixels differ, first at " + first + " (expected "
                    + (expected.data()[first] & 0xFF) + ", got " + (actual.data()[first] & 0xFF) + ")");
        }
    }

    /** (a) convert('L') of the decoded PNG equals stages/<file>.pil_L.npy wherever that exists. */
    @Test
    void convertLMatchesPillow() {
        int checked = 0;
        for (String f : GoldenImages.pngs()) {
            Raster8 expected = GoldenImages.grayStage(f, "pil_L");
            if (expected == null) {
                continue;
            }
            assertSameRaster(expected, PilGolden.pillowL(f), f + " convert('L')");
            checked++;
        }
        assertEquals(7, checked, "files with a pil_L stage array");
    }

    /** (b) LANCZOS 32x32 and 64x64 of the L image equal the golden stage arrays, every PNG. */
    @Test
    void lanczosResizeMatchesPillow() {
        int checked = 0;
        for (String f : GoldenImages.pngs()) {
            Raster8 l = GoldenImages.grayStage(f, "pil_L");
            if (l == null) {
                l = PilGolden.pillowL(f);
            }
            for (int size : new int[] {32, 64}) {
                Raster8 expected = GoldenImages.grayStage(f, "pil_L_" + size + "x" + size + "_lanczos");
                assertNotNull(expected, f + " " + size);
                assertSameRaster(
                        expected,
                        PilResample.resize(l, size, size, PilResample.Filter.LANCZOS),
                        f + " LANCZOS " + size + "x" + size);
                checked++;
            }
        }
        assertEquals(2 * 21, checked);
    }

    /** (c) the hashes from the golden 32x32 / 64x64 stage arrays equal expected_hashes.csv, and the DCT margins agree. */
    @Test
    void hashFromStageArraysMatchesImagehash() {
        int checked = 0;
        for (String f : GoldenImages.pngs()) {
            CSVRecord rec = EXPECTED.get(f);
            for (int hs : new int[] {8, 16}) {
                Raster8 resized = GoldenImages.grayStage(f, "pil_L_" + (4 * hs) + "x" + (4 * hs) + "_lanczos");
                String col = "imagehash_phash" + hs;
                assertEquals(rec.get(col), ImageHashPhash.hex(ImageHashPhash.fromResized(resized)), f + " " + col);
                double[] block = ImageHashPhash.lowFrequencyDct(resized, hs);
                double med = ImageHashPhash.median(block);
                double margin = Double.POSITIVE_INFINITY;
                for (double c : block) {
                    margin = Math.min(margin, Math.abs(c - med));
                }
                double expectedMargin = Double.parseDouble(rec.get(col + "_margin"));
                assertEquals(expectedMargin, margin, 1e-5 * Math.max(1, expectedMargin), f + " " + col + " margin");
                checked++;
            }
        }
        assertEquals(2 * 21, checked);
    }

    /** (d) end to end for PNGs: decode, convert('L'), LANCZOS, DCT, median. */
    @Test
    void endToEndPngHashes() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String f : GoldenImages.pngs()) {
            checked += checkImagehashPhashes(f, PilGolden.pillowL(f), failures);
        }
        assertEquals(List.of(), failures);
        assertEquals(2 * 21, checked);
    }

    /** (e) CleanPatrick's pHASHDetector input path (convert RGB, L, BICUBIC 9x8, phash) for PNGs. */
    @Test
    void cleanPatrickDetectorHashes() {
        List<String> failures = new ArrayList<>();
        for (String f : GoldenImages.pngs()) {
            String got = ImageHashPhash.hex(ImageHashPhash.cleanPatrickHash(PilGolden.pillowL(f), 8));
            String want = EXPECTED.get(f).get("cp_detector_phash8");
            if (!want.equals(got)) {
                failures.add(f + ": expected " + want + " got " + got);
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * JPEGs, decoded with the JDK's ImageIO JPEG reader instead of Pillow's libjpeg-turbo: not a claim of
     * identical pixels (IDCT and upsampling rounding may differ), but on this set every hash agrees; the
     * CMYK JPEG is skipped (ImageIO does not convert CMYK, Pillow does).
     */
    @Test
    void jpegHashesWithImageIoDecoder() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String f : GoldenImages.order()) {
            if (!f.endsWith(".jpg") || f.equals(CMYK_JPEG)) {
                continue;
            }
            CSVRecord rec = EXPECTED.get(f);
            Raster8 l = PilGolden.pillowL(f);
            checkImagehashPhashes(f, l, failures);
            String cp = ImageHashPhash.hex(ImageHashPhash.cleanPatrickHash(l, 8));
            if (!rec.get("cp_detector_phash8").equals(cp)) {
                failures.add(f + " cp_detector_phash8: expected " + rec.get("cp_detector_phash8") + " got " + cp);
            }
            checked++;
        }
        assertEquals(List.of(), failures);
        assertEquals(15, checked);
    }

    /** The fraction matrix phash_imagehash_fraction.npy from the expected imagehash_phash8 strings. */
    @Test
    void hammingFractionMatrix() {
        List<String> order = GoldenImages.order();
        int n = order.size();
        assertEquals(37, n);
        double[] m = Fixtures.doubles(GoldenImages.path("phash_imagehash_fraction.npy"));
        assertEquals(n * n, m.length);
        boolean[][] h = new boolean[n][];
        for (int i = 0; i < n; i++) {
            String hex = EXPECTED.get(order.get(i)).get("imagehash_phash8");
            h[i] = ImageHashPhash.fromHex(hex, 64);
            assertEquals(hex, ImageHashPhash.hex(h[i]));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertEquals(m[i * n + j], ImageHashPhash.hammingFraction(h[i], h[j]), 0.0, i + "," + j);
            }
        }
    }

    /** The CleanPatrick detector matrix from the expected cp_detector_phash8 strings (upper triangle as the reference fills it). */
    @Test
    void cleanPatrickFractionMatrix() {
        List<String> order = GoldenImages.order();
        int n = order.size();
        double[] m = Fixtures.doubles(GoldenImages.path("phash_cpdetector_fraction.npy"));
        int checked = 0;
        for (int i = 0; i < n; i++) {
            boolean[] a = ImageHashPhash.fromHex(EXPECTED.get(order.get(i)).get("cp_detector_phash8"), 64);
            for (int j = i; j < n; j++) {
                boolean[] b = ImageHashPhash.fromHex(EXPECTED.get(order.get(j)).get("cp_detector_phash8"), 64);
                double d = ImageHashPhash.hammingFraction(a, b);
                double ref = m[i * n + j];
                double refT = m[j * n + i];
                assertTrue(ref == d || refT == d, i + "," + j + ": " + d + " vs " + ref + "/" + refT);
                checked++;
            }
        }
        assertEquals(n * (n + 1) / 2, checked);
    }

    /** Compares imagehash's phash of {@code l} at hash sizes 8 and 16 with the golden row of {@code f}; returns 2. */
    private static int checkImagehashPhashes(String f, Raster8 l, List<String> failures) {
        CSVRecord rec = EXPECTED.get(f);
        int checked = 0;
        for (int hs : new int[] {8, 16}) {
            String col = "imagehash_phash" + hs;
            String got = ImageHashPhash.hashHex(l, hs);
            if (!rec.get(col).equals(got)) {
                failures.add(f + " " + col + ": expected " + rec.get(col) + " got " + got);
            }
            checked++;
        }
        return checked;
    }
}
