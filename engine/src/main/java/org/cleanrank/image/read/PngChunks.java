package org.cleanrank.image.read;

import java.nio.file.Path;
import java.util.zip.CRC32;
import org.cleanrank.CleanRankException;

/**
 * The chunk structure of a PNG file, read without copying: the header fields, the palette and tRNS bytes, and
 * where each IDAT payload lies in the file. Every chunk's CRC is verified; a bad CRC on a critical chunk is an
 * error (as libpng, and so {@code cv2.imread}, treats it), on an ancillary chunk the chunk is ignored (libpng's
 * default: warn and discard). Data after IEND is ignored, as libpng ignores it.
 */
final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int IHDR = type("IHDR"), PLTE = type("PLTE"), IDAT = type("IDAT"), IEND = type("IEND");
    private static final int TRNS = type("tRNS"), GAMA = type("gAMA"), ICCP = type("iCCP"), SRGB = type("sRGB");
    final int width, height, bitDepth, colorType, interlace;
    /** palette as stored (3 bytes an entry), or {@code null} */
    byte[] palette;
    /** the first tRNS chunk's bytes, or {@code null} */
    byte[] transparency;
    /** offsets into the file and lengths of the IDAT payloads, in file order */
    int[] idatOffsets = new int[4], idatLengths = new int[4];

    int idatCount;
    long idatBytes;
    /** IDAT chunks were interrupted by another chunk and resumed */
    boolean idatSplit;
    /** colour-management chunks, which Commons Imaging applies to the samples (libpng does not) */
    int gammaChunks, iccChunks, srgbChunks;

    /** The header fields from the IHDR data at {@code ihdr}. */
    private PngChunks(byte[] b, int ihdr) {
        width = int32(b, ihdr);
        height = int32(b, ihdr + 4);
        bitDepth = b[ihdr + 8] & 0xFF;
        colorType = b[ihdr + 9] & 0xFF;
        interlace = b[ihdr + 12] & 0xFF;
    }

    /** The one-line error for a damaged PNG, in the wording of every other decode error. */
    static CleanRankException corrupt(Path path, String what) {
        return new CleanRankException(path + ": corrupt or truncated PNG (" + what + "); re-export or remove it");
    }

    static PngChunks read(Path path, byte[] b) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (i >= b.length || b[i] != SIGNATURE[i]) {
                throw corrupt(path, "bad PNG signature");
            }
        }
        CRC32 crc = new CRC32();
        int pos = 8;
        PngChunks png = null;
        int lastType = 0;
        while (true) {
            if (b.length - pos < 12) {
                throw corrupt(path, "file ends inside a chunk header at byte " + pos + ", no IEND");
            }
            int length = int32(b, pos);
            int type = int32(b, pos + 4);
            if (length < 0 || length > b.length - pos - 12) {
                throw corrupt(path, "chunk " + name(type) + " at byte " + pos + " runs past the end of the file");
            }
            int data = pos + 8;
            crc.reset();
            crc.update(b, pos + 4, length + 4);
            boolean critical = (type & 0x2000_0000) == 0;
            boolean crcOk = (int) crc.getValue() == int32(b, data + length);
            if (!crcOk && critical) {
                throw corrupt(path, "bad CRC in chunk " + name(type) + " at byte " + pos);
            }
            if (png == null) {
                if (type != IHDR || length != 13) {
                    throw corrupt(path, "first chunk is " + name(type) + ", not a 13-byte IHDR");
                }
                png = new PngChunks(b, data);
                png.checkHeader(path, b[data + 10], b[data + 11]);
            } else if (type == IEND) {
                break;
            } else if (type == IDAT) {
                png.addIdat(data, length, lastType);
            } else if (type == PLTE) {
                if (png.palette != null || png.idatCount > 0 || length % 3 != 0 || length == 0 || length > 768) {
                    throw corrupt(path, "invalid or misplaced PLTE chunk");
                }
                png.palette = java.util.Arrays.copyOfRange(b, data, data + length);
            } else if (type == IHDR) {
                throw corrupt(path, "second IHDR chunk");
            } else if (critical) {
                throw corrupt(path, "unknown critical chunk " + name(type));
            } else if (type == TRNS && png.transparency == null) {
                png.transparency = java.util.Arrays.copyOfRange(b, data, data + length);
            } else if (type == GAMA) {
                png.gammaChunks++;
            } else if (type == ICCP) {
                png.iccChunks++;
            } else if (type == SRGB) {
                png.srgbChunks++;
            }
            lastType = type;
            pos = data + length + 4;
        }
        if (png.idatCount == 0) {
            throw corrupt(path, "no IDAT chunk (no image data)");
        }
        return png;
    }

    private void checkHeader(Path path, int compression, int filter) {
        boolean depthOk = switch (colorType) {
            case 0 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8 || bitDepth == 16;
            case 3 -> bitDepth == 1 || bitDepth == 2 || bitDepth == 4 || bitDepth == 8;
            case 2, 4, 6 -> bitDepth == 8 || bitDepth == 16;
            default -> false;
        };
        if (!depthOk) {
            throw corrupt(path, "invalid colour type " + colorType + " with bit depth " + bitDepth);
        }
        if (width <= 0 || height <= 0) {
            throw corrupt(
                    path, "invalid size " + Integer.toUnsignedString(width) + " x " + Integer.toUnsignedString(height));
        }
        if (compression != 0 || filter != 0 || interlace > 1) {
            throw corrupt(path, "unknown compression, filter or interlace method in IHDR");
        }
    }

    private void addIdat(int offset, int length, int lastType) {
        if (idatCount > 0 && lastType != IDAT) {
            idatSplit = true;
        }
        if (idatCount == idatOffsets.length) {
            idatOffsets = java.util.Arrays.copyOf(idatOffsets, idatCount * 2);
            idatLengths = java.util.Arrays.copyOf(idatLengths, idatCount * 2);
        }
        idatOffsets[idatCount] = offset;
        idatLengths[idatCount++] = length;
        idatBytes += length;
    }

    /** Samples per pixel of the colour type. */
    int channels() {
        return switch (colorType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
    }

    private static int int32(byte[] b, int i) {
        return (b[i] & 0xFF) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF);
    }

    private static int type(String name) {
        return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
    }

    /** A chunk type for messages: its four letters when they are letters, else hex. */
    private static String name(int type) {
        StringBuilder s = new StringBuilder(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            char c = (char) (type >>> shift & 0xFF);
            if (!Character.isLetter(c) || c > 'z') {
                return String.format("0x%08X", type);
            }
            s.append(c);
        }
        return s.toString();
    }
}
