package org.cleanrank.image.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cleanrank.CleanRankException;
import org.cleanrank.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageDecoderTest {
    @Test
    void everyGoldenImageDecodesWithTheManifestSize() throws IOException {
        List<String> rows = Files.readAllLines(Fixtures.golden("images", "manifest.csv"));
        List<String> header = List.of(rows.get(0).split(","));
        int file = header.indexOf("file"),
                width = header.indexOf("width"),
                height = header.indexOf("height"),
                mode = header.indexOf("mode");
        int n = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            DecodedImage img = ImageDecoder.decode(Fixtures.golden("images", "images", f[file]));
            assertEquals(Integer.parseInt(f[width]), img.width(), f[file]);
            assertEquals(Integer.parseInt(f[height]), img.height(), f[file]);
            String expectedFormat = switch (f[mode]) {
                case "L" -> "GRAY8";
                case "I", "I;16" -> "GRAY16";
                case "RGB", "P" -> "RGB8";
                case "RGBA" -> "RGBA8";
                case "CMYK" -> "CMYK8";
                case "LA" -> "GRAY_ALPHA8";
                default -> "?";
            };
            if (!f[mode].equals("P")) {
                assertEquals(expectedFormat, img.pixelFormat().name(), f[file] + " mode " + f[mode]);
            }
            n++;
        }
        assertEquals(37, n);
    }

    @Test
    void exifOrientationIsReadAndAppliedForOpenCv() {
        DecodedImage img =
                ImageDecoder.decode(Fixtures.golden("images", "images", "7efe6a41b1fc4dd31a6b90d83f7557db.jpg"));
        assertEquals(6, img.exifOrientation());
        assertEquals(240, img.width());
        assertEquals(360, img.height());
        var bgr = OpenCvRead.color(img);
        assertEquals(360, bgr.width(), "rotated upright as cv2.imread does");
        assertEquals(240, bgr.height());
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated.jpg", "zero_bytes.jpg", "not_an_image.png", "corrupt_idat.png"})
    void badFilesFailWithOneLineNamingTheFile(String name) {
        Path p = Fixtures.golden("images", "bad", name);
        CleanRankException e = assertThrows(CleanRankException.class, () -> ImageDecoder.decode(p));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void bmpAndTiffDecodeThroughTheOtherPath(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        java.awt.image.BufferedImage img =
                new java.awt.image.BufferedImage(5, 3, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 5; x++) {
                img.setRGB(x, y, (x * 40) << 16 | (y * 60) << 8 | 7);
            }
        }
        for (String fmt : new String[] {"bmp", "tiff"}) {
            Path p = dir.resolve("a." + fmt);
            javax.imageio.ImageIO.write(img, fmt, p.toFile());
            DecodedImage d = ImageDecoder.decode(p);
            assertEquals(5, d.width(), fmt);
            assertEquals(PixelFormat.RGB8, d.pixelFormat(), fmt);
            assertEquals(160, d.sample(4, 2, 0), fmt + " red");
            assertEquals(120, d.sample(4, 2, 1), fmt + " green");
            assertEquals(7, d.sample(4, 2, 2), fmt + " blue");
        }
    }

    @Test
    void exifTransformsAreInverseConsistent() {
        byte[] d = new byte[6 * 4];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) i;
        }
        var img = new org.cleanrank.image.Raster8(3, 2, 4, d);
        var t = ExifOrientation.transpose(ExifOrientation.transpose(img));
        assertEquals(java.util.Arrays.toString(d), java.util.Arrays.toString(t.data()));
        var r = ExifOrientation.apply(img, 6);
        assertEquals(2, r.width());
        // orientation 6 = rotate 90 clockwise: the top-left pixel of the result is the bottom-left of the input
        assertEquals(img.get(0, 1, 0), r.get(0, 0, 0));
    }
}
