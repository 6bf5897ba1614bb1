package org.cleanrank.image.read;

import java.nio.file.Path;

/**
 * Unfiltered PNG rows to {@link DecodedImage} samples, as the library path gives them: 8-bit samples as stored;
 * 1/2/4-bit gray scaled by {@code v * 255 / max} (libpng's expansion); 16-bit gray whole, 16-bit colour reduced
 * to its high byte (OpenCV's {@code >> 8}); palette indices expanded to RGB, or to RGBA when the file has a tRNS
 * chunk (alpha from tRNS, 255 past its end), which is what Commons Imaging hands over.
 */
final class PngSamples {
    private PngSamples() {}

    static DecodedImage toDecodedImage(Path path, PngChunks png, byte[] rows, int rowBytes) {
        int w = png.width, h = png.height;
        if (png.colorType == 3) {
            return palette(path, png, unpack(rows, rowBytes, w, h, png.bitDepth));
        }
        if (png.bitDepth == 16) {
            return png.colorType == 0 ? gray16(path, w, h, rows) : image(path, w, h, png.channels(), highBytes(rows));
        }
        if (png.bitDepth < 8) {
            byte[] gray = unpack(rows, rowBytes, w, h, png.bitDepth);
            int max = (1 << png.bitDepth) - 1;
            byte[] scale = new byte[max + 1];
            for (int v = 0; v <= max; v++) {
                scale[v] = (byte) (v * 255 / max);
            }
            for (int i = 0; i < gray.length; i++) {
                gray[i] = scale[gray[i]];
            }
            return image(path, w, h, 1, gray);
        }
        return image(path, w, h, png.channels(), rows);
    }

    private static DecodedImage image(Path path, int w, int h, int channels, byte[] samples) {
        PixelFormat pf = switch (channels) {
            case 1 -> PixelFormat.GRAY8;
            case 2 -> PixelFormat.GRAY_ALPHA8;
            case 3 -> PixelFormat.RGB8;
            default -> PixelFormat.RGBA8;
        };
        return new DecodedImage(path, "png", w, h, pf, samples, null, null, 1);
    }

    private static DecodedImage gray16(Path path, int w, int h, byte[] rows) {
        short[] s = new short[w * h];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) ((rows[2 * i] & 0xFF) << 8 | (rows[2 * i + 1] & 0xFF));
        }
        return new DecodedImage(path, "png", w, h, PixelFormat.GRAY16, null, s, null, 1);
    }

    /** The high byte of every big-endian 16-bit sample. */
    private static byte[] highBytes(byte[] rows) {
        byte[] out = new byte[rows.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows[2 * i];
        }
        return out;
    }

    /** One sample a pixel, 0..2^bitDepth - 1, from rows packed most significant bits first (or 8-bit rows). */
    private static byte[] unpack(byte[] rows, int rowBytes, int w, int h, int bitDepth) {
        if (bitDepth == 8) {
            return rows;
        }
        byte[] out = new byte[w * h];
        int mask = (1 << bitDepth) - 1;
        int perByte = 8 / bitDepth;
        for (int y = 0; y < h; y++) {
            int r = y * rowBytes, o = y * w;
            for (int x = 0; x < w; x++) {
                int shift = 8 - bitDepth * (x % perByte + 1);
                out[o + x] = (byte) ((rows[r + x / perByte] >> shift) & mask);
            }
        }
        return out;
    }

    private static DecodedImage palette(Path path, PngChunks png, byte[] indices) {
        if (png.palette == null) {
            throw PngChunks.corrupt(path, "palette image without a PLTE chunk");
        }
        byte[] plte = png.palette;
        byte[] trns = png.transparency;
        int entries = plte.length / 3;
        int channels = trns != null ? 4 : 3;
        // one table of 256 entries, so that no index needs a bounds check; out-of-range ones are found below
        byte[] table = new byte[256 * channels];
        for (int i = 0; i < entries; i++) {
            table[i * channels] = plte[3 * i];
            table[i * channels + 1] = plte[3 * i + 1];
            table[i * channels + 2] = plte[3 * i + 2];
            if (trns != null) {
                table[i * channels + 3] = i < trns.length ? trns[i] : (byte) 255;
            }
        }
        byte[] out = new byte[indices.length * channels];
        int maxIndex = 0;
        for (int i = 0, o = 0; i < indices.length; i++, o += channels) {
            int idx = indices[i] & 0xFF;
            maxIndex = Math.max(maxIndex, idx);
            int t = idx * channels;
            out[o] = table[t];
            out[o + 1] = table[t + 1];
            out[o + 2] = table[t + 2];
            if (channels == 4) {
                out[o + 3] = table[t + 3];
            }
        }
        if (maxIndex >= entries) {
            throw PngChunks.corrupt(
                    path, "a pixel refers to palette entry " + maxIndex + " of a " + entries + "-entry palette");
        }
        return image(path, png.width, png.height, channels, out);
    }
}
