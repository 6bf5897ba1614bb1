package org.cleanrank.image.read;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A minimal PNG encoder for tests: it writes exactly the chunks, filter types and IDAT splits asked for, so that
 * every filter, colour type, bit depth and chunk layout can be made on purpose (ImageIO's writer chooses its own).
 */
final class TestPngWriter {
    private final int width, height, colorType, bitDepth;
    private final byte[] rows;
    private int[] filters = {0};
    private int idatChunks = 1;
    private final List<byte[]> beforeIdat = new ArrayList<>();

    /** @param rows unfiltered rows, packed as PNG stores them, {@link #rowBytes} each */
    TestPngWriter(int width, int height, int colorType, int bitDepth, byte[] rows) {
        this.width = width;
        this.height = height;
        this.colorType = colorType;
        this.bitDepth = bitDepth;
        this.rows = rows;
        if (rows.length != height * rowBytes(width, colorType, bitDepth)) {
            throw new IllegalArgumentException("rows hold " + rows.length + " bytes");
        }
    }

    static int channels(int colorType) {
        return switch (colorType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
    }

    static int rowBytes(int width, int colorType, int bitDepth) {
        return (width * channels(colorType) * bitDepth + 7) / 8;
    }

    /** Filter types used row after row, cycling. */
    TestPngWriter filters(int... types) {
        filters = types;
        return this;
    }

    /** Splits the deflate stream over this many IDAT chunks. */
    TestPngWriter idatChunks(int n) {
        idatChunks = n;
        return this;
    }

    /** Adds a chunk between IHDR and IDAT. */
    TestPngWriter chunk(String type, byte[] data) {
        beforeIdat.add(chunkBytes(type, data));
        return this;
    }

    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = new byte[13];
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        ihdr[8] = (byte) bitDepth;
        ihdr[9] = (byte) colorType;
        out.writeBytes(chunkBytes("IHDR", ihdr));
        beforeIdat.forEach(out::writeBytes);
        byte[] z = deflate(filtered());
        int step = Math.max(1, (z.length + idatChunks - 1) / idatChunks);
        for (int i = 0; i < idatChunks; i++) {
            int from = Math.min(z.length, i * step), to = Math.min(z.length, from + step);
            out.writeBytes(chunkBytes("IDAT", Arrays.copyOfRange(z, from, i == idatChunks - 1 ? z.length : to)));
        }
        out.writeBytes(chunkBytes("IEND", new byte[0]));
        return out.toByteArray();
    }

    private byte[] filtered() {
        int rb = rowBytes(width, colorType, bitDepth);
        int bpp = Math.max(1, channels(colorType) * bitDepth / 8);
        byte[] f = new byte[height * (rb + 1)];
        for (int y = 0; y < height; y++) {
            int type = filters[y % filters.length];
            f[y * (rb + 1)] = (byte) type;
            for (int i = 0; i < rb; i++) {
                int x = rows[y * rb + i] & 0xFF;
                int a = i >= bpp ? rows[y * rb + i - bpp] & 0xFF : 0;
                int b = y > 0 ? rows[(y - 1) * rb + i] & 0xFF : 0;
                int c = i >= bpp && y > 0 ? rows[(y - 1) * rb + i - bpp] & 0xFF : 0;
                int predicted = switch (type) {
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    case 4 -> paeth(a, b, c);
                    default -> 0;
                };
                f[y * (rb + 1) + 1 + i] = (byte) (x - predicted);
            }
        }
        return f;
    }

    /** The PNG specification's Paeth predictor, written as the specification states it. */
    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(6);
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    static byte[] chunkBytes(String type, byte[] data) {
        byte[] c = new byte[data.length + 12];
        putInt(c, 0, data.length);
        System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, c, 4, 4);
        System.arraycopy(data, 0, c, 8, data.length);
        fixCrc(c, 0);
        return c;
    }

    /** Recomputes the CRC of the chunk starting at {@code pos} (after its data has been changed on purpose). */
    static void fixCrc(byte[] png, int pos) {
        int length = (png[pos] & 0xFF) << 24
                | (png[pos + 1] & 0xFF) << 16
                | (png[pos + 2] & 0xFF) << 8
                | (png[pos + 3] & 0xFF);
        CRC32 crc = new CRC32();
        crc.update(png, pos + 4, length + 4);
        putInt(png, pos + 8 + length, (int) crc.getValue());
    }

    static void putInt(byte[] b, int i, int v) {
        b[i] = (byte) (v >>> 24);
        b[i + 1] = (byte) (v >>> 16);
        b[i + 2] = (byte) (v >>> 8);
        b[i + 3] = (byte) v;
    }
}
