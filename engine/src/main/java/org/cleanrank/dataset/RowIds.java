package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cleanrank.CleanRankException;

/**
 * The id of every embedding row, so that rows are matched by id rather than by position: an ids CSV with
 * a header and one row per embedding row, in row order; the ids are in the column {@code id}, else
 * {@code md5hash}, else the only column. Ids are any non-empty strings (file names included), compared as
 * written (surrounding spaces removed), and must be unique.
 *
 * <p>Labels can then be given keyed by id ({@link #joinLabels}): a CSV with the columns {@code id} (or
 * {@code md5hash}) and {@code label}, in any order. Every row must get exactly one label: ids without a
 * label, labels for unknown ids and ids labelled twice are reported together on one line, with counts and
 * examples ({@link DatasetMismatch}).
 */
public final class RowIds {
    private final List<String> ids;
    private final Object2IntOpenHashMap<String> rowOf;

    private RowIds(List<String> ids, Object2IntOpenHashMap<String> rowOf) {
        this.ids = ids;
        this.rowOf = rowOf;
    }

    /** Reads the ids of {@code rows} embedding rows from {@code csv}. */
    public static RowIds read(Path csv, int rows) {
        CsvTable t = CsvTable.read(csv, "a header (id, md5hash or a single column) and one id per embedding row");
        int col = idColumn(t, "id", "name the id column 'id', or give a single column");
        if (t.rows.size() != rows) {
            throw t.error(
                    t.rows.size() + " ids for " + rows + " embedding rows",
                    "give exactly one id per embedding row, in row order");
        }
        List<String> ids = new ArrayList<>(rows);
        Object2IntOpenHashMap<String> rowOf = new Object2IntOpenHashMap<>(rows);
        rowOf.defaultReturnValue(-1);
        DatasetMismatch.Tally empty = new DatasetMismatch.Tally("empty ids");
        DatasetMismatch.Tally twice = new DatasetMismatch.Tally("ids given to more than one row");
        for (int r = 0; r < rows; r++) {
            CsvTable.Row row = t.rows.get(r);
            String id = row.values().get(col).strip();
            ids.add(id);
            if (id.isEmpty()) {
                empty.add("line " + row.line());
            } else {
                int before = rowOf.putIfAbsent(id, r);
                if (before >= 0) {
                    twice.add(CsvTable.show(id) + " (rows " + before + ", " + r + ")");
                }
            }
        }
        DatasetMismatch m = new DatasetMismatch(
                "ids",
                rows,
                rows - empty.count() - twice.count(),
                empty.issue(),
                new DatasetMismatch.Tally("(none)").issue(),
                twice.issue(),
                new DatasetMismatch.Tally("(content not checked)").issue());
        if (!m.isEmpty()) {
            throw t.error(m.summary(), "give every embedding row its own id");
        }
        return new RowIds(List.copyOf(ids), rowOf);
    }

    /** Ids already in hand (file names, say), one per row; they must be unique and non-empty. */
    public static RowIds of(List<String> ids) {
        Object2IntOpenHashMap<String> rowOf = new Object2IntOpenHashMap<>(ids.size());
        rowOf.defaultReturnValue(-1);
        for (int r = 0; r < ids.size(); r++) {
            if (ids.get(r).isEmpty() || rowOf.putIfAbsent(ids.get(r), r) >= 0) {
                throw new IllegalArgumentException("row " + r + ": empty or repeated id " + ids.get(r));
            }
        }
        return new RowIds(List.copyOf(ids), rowOf);
    }

    /**
     * The ids of rows given in row order by another source (e.g. an id column of a Parquet table); they
     * must be unique and not empty.
     *
     * @param source names the source in the error message
     */
    public static RowIds of(List<String> ids, String source) {
        Object2IntOpenHashMap<String> rowOf = new Object2IntOpenHashMap<>(ids.size());
        rowOf.defaultReturnValue(-1);
        for (int r = 0; r < ids.size(); r++) {
            String id = ids.get(r);
            if (id == null || id.isEmpty()) {
                throw new CleanRankException(source + ": row " + r + " has no id; give every embedding row its own id");
            }
            int before = rowOf.putIfAbsent(id, r);
            if (before >= 0) {
                throw new CleanRankException(source + ": id " + CsvTable.show(id) + " is given to more than one row ("
                        + before + ", " + r + "); give every embedding row its own id");
            }
        }
        return new RowIds(List.copyOf(ids), rowOf);
    }

    /**
     * The id column of an ids table: {@code id}, else {@code md5hash}, else the only column; otherwise an
     * error saying that column {@code expected} is missing, naming the header and {@code fix}.
     */
    static int idColumn(CsvTable t, String expected, String fix) {
        int col = t.find("id");
        if (col < 0) {
            col = t.find("md5hash");
        }
        if (col < 0 && t.header.size() == 1) {
            col = 0;
        }
        return col >= 0 ? col : t.column(expected, fix);
    }

    public int size() {
        return ids.size();
    }

    /** The id of embedding row {@code row}. */
    public String id(int row) {
        return ids.get(row);
    }

    /** The row of an id, or -1. */
    public int rowOf(String id) {
        return rowOf.getInt(id);
    }

    /**
     * Labels keyed by id, joined to the rows: label codes (numbered in order of first appearance, in row
     * order) one per embedding row. Any id without a label, label for an unknown id, or id labelled twice is
     * one error line with the counts and examples.
     */
    public int[] joinLabels(Path csv) {
        Object2IntLinkedOpenHashMap<String> codes = new Object2IntLinkedOpenHashMap<>();
        return Arrays.stream(joinLabelNames(csv))
                .mapToInt(v -> codes.computeIfAbsent(v, k -> codes.size()))
                .toArray();
    }

    /** Labels keyed by id, joined to the rows as written (the names {@link #joinLabels} numbers), with its checks. */
    public String[] joinLabelNames(Path csv) {
        CsvTable t = CsvTable.read(csv, "a header id,label and one row per id");
        int idCol = t.find("id") >= 0 ? t.find("id") : t.find("md5hash");
        if (idCol < 0) {
            t.column("id", "give the columns id,label (labels keyed by id), or labels in row order without --ids");
        }
        int labelCol = t.column("label", "give the columns id,label");
        String[] labelOfRow = new String[ids.size()];
        DatasetMismatch.Tally unknown = new DatasetMismatch.Tally("labels for ids not in the ids file");
        DatasetMismatch.Tally twice = new DatasetMismatch.Tally("ids labelled more than once");
        for (CsvTable.Row row : t.rows) {
            String id = row.values().get(idCol).strip();
            int r = rowOf(id);
            if (r < 0) {
                unknown.add(CsvTable.show(id) + " (line " + row.line() + ")");
            } else if (labelOfRow[r] != null) {
                twice.add(CsvTable.show(id) + " (line " + row.line() + ")");
            } else {
                labelOfRow[r] = row.values().get(labelCol).strip();
            }
        }
        DatasetMismatch.Tally missing = new DatasetMismatch.Tally("ids without a label");
        for (int r = 0; r < labelOfRow.length; r++) {
            if (labelOfRow[r] == null) {
                missing.add(CsvTable.show(ids.get(r)));
            }
        }
        DatasetMismatch m = new DatasetMismatch(
                "labels",
                ids.size(),
                ids.size() - missing.count(),
                missing.issue(),
                unknown.issue(),
                twice.issue(),
                new DatasetMismatch.Tally("(content not checked)").issue());
        if (!m.isEmpty()) {
            throw new CleanRankException(csv + ": " + m.summary() + "; give exactly one label per id");
        }
        return labelOfRow;
    }

    /** True when {@code csv}'s header has an id column and a label column (labels keyed by id). */
    public static boolean isKeyedLabels(Path csv) {
        if (csv.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".npy")) {
            return false;
        }
        CsvTable t = CsvTable.read(csv, "a header and one label per row", 0);
        return (t.find("id") >= 0 || t.find("md5hash") >= 0) && t.find("label") >= 0;
    }
}
