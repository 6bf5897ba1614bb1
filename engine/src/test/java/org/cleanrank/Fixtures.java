package org.cleanrank;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
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

    /** The golden image set's file names in {@code fixtures/golden/images/order.txt} order. */
    public static List<String> goldenImageOrder() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(golden("images", "order.txt"))) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] doubles(Path p) {
        return NpyArray.readDoubles(p);
    }

    public static long[] longs(Path p) {
        return NpyArray.readLongs(p);
    }

    public static int[] ints(Path p) {
        long[] l = longs(p);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = Math.toIntExact(l[i]);
        }
        return out;
    }

    /** n rows of d standard Gaussian values, drawn row by row from {@code rnd} and rounded to float. */
    public static float[][] gaussianRows(int n, int d, RandomGenerator rnd) {
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int k = 0; k < d; k++) {
                row[k] = (float) rnd.nextGaussian();
            }
        }
        return rows;
    }
}
