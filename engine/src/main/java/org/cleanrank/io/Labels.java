package org.cleanrank.io;

import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.CleanRankException;

/**
 * Class labels, one per embedding row, as small integer codes (only equality matters to the detectors).
 * From {@code .npy} (integer, 1-D) or CSV with a header: the column {@code label}, else the only
 * column, else the last one; values are compared as trimmed strings.
 */
public final class Labels {
    private Labels() {}

    /** Loads labels and checks there is exactly one per sample. */
    public static int[] load(Path path, int expectedN) {
        int[] codes = path.getFileName().toString().toLowerCase().endsWith(".npy") ? fromNpy(path) : fromCsv(path);
        if (codes.length != expectedN) {
            throw new CleanRankException(path + ": " + codes.length + " labels for " + expectedN
                    + " embedding rows; give exactly one label per row, in row order");
        }
        return codes;
    }

    /**
     * Labels that index the columns of a predicted-probability matrix (cleanlab's convention: the given
     * label of sample i is column labels[i]), read as they are, not re-coded: integers in [0, classes).
     */
    public static int[] loadClassIndices(Path path, int expectedN, int classes) {
        long[] raw;
        if (path.getFileName().toString().toLowerCase().endsWith(".npy")) {
            try (NpyArray a = NpyArray.open(path)) {
                long[] shape = a.shape();
                if (shape.length != 1 && !(shape.length == 2 && shape[1] == 1)) {
                    throw new CleanRankException(
                            path + ": labels must be 1-D, got shape " + java.util.Arrays.toString(shape));
                }
                if (!a.dtype().isInteger()) {
                    throw new CleanRankException(path + ": labels must be integers (class indices), got " + a.dtype());
                }
                raw = new long[(int) shape[0]];
                for (int i = 0; i < raw.length; i++) {
                    raw[i] = a.getLong(i);
                }
            }
        } else {
            throw new CleanRankException(path + ": class-index labels must be an integer .npy (values 0..C-1)");
        }
        if (raw.length != expectedN) {
            throw new CleanRankException(path + ": " + raw.length + " labels for " + expectedN
                    + " rows; give exactly one label per row, in row order");
        }
        int[] out = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] < 0 || raw[i] >= classes) {
                throw new CleanRankException(path + ": label " + raw[i] + " at row " + i + " is not a class index"
                        + (classes == Integer.MAX_VALUE
                                ? " (negative)"
                                : " of the " + classes + "-class probabilities; labels must be 0.." + (classes - 1)));
            }
            out[i] = (int) raw[i];
        }
        return out;
    }

    /** Number of distinct codes. */
    public static int distinct(int[] codes) {
        return (int) java.util.Arrays.stream(codes).distinct().count();
    }

    static int[] fromNpy(Path path) {
        try (NpyArray a = NpyArray.open(path)) {
            long[] shape = a.shape();
            boolean column = shape.length == 2 && shape[1] == 1;
            if (shape.length != 1 && !column) {
                throw new CleanRankException(
                        path + ": labels must be 1-D, got shape " + java.util.Arrays.toString(shape));
            }
            if (!a.dtype().isInteger()) {
                throw new CleanRankException(
                        path + ": labels must be integers, got " + a.dtype() + "; use a CSV for text labels");
            }
            int n = (int) shape[0];
            long[] raw = new long[n];
            for (int i = 0; i < n; i++) {
                raw[i] = a.getLong(i);
            }
            it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap map = new it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap();
            int[] codes = new int[n];
            for (int i = 0; i < n; i++) {
                codes[i] = map.computeIfAbsent(raw[i], k -> map.size());
            }
            return codes;
        }
    }

    static int[] fromCsv(Path path) {
        try (CSVParser p = HeaderCsv.open(path)) {
            List<String> header = p.getHeaderNames();
            if (header.isEmpty()) {
                throw new CleanRankException(path + ": empty CSV; expected a header and one label per row");
            }
            String col = header.contains("label") ? "label" : header.get(header.size() - 1);
            Object2IntLinkedOpenHashMap<String> map = new Object2IntLinkedOpenHashMap<>();
            it.unimi.dsi.fastutil.ints.IntArrayList codes = new it.unimi.dsi.fastutil.ints.IntArrayList();
            for (CSVRecord rec : p) {
                if (!rec.isSet(col)) {
                    throw new CleanRankException(
                            path + ": line " + p.getCurrentLineNumber() + " has no '" + col + "' value");
                }
                String v = rec.get(col);
                codes.add(map.computeIfAbsent(v, k -> map.size()));
            }
            return codes.toIntArray();
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new CleanRankException(path + ": cannot read labels CSV (" + e.getMessage() + ")", e);
        } catch (java.io.UncheckedIOException e) {
            throw new CleanRankException(
                    path + ": malformed CSV (" + e.getCause().getMessage() + ")", e);
        }
    }
}
