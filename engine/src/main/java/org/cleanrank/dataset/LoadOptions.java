package org.cleanrank.dataset;

import java.nio.file.Path;

/**
 * How to load a CleanPatrick release.
 *
 * @param format the release format, or null to detect it from the folder
 * @param labelsColumn the column the class labels come from, or null for the format's default
 *     ({@code label} of fitzpatrick17k.csv, as CleanPatrick's reader uses it; {@code granular_partition_label}
 *     of the consolidated table). Either name works in either format for the granular label.
 * @param metadataCsv fitzpatrick17k.csv for the three-file release, or null to look next to it
 *     ({@code <dir>/fitzpatrick17k.csv}, {@code <dir>/../fitzpatrick17k.csv},
 *     {@code <dir>/../fitzpatrick17k/fitzpatrick17k.csv}, the last being the reference's data/ layout)
 * @param lastAnnotationWins when a pair is annotated twice with different labels: false (default) rejects
 *     the file; true keeps the later row's label, as the reference's numpy assignment usually ends up
 *     doing (numpy does not promise an order for repeated indices)
 */
public record LoadOptions(
        CleanPatrickFormat format, String labelsColumn, Path metadataCsv, boolean lastAnnotationWins) {
    public static LoadOptions defaults() {
        return new LoadOptions(null, null, null, false);
    }

    public LoadOptions withFormat(CleanPatrickFormat f) {
        return new LoadOptions(f, labelsColumn, metadataCsv, lastAnnotationWins);
    }

    public LoadOptions withLabelsColumn(String column) {
        return new LoadOptions(format, column, metadataCsv, lastAnnotationWins);
    }

    public LoadOptions withMetadataCsv(Path csv) {
        return new LoadOptions(format, labelsColumn, csv, lastAnnotationWins);
    }

    public LoadOptions withLastAnnotationWins(boolean yes) {
        return new LoadOptions(format, labelsColumn, metadataCsv, yes);
    }
}
