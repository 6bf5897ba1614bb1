package org.cleanrank.image.read;

import java.nio.file.Path;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Our own PNG decoder for the non-interlaced PNGs whose samples it gives exactly as {@link ImageDecoder}'s
 * library path does (which equals libpng's): chunks read and CRC-checked by {@link PngChunks}, the IDAT payloads
 * inflated by the JDK's zlib straight from the file bytes into one buffer, rows unfiltered by {@link PngUnfilter}
 * and turned into {@link DecodedImage} samples by {@link PngSamples}.
 *
 * <p>It returns {@code null} (the caller falls back to the library path) for what the library path does
 * differently from a plain decode: Adam7 interlacing; tRNS on gray or RGB (ImageIO and Commons Imaging turn it
 * into an alpha channel, each in its own way); IDAT chunks interrupted by other chunks. Colour-management chunks
 * (gAMA, iCCP, sRGB, cHRM) are ignored, as libpng (OpenCV) and Pillow ignore them when they read a file: the
 * samples are the stored ones.
 *
 * <p>Errors are one line naming the file: truncation, a bad CRC on a critical chunk, a missing IHDR, IDAT or
 * IEND, bad deflate data, too little image data, an unknown filter type, a palette index outside the palette,
 * and sizes no file of this length could hold. Extra data after the last row is ignored, as libpng (a warning
 * only), Commons Imaging and ImageIO all ignore it.
 */
final class PngDecoder {
    /**
     * Deflate's largest possible expansion: a 258-byte match coded in two bits is 1032 bytes per input byte.
     * An image that needs more raw bytes than its IDAT data could expand to is truncated, and is rejected
     * before anything of that size is allocated.
     */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private PngDecoder() {}

    /** The decoded image, or {@code null} when the library path must decode this file. */
    static DecodedImage decode(Path path, byte[] bytes) {
        PngChunks png = PngChunks.read(path, bytes);
        if (needsLibraryPath(png)) {
            return null;
        }
        int channels = png.channels();
        long rowBytes = ((long) png.width * channels * png.bitDepth + 7) >> 3;
        int outChannels = png.colorType == 3 ? (png.transparency != null ? 4 : 3) : channels;
        long limit = Integer.MAX_VALUE - 16;
        // each factor is below 2^35, so no product below overflows a long
        long rawBytes = rowBytes > limit ? Long.MAX_VALUE : png.height * (rowBytes + 1);
        if (rawBytes > limit || (long) png.width * png.height > limit / outChannels) {
            throw new org.cleanrank.CleanRankException(path + ": PNG of " + png.width + " x " + png.height
                    + " pixels is too large to decode (over 2 GB of samples); downscale it");
        }
        if (rawBytes > png.idatBytes * MAX_DEFLATE_RATIO + 4096) {
            throw PngChunks.corrupt(
                    path,
                    png.width + " x " + png.height + " pixels cannot come from " + png.idatBytes
                            + " bytes of image data");
        }
        byte[] raw = new byte[(int) rawBytes];
        inflate(path, bytes, png, raw);
        int bpp = Math.max(1, channels * png.bitDepth / 8);
        byte[] rows = new byte[(int) (rawBytes - png.height)];
        int badRow = PngUnfilter.unfilter(raw, rows, png.height, (int) rowBytes, bpp);
        if (badRow >= 0) {
            throw PngChunks.corrupt(
                    path, "unknown filter type " + (raw[badRow * ((int) rowBytes + 1)] & 0xFF) + " in row " + badRow);
        }
        return PngSamples.toDecodedImage(path, png, rows, (int) rowBytes);
    }

    private static boolean needsLibraryPath(PngChunks png) {
        return png.interlace != 0 || (png.transparency != null && png.colorType != 3) || png.idatSplit;
    }

    /** Inflates the IDAT payloads, one after the other without copying them, until {@code raw} is full. */
    private static void inflate(Path path, byte[] bytes, PngChunks png, byte[] raw) {
        Inflater inflater = new Inflater();
        try {
            int next = 0;
            int pos = 0;
            while (pos < raw.length) {
                if (inflater.needsInput()) {
                    if (next == png.idatCount) {
                        throw PngChunks.corrupt(path, "image data ends after " + pos + " of " + raw.length + " bytes");
                    }
                    inflater.setInput(bytes, png.idatOffsets[next], png.idatLengths[next]);
                    next++;
                    continue;
                }
                int n = inflater.inflate(raw, pos, raw.length - pos);
                pos += n;
                if (n == 0 && (inflater.finished() || inflater.needsDictionary())) {
                    throw PngChunks.corrupt(
                            path,
                            inflater.finished()
                                    ? "deflate stream ends after " + pos + " of " + raw.length + " bytes"
                                    : "deflate stream asks for a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            throw PngChunks.corrupt(path, "bad deflate data: " + e.getMessage());
        } finally {
            inflater.end();
        }
    }
}
