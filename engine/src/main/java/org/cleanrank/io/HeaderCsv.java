package org.cleanrank.io;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.cleanrank.CleanRankException;

/** The small CSV files read by column name (labels, ground truth): a header row, values trimmed. */
public final class HeaderCsv {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get();

    private HeaderCsv() {}

    /**
     * Opens {@code path} and reads its header; the caller closes the parser. A missing file is a one-line
     * {@link CleanRankException}; a header the parser rejects throws as {@link CSVFormat#parse} does.
     */
    public static CSVParser open(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new CleanRankException(path + ": no such file; check the path");
        }
        Reader r = Files.newBufferedReader(path);
        try {
            return FORMAT.parse(r);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }
}
