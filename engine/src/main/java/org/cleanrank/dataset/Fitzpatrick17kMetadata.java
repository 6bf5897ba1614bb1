package org.cleanrank.dataset;

import java.nio.file.Path;
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
        ImageRows images = new ImageRows(
                t,
                idCol,
                labelsColumn,
                DEFAULT_LABELS_COLUMN,
                ConsolidatedTable.DEFAULT_LABELS_COLUMN, // the reference's name of this column
                EXPECTED,
                "fitzpatrick_scale",
                "fitzpatrick");
        for (int i = 0; i < images.size(); i++) {
            images.read(i);
        }
        return new Fitzpatrick17kMetadata(csv, images.ids(), images.labels(), images.fitzpatrick());
    }
}
