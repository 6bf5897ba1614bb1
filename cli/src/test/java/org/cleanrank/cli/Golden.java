package org.cleanrank.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.cleanrank.io.NpyArray;

/** The committed golden files ({@code fixtures/golden}) for the CLI's tests, found from any module folder. */
public final class Golden {
    private Golden() {}

    /** {@code fixtures/golden/<first>/<more...>}. */
    public static Path path(String first, String... more) {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("fixtures/golden"))) {
            root = root.getParent();
        }
        return root.resolve("fixtures/golden").resolve(Path.of(first, more));
    }

    /** An integer .npy (labels, rankings, masks, truth) as ints. */
    public static int[] ints(Path p) {
        return Arrays.stream(NpyArray.readLongs(p)).mapToInt(Math::toIntExact).toArray();
    }
}
