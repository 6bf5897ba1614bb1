package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Fitzpatrick17k and CleanPatrick name every image by the md5 of its file bytes ({@code md5hash}, 32
 * hex digits). Hashes are compared in lower case: the releases write them so, and an upper-case copy
 * (e.g. from a case-insensitive file system) names the same image.
 */
public final class Md5 {
    private Md5() {}

    /** True for exactly 32 hex digits (either case). */
    public static boolean isMd5(String s) {
        if (s.length() != 32) {
            return false;
        }
        for (int k = 0; k < 32; k++) {
            char c = s.charAt(k);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    /** The trimmed, lower-case hash of a CSV field, or an error naming the file, line and column. */
    static String parse(String raw, CsvTable table, long line, String column) {
        String s = raw.strip();
        if (!isMd5(s)) {
            throw table.error(
                    line,
                    CsvTable.show(raw) + " in column " + column + " is not an md5hash (32 hex digits)",
                    "write the image's md5 hash there (check the column order and stray characters)");
        }
        return s.toLowerCase(Locale.ROOT);
    }

    /** Hex of a digest, lower case. */
    static String hex(byte[] digest) {
        StringBuilder sb = new StringBuilder(digest.length * 2);
        for (byte b : digest) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /** Position of each hash (lower-cased) in {@code ids}; -1 for a hash not there. */
    static Object2IntOpenHashMap<String> index(List<String> ids) {
        Object2IntOpenHashMap<String> index = new Object2IntOpenHashMap<>(ids.size());
        index.defaultReturnValue(-1);
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i).toLowerCase(Locale.ROOT), i);
        }
        return index;
    }
}
