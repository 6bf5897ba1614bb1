package org.cleanrank;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cleanrank.io.NpyArray;

/** Test access to the committed golden files in {@code fixtures/golden}; tests never read outside the repository. */
public final class Fixtures {
    private Fixtures() {}

    public static Path golden(String first, String... more) {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isDirectory(root.resolve("fixtures/golden"))) {
            root = root.getParent();
        }
        if (root == null) {
            throw new IllegalStateException(
                    "fixtures/golden not found above " + Path.of("").toAbsolutePath());
        }
        return root.resolve("fixtures/golden").resolve(Path.of(first, more));
    }

    public static double[] doubles(Path p) {
        try (NpyArray a = NpyArray.open(p)) {
            double[] out = new double[(int) a.elementCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.getDouble(i);
            }
            return out;
        }
    }

    public static long[] longs(Path p) {
        try (NpyArray a = NpyArray.open(p)) {
            long[] out = new long[(int) a.elementCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = a.getLong(i);
            }
            return out;
        }
    }

    public static int[] ints(Path p) {
        long[] l = longs(p);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = Math.toIntExact(l[i]);
        }
        return out;
    }
}
