package org.cleanrank.image;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.Fixtures;
import org.cleanrank.io.NpyArray;

/**
 * Test access to the golden image set (fixtures/golden/images) shared by the OpenCV-side, Pillow-side and
 * reader tests: the file order, the expected hashes and the reference's intermediate stage arrays.
 */
public final class GoldenImages {
    private GoldenImages() {}

    /** {@code fixtures/golden/images/<more...>}. */
    public static Path path(String... more) {
        return Fixtures.golden("images", more);
    }

    /** File names in order.txt order. */
    public static List<String> order() {
        return Fixtures.goldenImageOrder();
    }

    /** The PNG files, in order.txt order. */
    public static List<String> pngs() {
        return order().stream().filter(f -> f.endsWith(".png")).toList();
    }

    /** expected_hashes.csv rows by file name, in file order (columns by header name, e.g. opencv_phash_gray). */
    public static Map<String, CSVRecord> expectedHashes() {
        try (Reader r = Files.newBufferedReader(path("expected_hashes.csv"))) {
            Map<String, CSVRecord> out = new LinkedHashMap<>();
            for (CSVRecord rec : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                out.put(rec.get("file"), rec);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code check} on every image of expected_hashes.csv (file name, its row), in file order; returns how many. */
    public static int forEachExpectedHash(BiConsumer<String, CSVRecord> check) {
        Map<String, CSVRecord> rows = expectedHashes();
        rows.forEach(check);
        return rows.size();
    }

    /**
     * The reference's uint8 (h, w) stage array {@code stages/<file>.<suffix>.npy} as a gray raster, or null where
     * the reference wrote none for that file.
     */
    public static Raster8 grayStage(String file, String suffix) {
        Path p = path("stages", file + "." + suffix + ".npy");
        if (!Files.exists(p)) {
            return null;
        }
        try (NpyArray a = NpyArray.open(p)) {
            long[] shape = a.shape();
            if (shape.length != 2 || !a.dtype().toString().equals("|u1")) {
                throw new IllegalStateException(
                        p + ": expected 2-D uint8, got " + a.dtype() + " " + shape.length + "-D");
            }
            int h = (int) shape[0];
            int w = (int) shape[1];
            byte[] d = new byte[w * h];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) a.getLong(i);
            }
            return Raster8.gray(w, h, d);
        }
    }
}
