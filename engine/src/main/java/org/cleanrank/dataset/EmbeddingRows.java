package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cleanrank.CleanRankException;

/**
 * Which embedding row belongs to which sample.
 *
 * <p>Either the rows are in the metadata's sample order ({@link #inSampleOrder}), or an ids CSV names the
 * sample of each row ({@link #fromIdsCsv}): one md5hash per line, line k = embedding row k. The rule for
 * that CSV: if its first line is a bare md5 hash, the file has no header and each line is one hash (a
 * single column, as {@code np.savetxt} or a plain list writes it); otherwise the first line is a header
 * and the ids are in the column {@code md5hash} (or {@code id}; so a pandas table with an index column works), or in the
 * only column when there is just one (pandas writes an unnamed Series as {@code 0}). Every id must be 32
 * hex digits, and there must be exactly one id per embedding row: both are errors naming file and line.
 *
 * <p>Rows whose id is no sample, samples without a row, and ids given twice (the first row is used) are
 * reported in {@link #mismatch()}, not thrown.
 */
public final class EmbeddingRows {
    private final int[] rowOfSample;
    private final int rowCount;
    private final DatasetMismatch mismatch;

    private EmbeddingRows(int[] rowOfSample, int rowCount, DatasetMismatch mismatch) {
        this.rowOfSample = rowOfSample;
        this.rowCount = rowCount;
        this.mismatch = mismatch;
    }

    /** Row i is sample i; extra rows or samples are reported. */
    public static EmbeddingRows inSampleOrder(List<String> sampleIds, int embeddingRows) {
        int n = sampleIds.size();
        int[] rowOf = new int[n];
        DatasetMismatch.Tally missing = new DatasetMismatch.Tally("samples without an embedding row");
        DatasetMismatch.Tally unknown = new DatasetMismatch.Tally("embedding rows beyond the samples");
        int matched = 0;
        for (int i = 0; i < n; i++) {
            if (i < embeddingRows) {
                rowOf[i] = i;
                matched++;
            } else {
                rowOf[i] = -1;
                missing.add(sampleIds.get(i));
            }
        }
        for (int r = n; r < embeddingRows; r++) {
            unknown.add("row " + r);
        }
        return matched(
                rowOf,
                embeddingRows,
                matched,
                missing,
                unknown,
                new DatasetMismatch.Tally("ids given to more than one row"));
    }

    /**
     * Matches rows to samples by an ids CSV (see the class comment for its layout).
     *
     * @param embeddingRows rows of the embedding matrix; the CSV must name exactly that many ids
     */
    public static EmbeddingRows fromIdsCsv(Path csv, List<String> sampleIds, int embeddingRows) {
        String expected = "one md5hash per embedding row (a header md5hash, or no header)";
        CsvTable t = CsvTable.read(csv, expected);
        int col;
        List<CsvTable.Row> rows = new ArrayList<>();
        boolean headerless = t.header.size() == 1 && Md5.isMd5(t.header.get(0));
        if (headerless) {
            col = 0;
            rows.add(new CsvTable.Row(t.headerLine, List.of(t.header.get(0))));
        } else {
            col = RowIds.idColumn(t, "md5hash", "name the id column md5hash, or give a single column of hashes");
        }
        rows.addAll(t.rows);
        if (rows.size() != embeddingRows) {
            throw t.error(
                    rows.size() + " ids for " + embeddingRows + " embedding rows",
                    "give exactly one md5hash per embedding row, in row order");
        }
        Object2IntOpenHashMap<String> index = Md5.index(sampleIds);
        int n = sampleIds.size();
        int[] rowOf = new int[n];
        Arrays.fill(rowOf, -1);
        DatasetMismatch.Tally unknown = new DatasetMismatch.Tally("rows with an unknown id");
        DatasetMismatch.Tally duplicates = new DatasetMismatch.Tally("ids given to more than one row");
        for (int r = 0; r < rows.size(); r++) {
            CsvTable.Row row = rows.get(r);
            String id = Md5.parse(row.values().get(col), t, row.line(), headerless ? "1" : t.header.get(col));
            int i = index.getInt(id);
            if (i < 0) {
                unknown.add("row " + r + ": " + id);
            } else if (rowOf[i] >= 0) {
                duplicates.add(id + " (rows " + rowOf[i] + ", " + r + ")");
            } else {
                rowOf[i] = r;
            }
        }
        DatasetMismatch.Tally missing = new DatasetMismatch.Tally("samples without an embedding row");
        int matched = 0;
        for (int i = 0; i < n; i++) {
            if (rowOf[i] < 0) {
                missing.add(sampleIds.get(i));
            } else {
                matched++;
            }
        }
        return matched(rowOf, embeddingRows, matched, missing, unknown, duplicates);
    }

    /** The embedding row of sample i, or -1. */
    public int rowOf(int sample) {
        return rowOfSample[sample];
    }

    /** Row per sample (-1 where none). A copy. */
    public int[] rowPerSample() {
        return rowOfSample.clone();
    }

    public int rowCount() {
        return rowCount;
    }

    public DatasetMismatch mismatch() {
        return mismatch;
    }

    /**
     * Sample order as row indices when every sample has a row, to gather embeddings into sample order;
     * otherwise an error naming the mismatch.
     */
    public int[] requireAll() {
        if (mismatch.missing().count() > 0) {
            throw new CleanRankException(mismatch.summary() + "; give embeddings for every sample");
        }
        return rowOfSample.clone();
    }

    /** The rows found for the samples and the report of what did not match (the content is never checked). */
    private static EmbeddingRows matched(
            int[] rowOf,
            int embeddingRows,
            int matched,
            DatasetMismatch.Tally missing,
            DatasetMismatch.Tally unknown,
            DatasetMismatch.Tally duplicates) {
        DatasetMismatch report = new DatasetMismatch(
                "embedding rows",
                rowOf.length,
                matched,
                missing.issue(),
                unknown.issue(),
                duplicates.issue(),
                new DatasetMismatch.Tally("(content not checked)").issue());
        return new EmbeddingRows(rowOf, embeddingRows, report);
    }
}
