package org.cleanrank.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.CleanRankException;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.io.HeaderCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "CleanPatrick's metrics of a ranking against ground truth, as one JSON object.",
            "R.csv: a ranking file (column 'index', or columns 'i,j' for pairs), in rank order.",
            "T.csv: 'index,label' (0/1) for samples; for pairs 'index,clique' (same clique = near-duplicate;"
                    + " empty or -1 = no clique) or 'i,j,label' (only annotated pairs count, as CleanPatrick drops NaN pairs)."
        })
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--ranking", required = true, paramLabel = "R.csv", description = "the ranking (see above)")
    Path ranking;

    @Option(names = "--truth", required = true, paramLabel = "T.csv", description = "the ground truth (see above)")
    Path truth;

    @Override
    public Integer call() throws IOException {
        Table r = Table.read(ranking);
        Table t = Table.read(truth);
        int[] ordered;
        if (r.has("i") && r.has("j")) {
            ordered = pairTruth(r, t);
        } else if (r.has("index")) {
            ordered = sampleTruth(r, t);
        } else {
            throw new CleanRankException(ranking + ": needs a column 'index' (samples) or columns 'i,j' (pairs)");
        }
        if (ordered.length == 0) {
            throw new CleanRankException(ranking + ": no ranked item has ground truth in " + truth);
        }
        Map<String, Double> m = RankingMetrics.compute(ordered);
        Map<String, Object> json = new java.util.LinkedHashMap<>(m);
        json.put("n", ordered.length);
        System.out.println(
                new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
        return 0;
    }

    private int[] sampleTruth(Table r, Table t) {
        t.require("index", "label");
        Int2IntOpenHashMap label = new Int2IntOpenHashMap();
        for (int row = 0; row < t.rows.size(); row++) {
            int idx = t.intAt(row, "index");
            int lab = t.binaryAt(row, "label");
            if (label.containsKey(idx)) {
                throw t.error(row, "index " + idx + " appears twice");
            }
            label.put(idx, lab);
        }
        int[] out = new int[r.rows.size()];
        for (int row = 0; row < out.length; row++) {
            int idx = r.intAt(row, "index");
            if (!label.containsKey(idx)) {
                throw r.error(row, "index " + idx + " has no ground truth in " + truth);
            }
            out[row] = label.get(idx);
        }
        return out;
    }

    private int[] pairTruth(Table r, Table t) {
        if (t.has("i") && t.has("j") && t.has("label")) {
            Long2IntOpenHashMap label = new Long2IntOpenHashMap();
            for (int row = 0; row < t.rows.size(); row++) {
                String v = t.get(row, "label");
                if (v.isEmpty() || v.equalsIgnoreCase("nan")) {
                    continue; // not annotated
                }
                label.put(key(t.intAt(row, "i"), t.intAt(row, "j")), t.binaryAt(row, "label"));
            }
            IntArrayList out = new IntArrayList();
            for (int row = 0; row < r.rows.size(); row++) {
                long k = key(r.intAt(row, "i"), r.intAt(row, "j"));
                if (label.containsKey(k)) {
                    out.add(label.get(k));
                }
            }
            return out.toIntArray();
        }
        t.require("index", "clique");
        Int2IntOpenHashMap clique = new Int2IntOpenHashMap();
        for (int row = 0; row < t.rows.size(); row++) {
            String v = t.get(row, "clique");
            int c = v.isEmpty() || v.equalsIgnoreCase("nan") ? -1 : (int) Double.parseDouble(v);
            clique.put(t.intAt(row, "index"), c);
        }
        int[] out = new int[r.rows.size()];
        for (int row = 0; row < out.length; row++) {
            int i = r.intAt(row, "i"), j = r.intAt(row, "j");
            if (!clique.containsKey(i) || !clique.containsKey(j)) {
                throw r.error(row, "pair (" + i + "," + j + ") has a sample with no row in " + truth);
            }
            int ci = clique.get(i), cj = clique.get(j);
            out[row] = ci >= 0 && ci == cj ? 1 : 0;
        }
        return out;
    }

    private static long key(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }

    /** A small CSV with a header, read whole, with errors that name file and line. */
    record Table(Path path, List<String> header, List<CSVRecord> rows) {
        static Table read(Path p) {
            try (CSVParser parser = HeaderCsv.open(p)) {
                List<CSVRecord> rows = parser.getRecords();
                return new Table(p, parser.getHeaderNames(), rows);
            } catch (IOException | IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
                throw new CleanRankException(p + ": malformed CSV (" + e.getMessage() + ")");
            }
        }

        boolean has(String c) {
            return header.contains(c);
        }

        void require(String... cols) {
            for (String c : cols) {
                if (!has(c)) {
                    throw new CleanRankException(path + ": missing column '" + c + "' (has " + header + ")");
                }
            }
        }

        String get(int row, String col) {
            CSVRecord rec = rows.get(row);
            if (!rec.isSet(col)) {
                throw error(row, "no value for '" + col + "'");
            }
            return rec.get(col);
        }

        int intAt(int row, String col) {
            String v = get(row, col);
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw error(row, "'" + col + "' is '" + v + "', expected an integer");
            }
        }

        int binaryAt(int row, String col) {
            String v = get(row, col);
            try {
                double d = Double.parseDouble(v);
                if (d == 0.0 || d == 1.0) {
                    return (int) d;
                }
            } catch (NumberFormatException e) {
                // fall through
            }
            throw error(row, "'" + col + "' is '" + v + "', expected 0 or 1");
        }

        CleanRankException error(int row, String what) {
            return new CleanRankException(path + ": line " + (rows.get(row).getRecordNumber() + 1) + ": " + what);
        }
    }
}
