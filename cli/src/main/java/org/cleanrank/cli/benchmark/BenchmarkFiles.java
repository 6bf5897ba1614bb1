package org.cleanrank.cli.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.cleanrank.cli.report.DetectorOutcome;
import org.cleanrank.cli.report.IssueType;
import org.cleanrank.io.RankingFiles;
import org.cleanrank.rank.PairRanking;

/** The files a benchmark run leaves behind (rankings, metrics.json) and the table it prints. */
public final class BenchmarkFiles {
    private BenchmarkFiles() {}

    /** Pair truth lookup: 1 near-duplicate, 0 annotated negative, -1 not annotated. */
    public interface PairTruth {
        int of(int i, int j);
    }

    static void writeSampleRanking(Path file, int[] global, double[] scores, String[] ids) {
        RankingFiles.writeAtomically(file, w -> {
            w.write("rank,index,md5hash,score\n");
            for (int r = 0; r < global.length; r++) {
                w.write((r + 1) + "," + global[r] + "," + ids[global[r]] + "," + scores[r] + "\n");
            }
        });
    }

    static void writePairRanking(
            Path file, int rows, int[] gi, int[] gj, PairRanking ranking, String[] ids, PairTruth truth) {
        RankingFiles.writeAtomically(file, w -> {
            w.write("rank,i,j,md5hash_i,md5hash_j,distance,annotation\n");
            StringBuilder sb = new StringBuilder(128);
            for (int r = 0; r < rows; r++) {
                int t = truth.of(gi[r], gj[r]);
                sb.setLength(0);
                sb.append(r + 1)
                        .append(',')
                        .append(gi[r])
                        .append(',')
                        .append(gj[r])
                        .append(',')
                        .append(ids[gi[r]])
                        .append(',')
                        .append(ids[gj[r]])
                        .append(',')
                        .append(ranking.distance(r))
                        .append(',')
                        .append(t == 1 ? "near-duplicate" : t == 0 ? "not a near-duplicate" : "")
                        .append('\n');
                w.append(sb);
            }
        });
    }

    /** metrics.json: per issue type, per detector: status, seconds, CleanPatrick's metrics, ranking file. */
    public static void writeMetricsJson(Path file, Map<String, ?> runInfo, List<DetectorOutcome> outcomes) {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        ObjectNode info = root.putObject("run");
        runInfo.forEach((k, v) -> {
            if (v instanceof Number number) {
                info.put(k, number.longValue()); // counts and seeds: JSON numbers, not strings
            } else {
                info.put(k, String.valueOf(v));
            }
        });
        for (IssueType t : IssueType.values()) {
            ObjectNode issue = root.putObject(t.key());
            for (DetectorOutcome o : outcomes) {
                if (o.issue() != t) {
                    continue;
                }
                ObjectNode d = issue.putObject(o.detector());
                d.put("status", o.status().name().toLowerCase(Locale.ROOT));
                if (o.message() != null) {
                    d.put("message", o.message());
                }
                d.put("seconds", o.seconds());
                if (o.rankingFile() != null) {
                    d.put("ranking", o.rankingFile());
                }
                ObjectNode m = d.putObject("metrics");
                o.metrics().forEach((k, v) -> {
                    if (v.isNaN()) {
                        m.putNull(k);
                    } else {
                        m.put(k, v);
                    }
                });
            }
        }
        RankingFiles.writeAtomically(file, w -> w.write(om.writeValueAsString(root) + "\n"));
    }

    /** CleanPatrick's table, one block per issue type: metrics as rows, detectors as columns. */
    public static void printTable(PrintStream out, List<DetectorOutcome> outcomes) {
        for (IssueType t : IssueType.values()) {
            List<DetectorOutcome> mine =
                    outcomes.stream().filter(o -> o.issue() == t).toList();
            if (mine.isEmpty()) {
                continue;
            }
            out.println();
            out.println(t.title());
            Set<String> keys = new LinkedHashSet<>();
            for (DetectorOutcome o : mine) {
                for (String k : o.metrics().keySet()) {
                    if (k.startsWith("Recall@")
                            || k.startsWith("Precision@")
                            || k.equals("AUROC")
                            || k.equals("AP")
                            || k.equals("AUPRG")) {
                        keys.add(k);
                    }
                }
            }
            List<String> order = new ArrayList<>();
            for (String k : keys) {
                if (k.startsWith("Recall@") || k.startsWith("Precision@")) {
                    order.add(k);
                }
            }
            for (String k : new String[] {"AUROC", "AP", "AUPRG"}) {
                if (keys.contains(k)) {
                    order.add(k);
                }
            }
            int w = 12;
            for (DetectorOutcome o : mine) {
                w = Math.max(w, o.detector().length() + 2);
            }
            String cell = "%" + w + "s";
            out.printf("  %-14s", "metric");
            for (DetectorOutcome o : mine) {
                out.printf(cell, o.detector());
            }
            out.println();
            for (String k : order) {
                out.printf("  %-14s", k);
                for (DetectorOutcome o : mine) {
                    Double v = o.metrics().get(k);
                    out.printf(cell, v == null ? "" : v.isNaN() ? "nan" : String.format(Locale.ROOT, "%.3f", v));
                }
                out.println();
            }
            out.printf("  %-14s", "seconds");
            for (DetectorOutcome o : mine) {
                out.printf(
                        cell,
                        o.ok()
                                ? String.format(Locale.ROOT, "%.2f", o.seconds())
                                : o.status().name().toLowerCase(Locale.ROOT));
            }
            out.println();
            for (DetectorOutcome o : mine) {
                if (!o.ok()) {
                    out.println("  " + o.detector() + ": " + o.status().name().toLowerCase(Locale.ROOT) + ": "
                            + o.message());
                } else if (o.message() != null && !o.message().startsWith("all ")) {
                    // partial coverage: samples without the detector's input are not ranked and not counted
                    out.println("  " + o.detector() + ": " + o.message()
                            + " (the others are not ranked; metrics cover these only)");
                }
            }
        }
    }
}
