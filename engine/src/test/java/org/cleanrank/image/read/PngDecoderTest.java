package org.cleanrank.image.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.cleanrank.CleanRankException;
import org.cleanrank.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link PngDecoder} against the library path it replaces ({@link ImageDecoder#decodeWithLibraries}). */
class PngDecoderTest {
    private static final Path NAME = Path.of("test.png");

    @Test
    void everyGoldenPngDecodesAsTheLibrariesDo() throws IOException {
        List<Path> pngs;
        try (Stream<Path> s = Files.list(Fixtures.golden("images", "images"))) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertEquals(21, pngs.size());
        for (Path p : pngs) {
            byte[] bytes = Files.readAllBytes(p);
            DecodedImage own = PngDecoder.decode(p, bytes);
            assertNotNull(own, p + " should not need the library path");
            assertSameImage(ImageDecoder.decodeWithLibraries(p, bytes), own, p.toString());
            assertSameImage(own, ImageDecoder.decode(p), p.toString());
        }
    }

    static Stream<Arguments> layouts() {
        List<Arguments> all = new ArrayList<>();
        int[][] depths = {
            {0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 1}, {3, 2}, {3, 4}, {3, 8}, {4, 8}, {4, 16},
            {6, 8}, {6, 16}
        };
        for (int[] d : depths) {
            for (int width : new int[] {1, 3, 7, 13, 40}) {
                all.add(Arguments.of(d[0], d[1], width));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "colour type {0}, {1} bits, width {2}")
    @MethodSource("layouts")
    void generatedPngsDecodeAsTheLibrariesDo(int colorType, int bitDepth, int width) {
        Random random = new Random(31L * colorType + 7L * bitDepth + width);
        for (int height : new int[] {1, 2, 9}) {
            int[][] filterPlans = {{0}, {1}, {2}, {3}, {4}, {4, 3, 2, 1, 0}};
            for (int[] filters : filterPlans) {
                byte[] rows = randomRows(random, width, height, colorType, bitDepth);
                for (boolean transparency : colorType == 3 ? new boolean[] {false, true} : new boolean[] {false}) {
                    TestPngWriter png = new TestPngWriter(width, height, colorType, bitDepth, rows)
                            .filters(filters)
                            .idatChunks(1 + random.nextInt(4));
                    if (colorType == 3) {
                        png.chunk("PLTE", randomBytes(random, 3 * (1 << bitDepth)));
                        if (transparency) {
                            // shorter than the palette: later entries are opaque
                            png.chunk("tRNS", randomBytes(random, Math.max(1, (1 << bitDepth) - 1)));
                        }
                    }
                    String what = "type " + colorType + "/" + bitDepth + " " + width + "x" + height + " filters "
                            + java.util.Arrays.toString(filters) + (transparency ? " tRNS" : "");
                    assertOwnEqualsLibraries(png.write(), what);
                }
            }
        }
    }

    @Test
    void paletteWithEmptyTransparencyAndAncillaryChunksDecodesAsTheLibrariesDo() {
        Random random = new Random(5);
        byte[] rows = randomRows(random, 13, 6, 3, 4);
        byte[] png = new TestPngWriter(13, 6, 3, 4, rows)
                .chunk("tEXt", "Comment\0hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .chunk("PLTE", randomBytes(random, 48))
                .chunk("tRNS", new byte[0])
                .chunk("sRGB", new byte[] {0})
                .chunk("cHRM", new byte[32])
                .filters(4, 1)
                .write();
        // (with a gAMA chunk the library path is ImageIO, which drops an empty tRNS: see the gAMA test below)
        assertOwnEqualsLibraries(png, "palette, empty tRNS, tEXt, sRGB, cHRM");
    }

    @Test
    void whatTheLibrariesDecodeDifferentlyGoesToThem() throws IOException {
        Random random = new Random(11);
        byte[] rgb = randomRows(random, 7, 4, 2, 8);
        byte[] gray = randomRows(random, 7, 4, 0, 8);
        List<byte[]> cases = List.of(
                // Commons Imaging makes an alpha channel of an RGB colour key, ImageIO one of a gray key
                new TestPngWriter(7, 4, 2, 8, rgb)
                        .chunk("tRNS", new byte[] {0, 1, 0, 2, 0, 3})
                        .write(),
                new TestPngWriter(7, 4, 0, 8, gray)
                        .chunk("tRNS", new byte[] {0, 9})
                        .write(),
                interlaced(rgb));
        for (byte[] png : cases) {
            assertNull(PngDecoder.decode(NAME, png));
            assertSameImage(ImageDecoder.decodeWithLibraries(NAME, png), ImageDecoder.decode(NAME, png), "fallback");
        }
    }

    /**
     * libpng (cv2.imread) and Pillow ignore gAMA and iCCP when they read: with Debian's OpenCV 4.6 and Pillow 9.4,
     * a golden PNG with a gAMA chunk of 1/2.2, 1.0 or 2.0 inserted decodes to the stored samples. So must ours,
     * on our own decoder and on the library path (an interlaced file); Commons Imaging alone would gamma-correct.
     */
    @Test
    void gammaAndIccChunksLeaveTheStoredSamples() throws IOException {
        byte[] icc = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB)
                .getData();
        java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream d = new java.util.zip.DeflaterOutputStream(z)) {
            d.write(icc);
        }
        byte[] iccp = java.util.Arrays.copyOf(
                "sRGB\0\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 6 + z.size());
        System.arraycopy(z.toByteArray(), 0, iccp, 6, z.size());
        List<byte[]> chunks = List.of(
                TestPngWriter.chunkBytes("gAMA", new byte[] {0, 0, (byte) 0xB1, (byte) 0x8F}),
                TestPngWriter.chunkBytes("gAMA", new byte[] {0, 1, (byte) 0x86, (byte) 0xA0}),
                TestPngWriter.chunkBytes("gAMA", new byte[] {0, 3, 0x0D, 0x40}),
                TestPngWriter.chunkBytes("iCCP", iccp));
        List<byte[]> plain = new ArrayList<>();
        for (String golden :
                new String[] {"558ac1f216189391a1f38ec6bb836eb2.png", "bed59f9be674e0ae3608ea9c8ee0cf12.png"}) {
            plain.add(Files.readAllBytes(Fixtures.golden("images", "images", golden)));
        }
        plain.add(interlaced(randomRows(new Random(5), 7, 4, 2, 8)));
        for (byte[] png : plain) {
            DecodedImage stored = ImageDecoder.decode(NAME, png);
            for (byte[] chunk : chunks) {
                byte[] with = new byte[png.length + chunk.length];
                System.arraycopy(png, 0, with, 0, 33); // signature + IHDR
                System.arraycopy(chunk, 0, with, 33, chunk.length);
                System.arraycopy(png, 33, with, 33 + chunk.length, png.length - 33);
                assertTrue(ImageDecoder.hasColourManagement(with));
                assertSameImage(stored, ImageDecoder.decode(NAME, with), "own decoder or fallback");
                assertSameImage(stored, ImageDecoder.decodeWithLibraries(NAME, with), "library path");
            }
        }
    }

    @Test
    void everyTruncationIsAnErrorOrTheLibrariesImage() {
        Random random = new Random(3);
        byte[] png = new TestPngWriter(13, 7, 3, 2, randomRows(random, 13, 7, 3, 2))
                .chunk("PLTE", randomBytes(random, 12))
                .chunk("tRNS", randomBytes(random, 3))
                .filters(0, 1, 2, 3, 4)
                .idatChunks(3)
                .write();
        for (int cut = 0; cut < png.length; cut++) {
            assertErrorOrLibrariesImage(java.util.Arrays.copyOf(png, cut), "cut at " + cut);
        }
    }

    @Test
    void everySingleByteCorruptionIsAnErrorOrTheLibrariesImage() {
        Random random = new Random(4);
        byte[] png = new TestPngWriter(9, 6, 2, 8, randomRows(random, 9, 6, 2, 8))
                .chunk("tEXt", "k\0v".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .filters(4, 3, 2, 1, 0)
                .idatChunks(2)
                .write();
        List<Integer> chunkStarts = chunkStarts(png);
        for (int i = 0; i < png.length; i++) {
            for (int flip : new int[] {0x01, 0x80, 0xFF}) {
                byte[] bad = png.clone();
                bad[i] ^= (byte) flip;
                assertErrorOrLibrariesImage(bad, "byte " + i + " ^ " + flip);
                // the same damage with the CRC made right again: only the decoding itself can notice it
                int chunk = chunkOf(chunkStarts, i);
                if (chunk >= 0 && i < dataEnd(png, chunk)) {
                    TestPngWriter.fixCrc(bad, chunk);
                    assertErrorOrLibrariesImage(bad, "byte " + i + " ^ " + flip + ", CRC fixed");
                }
            }
        }
    }

    @Test
    void aBadCrcIsAnErrorNamingTheFile() {
        byte[] png = new TestPngWriter(3, 3, 0, 8, new byte[9]).write();
        png[png.length - 12 - 1] ^= 1; // last CRC byte of the IDAT chunk
        CleanRankException e = assertThrows(CleanRankException.class, () -> ImageDecoder.decode(NAME, png));
        assertTrue(
                e.getMessage().startsWith("test.png: corrupt or truncated PNG (bad CRC in chunk IDAT"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; re-export or remove it"), e.getMessage());
    }

    @Test
    void impossibleSizesAreErrorsBeforeAnyAllocation() {
        byte[] png = new TestPngWriter(3, 3, 6, 16, new byte[3 * 3 * 8]).write();
        for (int[] size : new int[][] {{100_000, 100_000}, {0, 3}, {3, 0}, {-1, 3}, {Integer.MAX_VALUE, 1}}) {
            byte[] bad = png.clone();
            TestPngWriter.putInt(bad, 16, size[0]);
            TestPngWriter.putInt(bad, 20, size[1]);
            TestPngWriter.fixCrc(bad, 8);
            CleanRankException e = assertThrows(CleanRankException.class, () -> PngDecoder.decode(NAME, bad));
            assertTrue(e.getMessage().startsWith("test.png: "), e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void unfilteringMatchesTheSpecificationOnEveryFilterAndPixelSize() {
        Random random = new Random(8);
        for (int bpp = 1; bpp <= 8; bpp++) {
            for (int rowBytes : new int[] {1, bpp, 3 * bpp + 1}) {
                int height = 6;
                byte[] rows = randomBytes(random, height * rowBytes);
                // colour type 0 with 8 * bpp bits is not a PNG layout for bpp > 2; the filter only needs bpp
                byte[] filtered = new byte[height * (rowBytes + 1)];
                byte[] expected = rows.clone();
                for (int y = 0; y < height; y++) {
                    int type = y % 5;
                    filtered[y * (rowBytes + 1)] = (byte) type;
                    for (int i = 0; i < rowBytes; i++) {
                        int a = i >= bpp ? rows[y * rowBytes + i - bpp] & 0xFF : 0;
                        int b = y > 0 ? rows[(y - 1) * rowBytes + i] & 0xFF : 0;
                        int c = i >= bpp && y > 0 ? rows[(y - 1) * rowBytes + i - bpp] & 0xFF : 0;
                        int p = a + b - c;
                        int predicted = switch (type) {
                            case 1 -> a;
                            case 2 -> b;
                            case 3 -> (a + b) >> 1;
                            case 4 ->
                                Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
                                        ? a
                                        : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
                            default -> 0;
                        };
                        filtered[y * (rowBytes + 1) + 1 + i] = (byte) (rows[y * rowBytes + i] - predicted);
                    }
                }
                byte[] out = new byte[rows.length];
                assertEquals(-1, PngUnfilter.unfilter(filtered, out, height, rowBytes, bpp));
                assertArrayEquals(expected, out, "bpp " + bpp + " rowBytes " + rowBytes);
                filtered[3 * (rowBytes + 1)] = 5;
                assertEquals(3, PngUnfilter.unfilter(filtered, out, height, rowBytes, bpp));
            }
        }
    }

    private static void assertOwnEqualsLibraries(byte[] png, String what) {
        DecodedImage own = PngDecoder.decode(NAME, png);
        assertNotNull(own, what + " should not need the library path");
        assertSameImage(ImageDecoder.decodeWithLibraries(NAME, png), own, what);
    }

    /** Damaged input: our decoder throws CleanRankException, or returns exactly what the libraries return. */
    private static void assertErrorOrLibrariesImage(byte[] png, String what) {
        DecodedImage own;
        try {
            own = ImageDecoder.decode(NAME, png);
            // the decoder itself, not only the catch-all in ImageDecoder, must throw nothing else
            PngDecoder.decode(NAME, png);
        } catch (CleanRankException e) {
            assertTrue(e.getMessage().startsWith("test.png: "), what + ": " + e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), what + ": " + e.getMessage());
            return;
        }
        DecodedImage libraries;
        try {
            libraries = ImageDecoder.decodeWithLibraries(NAME, png);
        } catch (CleanRankException e) {
            fail(what + ": decoded although the libraries reject it (" + e.getMessage() + ")");
            return;
        }
        assertSameImage(libraries, own, what);
    }

    static void assertSameImage(DecodedImage expected, DecodedImage actual, String what) {
        assertEquals(expected.source(), actual.source(), what);
        assertEquals(expected.format(), actual.format(), what);
        assertEquals(expected.width(), actual.width(), what);
        assertEquals(expected.height(), actual.height(), what);
        assertEquals(expected.pixelFormat(), actual.pixelFormat(), what);
        assertArrayEquals(expected.samples8(), actual.samples8(), what);
        assertArrayEquals(expected.samples16(), actual.samples16(), what);
        assertArrayEquals(expected.luma(), actual.luma(), what);
        assertEquals(expected.exifOrientation(), actual.exifOrientation(), what);
    }

    /** Random unfiltered rows; palette indices stay inside a full palette, padding bits stay zero. */
    private static byte[] randomRows(Random random, int width, int height, int colorType, int bitDepth) {
        int rb = TestPngWriter.rowBytes(width, colorType, bitDepth);
        byte[] rows = randomBytes(random, height * rb);
        int usedBits = width * TestPngWriter.channels(colorType) * bitDepth;
        if (usedBits % 8 != 0) {
            int mask = 0xFF << (8 - usedBits % 8);
            for (int y = 0; y < height; y++) {
                rows[y * rb + rb - 1] &= (byte) mask;
            }
        }
        return rows;
    }

    private static byte[] randomBytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] interlaced(byte[] rgbRows) throws IOException {
        BufferedImage img = new BufferedImage(7, 4, BufferedImage.TYPE_3BYTE_BGR);
        for (int i = 0; i < 28; i++) {
            img.setRGB(
                    i % 7,
                    i / 7,
                    (rgbRows[3 * i] & 0xFF) << 16 | (rgbRows[3 * i + 1] & 0xFF) << 8 | (rgbRows[3 * i + 2] & 0xFF));
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] png = out.toByteArray();
        assertEquals(1, png[28], "Adam7 interlace method in IHDR");
        return png;
    }

    private static List<Integer> chunkStarts(byte[] png) {
        List<Integer> starts = new ArrayList<>();
        for (int pos = 8; pos + 12 <= png.length; pos = dataEnd(png, pos) + 4) {
            starts.add(pos);
        }
        return starts;
    }

    private static int dataEnd(byte[] png, int chunk) {
        int length = (png[chunk] & 0xFF) << 24
                | (png[chunk + 1] & 0xFF) << 16
                | (png[chunk + 2] & 0xFF) << 8
                | (png[chunk + 3] & 0xFF);
        return chunk + 8 + length;
    }

    /** The start of the chunk whose type or data holds byte i (not its length or CRC), or -1. */
    private static int chunkOf(List<Integer> starts, int i) {
        for (int s : starts) {
            if (i >= s + 4 && i < s + 8) {
                return s;
            }
            if (i >= s + 8 && (starts.indexOf(s) == starts.size() - 1 || i < starts.get(starts.indexOf(s) + 1))) {
                return s;
            }
        }
        return -1;
    }
}
