package org.cleanrank.io;

import java.nio.file.Path;

public final class NpyArrayTestAccess {
    private NpyArrayTestAccess() {}

    public static long[] longs(Path p) {
        try (NpyArray a = NpyArray.open(p)) {
            long[] out = new long[(int) a.elementCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.getLong(i);
            }
            return out;
        }
    }
}
