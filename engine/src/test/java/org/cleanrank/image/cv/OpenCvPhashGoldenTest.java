package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cleanrank.image.Raster8;
import org.junit.jupiter.api.Test;

class OpenCvPhashGoldenTest {
    static Map<String, String[]> hashes() throws Exception {
        Map<String, String[]> m = new HashMap<>();
        List<String> lines = Files.readAllLines(CvGolden.images("expected_hashes.csv"));
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",", -1);
            m.put(f[0], f);
        }
        return m;
    }

    @Test
    void stageArraysGiveTheGrayHash() throws Exception {
        Map<String, String[]> h = hashes();
        int checked = 0;
        List<String> mismatches = new ArrayList<>();
        for (String file : CvGolden.order()) {
            var p = CvGolden.stage(file, "cv_gray_32x32_linear_exact");
            if (!Files.exists(p)) {
                continue; // stage arrays exist only for the PNG inputs
            }
            Raster8 g = CvGolden.grayNpy(p);
            String got = OpenCvPhash.hex(OpenCvPhash.hash(g)); // 32x32 in: the resize is a copy
            assertEquals(got, OpenCvPhash.hex(OpenCvPhash.hashOf32x32Gray(g)));
            if (!got.equals(h.get(file)[3])) {
                mismatches.add(file + " " + got + " != " + h.get(file)[3]);
            }
            checked++;
        }
        assertEquals(List.of(), mismatches);
        assertTrue(checked >= 21, "stage files checked: " + checked);
    }

    /** Colour PNGs decoded as BGR: 3-channel INTER_LINEAR_EXACT to 32x32, then BGR2GRAY, then the hash. */
    @Test
    void colourPngsGiveTheColourHash() throws Exception {
        Map<String, String[]> h = hashes();
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String file : CvGolden.order()) {
            if (!file.endsWith(".png")) {
                continue;
            }
            Raster8 bgr = CvGolden.png(CvGolden.images("images", file), true);
            if (bgr == null) {
                continue;
            }
            String got = OpenCvPhash.hex(OpenCvPhash.hash(bgr));
            if (!got.equals(h.get(file)[4])) {
                mismatches.add(file + " " + got + " != " + h.get(file)[4]);
            }
            checked++;
        }
        assertEquals(List.of(), mismatches);
        assertTrue(checked >= 20, "checked " + checked);
    }

    @Test
    void hammingMatchesTheReferenceMatrixOnThePngs() throws Exception {
        List<String> order = CvGolden.order();
        int n = order.size();
        long[] ref = org.cleanrank.Fixtures.longs(CvGolden.images("phash_opencv_hamming.npy"));
        Map<String, String[]> h = hashes();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                byte[] a = fromHex(h.get(order.get(i))[3]), b = fromHex(h.get(order.get(j))[3]);
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
