package org.cleanrank.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * What fitzpatrick17k.csv and CleanPatrick's consolidated table both hold for each image, collected row by row
 * in file order: the md5hash (unique in the file), the raw value of the labels column and the Fitzpatrick skin
 * type (-1 where the table has no skin-type column). The two tables name the labels column differently
 * ({@code label}, {@code granular_partition_label}); each accepts the other's name for its own.
 */
final class ImageRows {
    private final CsvTable table;
    private final int idCol;
    private final int labelCol;
    private final int fitzCol;
    private final CsvTable.UniqueIds unique;
    private final List<String> ids;
    private final String[] rawLabels;
    private final int[] fitzpatrick;

    /**
     * Finds the labels and skin-type columns and checks that the table has data rows.
     *
     * @param labelsColumn the labels column asked for; null = {@code ownLabels}
     * @param ownLabels this table's name of the labels column, also used where the table lacks {@code labelsColumn}
     *     and {@code labelsColumn} is {@code foreignLabels} (the other table's name of it)
     * @param expected what the file should be, for the message on a file without rows
     * @param fitzColumns the skin-type column's names, the preferred first; none present = every type -1
     */
    ImageRows(
            CsvTable t,
            int idCol,
            String labelsColumn,
            String ownLabels,
            String foreignLabels,
            String expected,
            String... fitzColumns) {
        this.table = t;
        this.idCol = idCol;
        String want = labelsColumn == null ? ownLabels : labelsColumn;
        int label = t.find(want);
        if (label < 0 && want.equals(foreignLabels)) {
            label = t.find(ownLabels);
        }
        this.labelCol = label < 0 ? t.column(want, "choose an existing column with the labelsColumn option") : label;
        int fitz = -1;
        for (int k = 0; k < fitzColumns.length && fitz < 0; k++) {
            fitz = t.find(fitzColumns[k]);
        }
        this.fitzCol = fitz;
        if (t.rows.isEmpty()) {
            throw t.error("no data rows", "expected " + expected);
        }
        int n = t.rows.size();
        this.unique = new CsvTable.UniqueIds(t, "md5hash");
        this.ids = new ArrayList<>(n);
        this.rawLabels = new String[n];
        this.fitzpatrick = new int[n];
    }

    int size() {
        return rawLabels.length;
    }

    /** Reads data row i's md5hash, label and skin type; returns the row, for the caller's other columns. */
    CsvTable.Row read(int i) {
        CsvTable.Row row = table.rows.get(i);
        List<String> v = row.values();
        String id = Md5.parse(v.get(idCol), table, row.line(), "md5hash");
        unique.add(id, row.line(), "remove the duplicate row (each image appears once)");
        ids.add(id);
        rawLabels[i] = v.get(labelCol);
        fitzpatrick[i] =
                fitzCol < 0 ? -1 : CsvValues.fitzpatrick(v.get(fitzCol), table, row.line(), table.header.get(fitzCol));
        return row;
    }

    /** The md5 hashes read, in row order. */
    List<String> ids() {
        return List.copyOf(ids);
    }

    /** The labels read, factorized under the column's header name. */
    SampleLabels labels() {
        return SampleLabels.factorize(table.header.get(labelCol), rawLabels);
    }

    /** The skin types read, -1 = unknown. */
    int[] fitzpatrick() {
        return fitzpatrick;
    }
}
