package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.CleanRankException;

/**
 * A small CSV file read whole, every row with the line it starts on, so that every complaint can name
 * {@code file:line}. Blank lines are skipped (as pandas' {@code skip_blank_lines}); values are kept raw
 * (pandas does not strip them either), callers trim where the reference does.
 */
final class CsvTable {
    /** One data row: the 1-based line it starts on and its raw fields. */
    record Row(long line, List<String> values) {}

    private static final CSVFormat FORMAT =
            CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    final Path path;
    final List<String> header;
    final long headerLine;
    final List<Row> rows;

    private CsvTable(Path path, List<String> header, long headerLine, List<Row> rows) {
        this.path = path;
        this.header = header;
        this.headerLine = headerLine;
        this.rows = rows;
    }

    /**
     * Reads {@code path}; {@code expected} describes the file for the messages (e.g. "a header
     * md5hash,label and one row per image").
     */
    static CsvTable read(Path path, String expected) {
        return read(path, expected, Integer.MAX_VALUE);
    }

    /** Reads only the header (and at most {@code maxRows} rows). */
    static CsvTable read(Path path, String expected, int maxRows) {
        if (!Files.isRegularFile(path)) {
            throw new CleanRankException(path + ": no such file; expected " + expected);
        }
        try (Reader r = Files.newBufferedReader(path);
                CSVParser p = FORMAT.parse(r)) {
            Iterator<CSVRecord> it = p.iterator();
            List<String> header = null;
            long headerLine = 0;
            List<Row> rows = new ArrayList<>();
            while (header == null || rows.size() < maxRows) {
                long line = p.getCurrentLineNumber() + 1;
                if (!it.hasNext()) {
                    break;
                }
                CSVRecord rec = it.next();
                if (rec.size() == 1 && rec.get(0).isBlank()) {
                    continue;
                }
                if (header == null) {
                    List<String> h = new ArrayList<>(rec.toList());
                    h.set(0, stripBom(h.get(0)));
                    h.replaceAll(String::strip);
                    header = List.copyOf(h);
                    headerLine = line;
                    continue;
                }
                if (rec.size() != header.size()) {
                    throw new CleanRankException(path + ":" + line + ": " + rec.size() + " fields but the header has "
                            + header.size() + "; quote values that contain commas and give every row all "
                            + header.size() + " columns");
                }
                rows.add(new Row(line, rec.toList()));
            }
            if (header == null) {
                throw new CleanRankException(path + ": empty file; expected " + expected);
            }
            return new CsvTable(path, header, headerLine, rows);
        } catch (UncheckedIOException e) {
            throw malformed(path, e.getCause());
        } catch (IOException e) {
            throw malformed(path, e);
        }
    }

    private static CleanRankException malformed(Path path, IOException e) {
        if (e instanceof MalformedInputException) {
            return new CleanRankException(path + ": not UTF-8 text; save the CSV as UTF-8");
        }
        String msg = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        return new CleanRankException(path + ": malformed CSV (" + msg + "); check the quoting near that line");
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Index of the column {@code name}, or -1. */
    int find(String name) {
        return header.indexOf(name);
    }

    /** Index of the column {@code name}; a missing column is an error that names the header and {@code fix}. */
    int column(String name, String fix) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new CleanRankException(path + ":" + headerLine + ": no column '" + name + "' in the header ("
                    + String.join(",", header) + "); " + fix);
        }
        return c;
    }

    /** The error for a bad value: {@code file:line: problem; fix}. */
    CleanRankException error(long line, String problem, String fix) {
        return new CleanRankException(path + ":" + line + ": " + problem + "; " + fix);
    }

    /** The error for the file as a whole (no single line to blame). */
    CleanRankException error(String problem, String fix) {
        return new CleanRankException(path + ": " + problem + "; " + fix);
    }

    /** The value shortened for a message: one line, at most 60 characters. */
    static String show(String v) {
        String s = v.replaceAll("\\s+", " ");
        return "'" + (s.length() > 60 ? s.substring(0, 57) + "..." : s) + "'";
    }

    /** Rejects an id seen before in the same file, naming both lines. */
    static final class UniqueIds {
        private final CsvTable table;
        private final String column;
        private final Object2IntOpenHashMap<String> firstLine = new Object2IntOpenHashMap<>();

        UniqueIds(CsvTable table, String column) {
            this.table = table;
            this.column = column;
            firstLine.defaultReturnValue(-1);
        }

        void add(String id, long line, String fix) {
            int before = firstLine.putIfAbsent(id, (int) line);
            if (before >= 0) {
                throw table.error(line, column + " " + id + " repeats line " + before, fix);
            }
        }
    }
}
