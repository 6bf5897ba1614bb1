package org.cleanrank.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cleanrank.CleanRankException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EmbeddingRows against the golden sample order: every accepted ids-CSV layout, and each mismatch reported. */
class EmbeddingRowsTest {
    @TempDir
    Path tmp;

    static List<String> ids() throws IOException {
        return GoldenImagesSet.order();
    }

    /** The golden ids reversed: row r holds sample n-1-r. */
    static List<String> reversed() throws IOException {
        List<String> r = new ArrayList<>(ids());
        Collections.reverse(r);
        return r;
    }

    static int[] reversedRows(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = n - 1 - i;
        }
        return out;
    }

    @Test
    void everyLayoutOfTheIdsCsvGivesTheSameRows() throws IOException {
        List<String> rows = reversed();
        int n = rows.size();
        List<String> layouts = List.of(
                "md5hash\n" + String.join("\n", rows) + "\n", // header md5hash
                String.join("\n", rows) + "\n", // no header: a bare hash on line 1
                "0\n" + String.join("\n", rows) + "\n", // pandas Series.to_csv(index=False)
                ",md5hash,label\n" + numbered(rows) // pandas DataFrame.to_csv with its index
                );
        for (String text : layouts) {
            Path csv = Files.writeString(tmp.resolve("ids.csv"), text);
            EmbeddingRows e = EmbeddingRows.fromIdsCsv(csv, ids(), n);
            assertTrue(e.mismatch().isEmpty(), e.mismatch().summary());
            assertArrayEquals(reversedRows(n), e.rowPerSample(), text.substring(0, 10));
            assertArrayEquals(reversedRows(n), e.requireAll());
        }
    }

    static String numbered(List<String> rows) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r).append(',').append(rows.get(r)).append(",x\n");
        }
        return sb.toString();
    }

    @Test
    void reportsUnknownMissingAndDuplicateIds() throws IOException {
        List<String> rows = new ArrayList<>(ids());
        String gone = rows.get(3);
        rows.set(3, "0123456789abcdef0123456789abcdef"); // unknown id in row 3, sample 3 has no row
        rows.set(10, rows.get(9).toUpperCase()); // sample 9 twice (case-insensitive), sample 10 has no row
        Path csv = Files.writeString(tmp.resolve("ids.csv"), "md5hash\n" + String.join("\n", rows));
        EmbeddingRows e = EmbeddingRows.fromIdsCsv(csv, ids(), rows.size());
        DatasetMismatch m = e.mismatch();
        assertEquals(35, m.matched());
        assertEquals(List.of(gone, ids().get(10)), m.missing().examples());
        assertEquals(
                List.of("row 3: 0123456789abcdef0123456789abcdef"), m.unknown().examples());
        assertEquals(List.of(ids().get(9) + " (rows 9, 10)"), m.duplicates().examples());
        assertEquals(9, e.rowOf(9));
        assertEquals(-1, e.rowOf(10));
        assertTrue(
                m.summary()
                        .startsWith(
                                "embedding rows: 35 of 37 samples matched; samples without an embedding row: 2 (e.g. "
                                        + gone + ", "),
                m.summary());
        CleanRankException ex = assertThrows(CleanRankException.class, e::requireAll);
        assertTrue(ex.getMessage().endsWith("; give embeddings for every sample"), ex.getMessage());
    }

    @Test
    void metadataOrderReportsExtraOrMissingRows() throws IOException {
        EmbeddingRows same = EmbeddingRows.inSampleOrder(ids(), 37);
        assertTrue(same.mismatch().isEmpty());
        assertEquals(20, same.rowOf(20));
        EmbeddingRows fewer = EmbeddingRows.inSampleOrder(ids(), 35);
        assertEquals(
                List.of(ids().get(35), ids().get(36)),
                fewer.mismatch().missing().examples());
        EmbeddingRows more = EmbeddingRows.inSampleOrder(ids(), 38);
        assertEquals(List.of("row 37"), more.mismatch().unknown().examples());
    }

    @Test
    void wrongRowCountAndBadIdsAreErrorsWithTheirLine() throws IOException {
        Path csv = Files.writeString(tmp.resolve("ids.csv"), "md5hash\n" + String.join("\n", ids()));
        CleanRankException count =
                assertThrows(CleanRankException.class, () -> EmbeddingRows.fromIdsCsv(csv, ids(), 36));
        assertEquals(
                csv + ": 37 ids for 36 embedding rows; give exactly one md5hash per embedding row, in row order",
                count.getMessage());

        List<String> rows = new ArrayList<>(ids());
        rows.set(4, "not-a-hash");
        Path bad = Files.writeString(tmp.resolve("bad.csv"), "md5hash\n" + String.join("\n", rows));
        CleanRankException e = assertThrows(CleanRankException.class, () -> EmbeddingRows.fromIdsCsv(bad, ids(), 37));
        assertTrue(
                e.getMessage().startsWith(bad + ":6: 'not-a-hash' in column md5hash is not an md5hash"),
                e.getMessage());

        Path noCol = Files.writeString(tmp.resolve("nocol.csv"), "a,b\n1,2\n");
        CleanRankException c = assertThrows(CleanRankException.class, () -> EmbeddingRows.fromIdsCsv(noCol, ids(), 1));
        assertEquals(
                noCol
                        + ":1: no column 'md5hash' in the header (a,b); name the id column md5hash, or give a single column of hashes",
                c.getMessage());
    }
}
