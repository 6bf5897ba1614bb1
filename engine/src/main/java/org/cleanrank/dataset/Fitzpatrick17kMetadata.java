package org.cleanrank.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fitzpatrick17k's metadata table ({@code fitzpatrick17k.csv}), which fixes the sample order and the labels
 * of CleanPatrick's three-file release: the reader's {@code meta_data} is this file in row order
 * ({@code read_csv(index_col=0)} then {@code reset_index}), so sample i is data row i.
 *
 * <p>Columns used: {@code md5hash} (required, unique), the labels column ({@code label} by default; the
 * reference renames it {@code granular_partition_label}, so that name is accepted for it too; or
 * {@code nine_partition_label}, {@code three_partition_label}, ...), {@code fitzpatrick_scale} (optional;
 * -1 when absent or empty). The unnamed index column and the others are ignored.
 *
 * @param csv the file read
 * @param ids md5hash of each sample, lower case, file order
 * @param labels the chosen labels column
 * @param fitzpatrick skin type per sample, -1 = unknown
 */
public record Fitzpatrick17kMetadata(Path csv, List<String> ids, SampleLabels labels, int[] fitzpatrick) {
    public static final String FILE_NAME = "fitzpatrick17k.csv";
    public static final String DEFAULT_LABELS_COLUMN = "label";
    static final String EXPECTED =
            "Fitzpatrick17k's metadata CSV with columns md5hash,label,fitzpatrick_scale and one row per image";

    /** Reads the table; {@code labelsColumn} null means {@value #DEFAULT_LABELS_COLUMN}. */
    public static Fitzpatrick17kMetadata read(Path csv, String labelsColumn) {
        CsvTable t = CsvTable.read(csv, EXPECTED);
        int idCol = t.column(
                "md5hash",
                "give Fitzpatrick17k's metadata CSV (fitzpatrick17k.csv), which names each image by md5hash");
        String want = labelsColumn == null ? DEFAULT_LABELS_COLUMN : labelsColumn;
        int labelCol = t.find(want);
        if (labelCol < 0 && want.equals("granular_partition_label")) {
            labelCol = t.find(DEFAULT_LABELS_COLUMN);
        }
        if (labelCol < 0) {
            labelCol = t.column(want, "choose an existing column with the labelsColumn option");
        }
        int fitzCol = t.find("fitzpatrick_scale");
        if (fitzCol < 0) {
            fitzCol = t.find("fitzpatrick");
        }
        if (t.rows.isEmpty()) {
            throw t.error("no data rows", "expected " + EXPECTED);
        }
        int n = t.rows.size();
        List<String> ids = new ArrayList<>(n);
        String[] raw = new String[n];
        int[] fitz = new int[n];
        CsvTable.UniqueIds unique = new CsvTable.UniqueIds(t, "md5hash");
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = t.rows.get(i);
            String id = Md5.parse(row.values().get(idCol), t, row.line(), "md5hash");
            unique.add(id, row.line(), "remove the duplicate row (each image appears once)");
            ids.add(id);
            raw[i] = row.values().get(labelCol);
            fitz[i] = fitzCol < 0
                    ? -1
                    : CsvValues.fitzpatrick(row.values().get(fitzCol), t, row.line(), t.header.get(fitzCol));
        }
        return new Fitzpatrick17kMetadata(
                csv, List.copyOf(ids), SampleLabels.factorize(t.header.get(labelCol), raw), fitz);
    }
}
