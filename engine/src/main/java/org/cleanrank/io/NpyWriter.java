package org.cleanrank.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleanrank.CleanRankException;

/** Writes little-endian, C-order {@code .npy} files (format 1.0), atomically (temp file, then rename). */
public final class NpyWriter {
    private NpyWriter() {}

    public static void writeFloat32(Path path, float[] data, long... shape) {
        write(path, "<f4", shape, out -> {
            for (float v : data) {
                out.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(v)));
            }
        });
    }

    public static void writeFloat64(Path path, double[] data, long... shape) {
        write(path, "<f8", shape, out -> {
            for (double v : data) {
                out.writeLong(Long.reverseBytes(Double.doubleToRawLongBits(v)));
            }
        });
    }

    public static void writeInt64(Path path, long[] data, long... shape) {
        write(path, "<i8", shape, out -> {
            for (long v : data) {
                out.writeLong(Long.reverseBytes(v));
            }
        });
    }

    public static void writeInt32(Path path, int[] data, long... shape) {
        write(path, "<i4", shape, out -> {
            for (int v : data) {
                out.writeInt(Integer.reverseBytes(v));
            }
        });
    }

    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    private static void write(Path path, String descr, long[] shape, Body body) {
        StringBuilder s = new StringBuilder("(");
        for (long d : shape) {
            s.append(d).append(", ");
        }
        if (shape.length > 1) {
            s.setLength(s.length() - 2);
        } else if (shape.length == 1) {
            s.setLength(s.length() - 1);
        }
        s.append(')');
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + s + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        Path tmp = path.resolveSibling(path.getFileName() + ".part");
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            try (OutputStream os = Files.newOutputStream(tmp);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
                out.writeShort(Short.reverseBytes((short) header.length()));
                out.write(header.getBytes(StandardCharsets.ISO_8859_1));
                body.write(out);
            }
            Files.move(
                    tmp,
                    path,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original error is the one to report
            }
            throw new CleanRankException(path + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
