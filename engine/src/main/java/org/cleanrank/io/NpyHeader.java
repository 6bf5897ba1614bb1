package org.cleanrank.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cleanrank.CleanRankException;

/** The parsed header of a {@code .npy} file (format versions 1, 2 and 3). */
record NpyHeader(NpyDtype dtype, long[] shape, long dataOffset) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    long elementCount() {
        long c = 1;
        for (long s : shape) {
            c = Math.multiplyExact(c, s);
        }
        return c;
    }

    static NpyHeader parse(Path path, MemorySegment seg, long size) {
        if (size < 10) {
            throw notNpy(path, "file is only " + size + " bytes");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (seg.get(ValueLayout.JAVA_BYTE, i) != MAGIC[i]) {
                throw notNpy(path, "it does not start with the NumPy magic bytes");
            }
        }
        int major = seg.get(ValueLayout.JAVA_BYTE, 6);
        long headerLen;
        long start;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(
                    seg.get(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8));
            start = 10;
        } else if (major == 2 || major == 3) {
            if (size < 12) {
                throw notNpy(path, "truncated header");
            }
            headerLen = Integer.toUnsignedLong(
                    seg.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 8));
            start = 12;
        } else {
            throw new CleanRankException(path + ": .npy format version " + major
                    + " is not supported (1, 2 and 3 are); re-save with numpy.save");
        }
        if (start + headerLen > size) {
            throw notNpy(path, "truncated header");
        }
        byte[] hb = seg.asSlice(start, headerLen).toArray(ValueLayout.JAVA_BYTE);
        String h = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(h);
        Matcher f = FORTRAN.matcher(h);
        Matcher s = SHAPE.matcher(h);
        if (!d.find() || !f.find() || !s.find()) {
            throw notNpy(path, "its header lacks descr, fortran_order or shape");
        }
        if (f.group(1).equals("True")) {
            throw new CleanRankException(
                    path
                            + ": Fortran-order arrays are not supported; save with numpy.save(path, numpy.ascontiguousarray(a))");
        }
        NpyDtype dtype = parseDtype(path, d.group(1));
        List<Long> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                try {
                    dims.add(Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t));
                } catch (NumberFormatException e) {
                    throw notNpy(path, "bad shape '" + s.group(1) + "'");
                }
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return new NpyHeader(dtype, shape, start + headerLen);
    }

    private static NpyDtype parseDtype(Path path, String descr) {
        if (descr.length() < 3) {
            throw unsupported(path, descr);
        }
        char o = descr.charAt(0);
        char kind = descr.charAt(1);
        int size;
        try {
            size = Integer.parseInt(descr.substring(2));
        } catch (NumberFormatException e) {
            throw unsupported(path, descr);
        }
        ByteOrder order = switch (o) {
            case '<', '|', '=' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> throw unsupported(path, descr);
        };
        boolean ok = switch (kind) {
            case 'f' -> size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            default -> false;
        };
        if (!ok) {
            throw unsupported(path, descr);
        }
        return new NpyDtype(kind, size, order);
    }

    private static CleanRankException unsupported(Path path, String descr) {
        return new CleanRankException(
                path + ": dtype '" + descr
                        + "' is not supported (float32/float64 embeddings, integer labels); convert with a.astype(numpy.float32)");
    }

    private static CleanRankException notNpy(Path path, String why) {
        return new CleanRankException(path + ": not a .npy file (" + why + "); save the array with numpy.save");
    }
}
