package org.cleanrank.cli;

import java.nio.file.Path;
import org.cleanrank.CleanRankException;
import org.cleanrank.dataset.RowIds;
import org.cleanrank.io.Labels;

/**
 * The row ids ({@code --ids}) and labels ({@code --labels}) of an embedding matrix: labels keyed by id
 * (a CSV with the columns id,label) are joined by id; otherwise they are one per row, in row order.
 */
public final class IdKeyedInputs {
    private IdKeyedInputs() {}

    /** The ids of {@code n} rows, or null without {@code --ids}. */
    public static RowIds ids(Path idsCsv, int n) {
        return idsCsv == null ? null : RowIds.read(idsCsv, n);
    }

    /** Label codes, one per row. */
    public static int[] labels(Path labels, RowIds ids, int n) {
        if (RowIds.isKeyedLabels(labels)) {
            if (ids == null) {
                throw new CleanRankException(labels + ": labels keyed by id (columns id,label) need --ids IDS.csv"
                        + " naming the id of every embedding row");
            }
            return ids.joinLabels(labels);
        }
        return Labels.load(labels, n);
    }
}
