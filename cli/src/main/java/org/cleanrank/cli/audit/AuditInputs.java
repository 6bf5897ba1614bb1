package org.cleanrank.cli.audit;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cleanrank.CleanRankException;
import org.cleanrank.dataset.RowIds;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.Labels;

/**
 * Reads an audit's inputs and lines them up on the image files: embedding rows are matched to files by
 * {@code --ids} (an id is a file name, with or without its extension) or, without ids, taken in file-name
 * order (then the counts must agree); labels keyed by id (or by file name without {@code --ids}) are joined,
 * labels without ids follow the embedding rows (or the file names). Every mismatch is one error line.
 */
public final class AuditInputs {
    private AuditInputs() {}

    /** How many examples a mismatch line names. */
    private static final int EXAMPLES = 3;

    public static AuditSamples load(Path imageDir, Path embeddings, Path idsCsv, Path labelsFile) {
        List<Path> files = ImageFolder.list(imageDir);
        int n = files.size();
        Path[] images = files.toArray(Path[]::new);
        String[] names = files.stream().map(p -> p.getFileName().toString()).toArray(String[]::new);
        if (idsCsv != null && embeddings == null) {
            throw new CleanRankException("--ids " + idsCsv + " names embedding rows; give --embeddings E.npy with it");
        }
        String[] ids = names.clone();
        FloatMatrix x = null;
        int[] rowOfSample = null;
        String order = "no embeddings";
        if (embeddings != null) {
            FloatMatrix all = FloatMatrix.load(embeddings);
            if (idsCsv != null) {
                RowIds rowIds = RowIds.read(idsCsv, all.rows());
                rowOfSample = matchIds(rowIds, names, idsCsv, imageDir);
                for (int i = 0; i < n; i++) {
                    ids[i] = rowIds.id(rowOfSample[i]);
                }
                order = "embedding rows matched to image files by id (" + idsCsv.getFileName() + ")";
            } else {
                if (all.rows() != n) {
                    throw new CleanRankException(embeddings + ": " + all.rows() + " rows for " + n + " image files in "
                            + imageDir + "; give --ids IDS.csv (the file name of each row) or one row per image,"
                            + " in file-name order");
                }
                rowOfSample = new int[n];
                Arrays.setAll(rowOfSample, i -> i);
                order = "no --ids: assumed embedding row k is the k-th image file in file-name order (" + names[0]
                        + " first)";
            }
            float[] data = new float[n * all.cols()];
            for (int i = 0; i < n; i++) {
                System.arraycopy(all.data(), rowOfSample[i] * all.cols(), data, i * all.cols(), all.cols());
            }
            x = new FloatMatrix(n, all.cols(), data);
        }
        String[] labels = labelsFile == null ? null : labels(labelsFile, ids, rowOfSample, embeddings != null);
        return new AuditSamples(images, ids, x, labels, order);
    }

    /** The embedding row of each image; an id names a file by its full name or its name without extension. */
    static int[] matchIds(RowIds rowIds, String[] names, Path idsCsv, Path imageDir) {
        Object2IntOpenHashMap<String> sampleOf = new Object2IntOpenHashMap<>();
        sampleOf.defaultReturnValue(-1);
        Object2IntOpenHashMap<String> stems = new Object2IntOpenHashMap<>();
        stems.defaultReturnValue(-1);
        for (int i = 0; i < names.length; i++) {
            sampleOf.put(names[i], i);
            int dot = names[i].lastIndexOf('.');
            String stem = dot > 0 ? names[i].substring(0, dot) : names[i];
            // a stem shared by two files (a.jpg, a.png) names neither
            stems.put(stem, stems.containsKey(stem) ? -2 : i);
        }
        int[] rowOf = new int[names.length];
        Arrays.fill(rowOf, -1);
        List<String> unknown = new ArrayList<>();
        for (int r = 0; r < rowIds.size(); r++) {
            String id = rowIds.id(r);
            int i = sampleOf.getInt(id);
            if (i < 0) {
                i = stems.getInt(id);
            }
            if (i < 0 || rowOf[i] >= 0) {
                unknown.add(id);
            } else {
                rowOf[i] = r;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (rowOf[i] < 0) {
                missing.add(names[i]);
            }
        }
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new CleanRankException(idsCsv + ": " + unknown.size() + " ids name no image file in " + imageDir
                    + examples(unknown) + ", " + missing.size() + " image files have no embedding row"
                    + examples(missing) + "; give one id per image (its file name, with or without extension)");
        }
        return rowOf;
    }

    private static String[] labels(Path file, String[] ids, int[] rowOfSample, boolean byRow) {
        if (RowIds.isKeyedLabels(file)) {
            return RowIds.of(List.of(ids)).joinLabelNames(file);
        }
        // one label per embedding row (or per file in name order without embeddings), by position
        int n = ids.length;
        int[] codes = Labels.load(file, n);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = String.valueOf(codes[byRow ? rowOfSample[i] : i]);
        }
        return out;
    }

    private static String examples(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        return " (e.g. " + String.join(", ", items.subList(0, Math.min(EXAMPLES, items.size()))) + ")";
    }
}
