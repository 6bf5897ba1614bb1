package org.cleanrank.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.CleanRankException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderCsvTest {
    @TempDir
    Path dir;

    @Test
    void readsColumnsByHeaderNameWithValuesTrimmed() throws IOException {
        Path p = Files.writeString(dir.resolve("t.csv"), " index , label \n0, cat\n1 ,dog \n");
        try (CSVParser parser = HeaderCsv.open(p)) {
            assertEquals(List.of("index", "label"), parser.getHeaderNames());
            List<CSVRecord> rows = parser.getRecords();
            assertEquals(
                    List.of("cat", "dog"),
                    rows.stream().map(r -> r.get("label")).toList());
            assertEquals("1", rows.get(1).get("index"));
        }
    }

    @Test
    void aMissingFileIsOneLine() {
        Path p = dir.resolve("none.csv");
        CleanRankException e = assertThrows(CleanRankException.class, () -> HeaderCsv.open(p));
        assertEquals(p + ": no such file; check the path", e.getMessage());
    }
}
