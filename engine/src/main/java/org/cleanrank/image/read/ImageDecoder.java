package org.cleanrank.image.read;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.cleanrank.CleanRankException;

/**
 * Decodes image files into {@link DecodedImage}, choosing per format the decoder whose pixels are the
 * references' pixels (measured on the golden images, see README "Decoding"):
 *
 * <ul>
 *   <li><b>PNG</b>: our own {@link PngDecoder} (CRC-checked chunks, the JDK's zlib, per-filter unfilter loops),
 *       faster than the libraries below, for every non-interlaced PNG whose samples it gives exactly as
 *       they do; it hands the rest to them: Adam7 interlacing, tRNS colour keys on gray or RGB, interrupted
 *       IDAT runs. gAMA and iCCP are ignored, as libpng and Pillow ignore them (checked with both: a gAMA chunk
 *       changes none of their samples), whereas Commons Imaging gamma-corrects the samples.
 *       It also rejects what libpng rejects and the libraries let through: a bad CRC on a critical chunk, an
 *       unknown critical chunk.
 *   <li><b>PNG, 8-bit colour</b> (RGB, RGBA, palette) when {@link PngDecoder} declines: Apache Commons Imaging;
 *       its samples equal libpng's (Pillow's and OpenCV's) exactly, except with a gAMA or iCCP chunk, which it
 *       applies: those files go to ImageIO, which keeps the stored samples.
 *   <li><b>PNG, 16-bit or gray</b> when {@link PngDecoder} declines: the JDK's ImageIO, because Commons Imaging
 *       reduces 16-bit samples to 8 bits (Pillow clips to 255, OpenCV takes value &gt;&gt; 8: both need the full
 *       value) and hands gray PNGs over through Java2D's linear-gray colour space, which changes the stored
 *       samples.
 *   <li><b>JPEG</b>: the JDK's ImageIO (IJG libjpeg: ISLOW IDCT, fancy upsampling), whose RGB output equals
 *       Pillow's (libjpeg-turbo) on every sample of every golden JPEG, progressive ones included, and whose
 *       raw raster gives the Y plane that {@code cv2.IMREAD_GRAYSCALE} returns. Commons Imaging's own JPEG
 *       decoder matches only 34-86% of samples (up to 65 levels off) and cannot read progressive JPEGs.
 *       One decode gives the raw YCbCr; {@link LibjpegColor} applies libjpeg's own YCbCr -&gt; RGB tables.
 *       CMYK/YCCK JPEGs decode to CMYK exactly as Pillow holds them.
 *   <li><b>Anything else</b> (BMP, TIFF, GIF, ...): Commons Imaging, then ImageIO.
 * </ul>
 *
 * EXIF orientation is read from the JPEG's APP1 block ({@link JpegMarkers}). Truncated or corrupt data is an error,
 * never a partly grey image: ImageIO's "premature end of data" warnings are turned into errors.
 */
public final class ImageDecoder {
    private ImageDecoder() {}

    public static DecodedImage decode(Path path) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(path)) {
                throw new CleanRankException(path + ": no such file");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new CleanRankException(path + ": cannot read (" + e.getMessage() + ")");
        }
        if (bytes.length == 0) {
            throw new CleanRankException(path + ": empty file (0 bytes); not an image");
        }
        return decode(path, bytes, true);
    }

    /** Decodes a file's bytes ({@code path} names it in messages). */
    static DecodedImage decode(Path path, byte[] bytes) {
        return decode(path, bytes, true);
    }

    /**
     * Decodes with the libraries only (Commons Imaging, ImageIO), never with {@link PngDecoder}: the path
     * {@link PngDecoder} falls back to, and the reference the tests compare it with.
     */
    static DecodedImage decodeWithLibraries(Path path, byte[] bytes) {
        return decode(path, bytes, false);
    }

    private static DecodedImage decode(Path path, byte[] bytes, boolean ownPngDecoder) {
        try {
            if (isPng(bytes)) {
                DecodedImage own = ownPngDecoder ? PngDecoder.decode(path, bytes) : null;
                return own != null ? own : png(path, bytes);
            }
            if (isJpeg(bytes)) {
                return jpeg(path, bytes);
            }
            return other(path, bytes);
        } catch (CleanRankException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CleanRankException(
                    path + ": corrupt or truncated image (" + oneLine(e) + "); re-export or remove it");
        }
    }

    static boolean isPng(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    static boolean isJpeg(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ').replace('\r', ' ');
    }

    /** A gAMA or iCCP chunk before the image data (chunk types only; CRCs are the decoders' business). */
    static boolean hasColourManagement(byte[] png) {
        for (long pos = 8; pos + 8 <= png.length; ) {
            int p = (int) pos;
            long length = ((png[p] & 0xFFL) << 24)
                    | ((png[p + 1] & 0xFF) << 16)
                    | ((png[p + 2] & 0xFF) << 8)
                    | (png[p + 3] & 0xFF);
            String type = new String(png, p + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("gAMA") || type.equals("iCCP")) {
                return true;
            }
            if (type.equals("IDAT") || type.equals("IEND")) {
                return false;
            }
            pos += 12 + length;
        }
        return false;
    }

    private static DecodedImage png(Path path, byte[] bytes) throws IOException {
        int bitDepth = bytes.length > 24 ? bytes[24] & 0xFF : 8;
        int colorType = bytes.length > 25 ? bytes[25] & 0xFF : 2;
        if (bitDepth == 16 || colorType == 0 || colorType == 4 || hasColourManagement(bytes)) {
            BufferedImage img = readImageIo(path, bytes);
            Raster r = img.getRaster();
            if (colorType == 0 && r.getNumBands() == 1) {
                int w = img.getWidth(), h = img.getHeight();
                if (bitDepth == 16) {
                    short[] s = new short[w * h];
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            s[y * w + x] = (short) r.getSample(x, y, 0);
                        }
                    }
                    return new DecodedImage(path, "png", w, h, PixelFormat.GRAY16, null, s, null, 1);
                }
                // 1/2/4-bit gray is scaled to 0..255 (libpng's expand, Pillow's 1 -> L and L modes)
                int max = (1 << bitDepth) - 1;
                byte[] s = new byte[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        s[y * w + x] = (byte) (r.getSample(x, y, 0) * 255 / max);
                    }
                }
                return new DecodedImage(path, "png", w, h, PixelFormat.GRAY8, s, null, null, 1);
            }
            // 16-bit colour: both references reduce to 8 bits (OpenCV by >> 8); keep the high byte
            return fromBufferedImage(path, "png", img, bitDepth == 16 ? 8 : 0, 1);
        }
        BufferedImage img;
        try {
            img = Imaging.getBufferedImage(bytes);
        } catch (ImagingException e) {
            throw new CleanRankException(path + ": corrupt PNG (" + oneLine(e) + "); re-export or remove it");
        } catch (IOException | RuntimeException e) {
            // Commons Imaging surfaces a damaged deflate stream as ZipException / IOException
            throw new CleanRankException(
                    path + ": corrupt or truncated PNG data (" + oneLine(e) + "); re-export or remove it");
        }
        return fromBufferedImage(path, "png", img, 0, 1);
    }

    private static DecodedImage jpeg(Path path, byte[] bytes) throws IOException {
        JpegMarkers markers = JpegMarkers.scan(bytes);
        int orientation = markers.orientation();
        AtomicReference<String> warning = new AtomicReference<>();
        try (ImageInputStream in =
                new javax.imageio.stream.MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            ImageReader reader = jpegReader(in, path);
            try {
                reader.addIIOReadWarningListener((src, w) -> warning.compareAndSet(null, w));
                // the raw raster: libjpeg's output before colour conversion (Y, YCbCr, RGB or Adobe CMYK)
                Raster raw = reader.readRaster(0, null);
                failOnWarning(path, warning);
                int w = raw.getWidth(), h = raw.getHeight();
                int bands = raw.getNumBands();
                byte[] samples = raw.getTransferType() == java.awt.image.DataBuffer.TYPE_BYTE
                        ? (byte[]) raw.getDataElements(0, 0, w, h, null)
                        : toBytes(raw.getPixels(0, 0, w, h, (int[]) null));
                if (bands == 4) {
                    // libjpeg gives Adobe CMYK inverted; Pillow holds 255 - v
                    for (int i = 0; i < samples.length; i++) {
                        samples[i] = (byte) (255 - (samples[i] & 0xFF));
                    }
                    return new DecodedImage(path, "jpeg", w, h, PixelFormat.CMYK8, samples, null, null, orientation);
                }
                if (bands == 1) {
                    return new DecodedImage(
                            path, "jpeg", w, h, PixelFormat.GRAY8, samples, null, samples.clone(), orientation);
                }
                if (bands != 3) {
                    throw new CleanRankException(path + ": JPEG with " + bands + " components is not supported");
                }
                byte[] luma = new byte[w * h];
                byte[] rgb;
                if (markers.ycc()) {
                    for (int i = 0; i < luma.length; i++) {
                        luma[i] = samples[3 * i];
                    }
                    rgb = LibjpegColor.yccToRgb(samples);
                } else {
                    // Adobe RGB JPEG (no colour transform): libjpeg's own rgb -> gray for IMREAD_GRAYSCALE
                    rgb = samples;
                    for (int i = 0; i < luma.length; i++) {
                        luma[i] = (byte)
                                LibjpegColor.rgbToGray(rgb[3 * i] & 0xFF, rgb[3 * i + 1] & 0xFF, rgb[3 * i + 2] & 0xFF);
                    }
                }
                return new DecodedImage(path, "jpeg", w, h, PixelFormat.RGB8, rgb, null, luma, orientation);
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException e) {
            throw new CleanRankException(
                    path + ": corrupt or truncated JPEG (" + oneLine(e) + "); re-export or remove it");
        }
    }

    private static byte[] toBytes(int[] all) {
        byte[] out = new byte[all.length];
        for (int i = 0; i < all.length; i++) {
            out[i] = (byte) all[i];
        }
        return out;
    }

    private static ImageReader jpegReader(ImageInputStream in, Path path) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg");
        if (!it.hasNext()) {
            throw new CleanRankException(path + ": this JVM has no JPEG decoder (javax.imageio); use a full JDK");
        }
        ImageReader r = it.next();
        r.setInput(in);
        return r;
    }

    private static void failOnWarning(Path path, AtomicReference<String> warning) {
        if (warning.get() != null) {
            throw new CleanRankException(
                    path + ": corrupt or truncated JPEG (" + warning.get() + "); re-export or remove it");
        }
    }

    private static BufferedImage readImageIo(Path path, byte[] bytes) throws IOException {
        AtomicReference<String> warning = new AtomicReference<>();
        try (ImageInputStream in =
                new javax.imageio.stream.MemoryCacheImageInputStream(new java.io.ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> it = ImageIO.getImageReaders(in);
            if (!it.hasNext()) {
                throw new CleanRankException(
                        path + ": unknown or unsupported image format; use PNG, JPEG, BMP, GIF or TIFF");
            }
            ImageReader r = it.next();
            try {
                r.setInput(in);
                r.addIIOReadWarningListener((src, w) -> warning.compareAndSet(null, w));
                BufferedImage img = r.read(0);
                failOnWarning(path, warning);
                return img;
            } finally {
                r.dispose();
            }
        }
    }

    private static DecodedImage other(Path path, byte[] bytes) throws IOException {
        BufferedImage img = null;
        String format = "image";
        try {
            img = Imaging.getBufferedImage(bytes);
            format = Imaging.guessFormat(bytes).getName().toLowerCase();
        } catch (ImagingException | IllegalArgumentException e) {
            // not a format Commons Imaging knows: try ImageIO below
        }
        if (img == null) {
            try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
                img = ImageIO.read(in);
            }
        }
        if (img == null) {
            throw new CleanRankException(
                    path + ": not an image, or an unknown format; use PNG, JPEG, BMP, GIF or TIFF");
        }
        DecodedImage d = fromBufferedImage(path, format, img, 0, 1);
        return d.pixelFormat() == PixelFormat.RGBA8 ? dropOpaqueAlpha(d) : d;
    }

    /** Commons Imaging hands some alpha-less formats (24-bit BMP) over as ARGB: an all-opaque alpha is dropped. */
    private static DecodedImage dropOpaqueAlpha(DecodedImage d) {
        byte[] s = d.samples8();
        for (int i = 3; i < s.length; i += 4) {
            if (s[i] != (byte) 255) {
                return d;
            }
        }
        byte[] rgb = new byte[s.length / 4 * 3];
        for (int p = 0, q = 0; p < s.length; p += 4, q += 3) {
            rgb[q] = s[p];
            rgb[q + 1] = s[p + 1];
            rgb[q + 2] = s[p + 2];
        }
        return new DecodedImage(
                d.source(), d.format(), d.width(), d.height(), PixelFormat.RGB8, rgb, null, null, d.exifOrientation());
    }

    /** Samples of a decoded BufferedImage, in its own colour model (no colour-space conversion). */
    private static DecodedImage fromBufferedImage(
            Path path, String format, BufferedImage img, int shift, int orientation) {
        int w = img.getWidth(), h = img.getHeight();
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        boolean alpha = cm.hasAlpha();
        if (cm instanceof IndexColorModel icm) {
            // palette: expand to RGB(A) through the palette, as both references do
            PixelFormat pf = alpha ? PixelFormat.RGBA8 : PixelFormat.RGB8;
            byte[] out = new byte[w * h * pf.channels];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int idx = r.getSample(x, y, 0);
                    int o = (y * w + x) * pf.channels;
                    out[o] = (byte) icm.getRed(idx);
                    out[o + 1] = (byte) icm.getGreen(idx);
                    out[o + 2] = (byte) icm.getBlue(idx);
                    if (alpha) {
                        out[o + 3] = (byte) icm.getAlpha(idx);
                    }
                }
            }
            return new DecodedImage(path, format, w, h, pf, out, null, null, orientation);
        }
        int bands = r.getNumBands();
        int type = img.getType();
        if (type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_INT_ARGB
                || type == BufferedImage.TYPE_INT_BGR
                || type == BufferedImage.TYPE_INT_ARGB_PRE) {
            PixelFormat pf = alpha ? PixelFormat.RGBA8 : PixelFormat.RGB8;
            byte[] out = new byte[w * h * pf.channels];
            int[] row = new int[w];
            for (int y = 0; y < h; y++) {
                img.getRGB(0, y, w, 1, row, 0, w);
                for (int x = 0; x < w; x++) {
                    int p = row[x];
                    int o = (y * w + x) * pf.channels;
                    out[o] = (byte) (p >> 16);
                    out[o + 1] = (byte) (p >> 8);
                    out[o + 2] = (byte) p;
                    if (alpha) {
                        out[o + 3] = (byte) (p >>> 24);
                    }
                }
            }
            return new DecodedImage(path, format, w, h, pf, out, null, null, orientation);
        }
        PixelFormat pf = switch (bands) {
            case 1 -> PixelFormat.GRAY8;
            case 2 -> PixelFormat.GRAY_ALPHA8;
            case 3 -> PixelFormat.RGB8;
            case 4 -> PixelFormat.RGBA8;
            default -> throw new CleanRankException(path + ": " + bands + " channels are not supported");
        };
        byte[] out = new byte[w * h * bands];
        int[] px = new int[bands];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.getPixel(x, y, px);
                for (int c = 0; c < bands; c++) {
                    out[(y * w + x) * bands + c] = (byte) (px[c] >> shift);
                }
            }
        }
        return new DecodedImage(path, format, w, h, pf, out, null, null, orientation);
    }
}
