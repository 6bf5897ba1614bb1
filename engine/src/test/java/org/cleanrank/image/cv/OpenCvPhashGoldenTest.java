package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.image.GoldenImages;
import org.cleanrank.image.Raster8;
import org.junit.jupiter.api.Test;

class OpenCvPhashGoldenTest {
    /**
     * Hashes every golden image that {@code input} gives a raster for (null: skipped) and compares with the
     * expected_hashes.csv column; at least {@code minChecked} images must be compared.
     */
    static void assertHashes(String column, Function<String, Raster8> input, int minChecked) {
        Map<String, CSVRecord> h = GoldenImages.expectedHashes();
        int checked = 0;
        List<String> mismatches = new ArrayList<>();
        for (String file : GoldenImages.order()) {
            Raster8 in = input.apply(file);
            if (in == null) {
                continue;
            }
            String got = OpenCvPhash.hex(OpenCvPhash.hash(in));
            String want = h.get(file).get(column);
            if (!got.equals(want)) {
                mismatches.add(file + " " + got + " != " + want);
            }
            checked++;
        }
        assertEquals(List.of(), mismatches);
        assertTrue(checked >= minChecked, column + " files checked: " + checked);
    }

    @Test
    void stageArraysGiveTheGrayHash() {
        // stage arrays exist only for the PNG inputs; 32x32 in: the resize is a copy
        assertHashes(
                "opencv_phash_gray",
                file -> {
                    Raster8 g = GoldenImages.grayStage(file, "cv_gray_32x32_linear_exact");
                    if (g != null) {
                        assertEquals(
                                OpenCvPhash.hex(OpenCvPhash.hash(g)), OpenCvPhash.hex(OpenCvPhash.hashOf32x32Gray(g)));
                    }
                    return g;
                },
                21);
    }

    /** Colour PNGs decoded as BGR: 3-channel INTER_LINEAR_EXACT to 32x32, then BGR2GRAY, then the hash. */
    @Test
    void colourPngsGiveTheColourHash() {
        assertHashes(
                "opencv_phash_color",
                file -> file.endsWith(".png") ? CvGolden.png(GoldenImages.path("images", file), true) : null,
                20);
    }

    @Test
    void hammingMatchesTheReferenceMatrixOnThePngs() throws Exception {
        List<String> order = GoldenImages.order();
        int n = order.size();
        long[] ref = org.cleanrank.Fixtures.longs(GoldenImages.path("phash_opencv_hamming.npy"));
        Map<String, CSVRecord> h = GoldenImages.expectedHashes();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                byte[] a = fromHex(h.get(order.get(i)).get("opencv_phash_gray"));
                byte[] b = fromHex(h.get(order.get(j)).get("opencv_phash_gray"));
                assertEquals(ref[i * n + j], OpenCvPhash.hamming(a, b));
            }
        }
    }

    static byte[] fromHex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
