package org.cleanrank.cli.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cleanrank.cli.neighbours.SuspectedLabels;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.io.RankingFiles;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;

/**
 * The audit's machine-readable outputs, each written to a temporary name and renamed (complete or absent):
 * {@code near_duplicates.csv} (rank,file_i,file_j,method,score,auto_issue; each detector's closest pairs),
 * {@code near_duplicate_groups.csv} (group,file), {@code off_topic.csv} (rank,file,method,score,auto_issue)
 * and {@code label_errors.csv} (rank,file,method,label,suspected_label,score,auto_issue), full rankings, one
 * block per detector, rank from 1 within it; and {@code audit.json}, the summary. A file whose detectors could
 * not run holds its header only.
 */
public final class AuditFiles {
    private AuditFiles() {}

    public static void write(Path out, AuditRun.Result r, Map<String, String> inputs) {
        AuditSamples s = r.samples();
        RankingFiles.writeAtomically(out.resolve("near_duplicates.csv"), w -> {
            w.write("rank,file_i,file_j,method,score,auto_issue\n");
            for (AuditRun.PairList l : r.nearDuplicates()) {
                PairRanking p = l.ranking();
                for (int k = 0; k < p.size(); k++) {
                    w.write((k + 1) + "," + f(s, p.i(k)) + "," + f(s, p.j(k)) + "," + l.method() + "," + p.distance(k)
                            + "," + (l.flagged()[k] ? 1 : 0) + "\n");
                }
            }
        });
        RankingFiles.writeAtomically(out.resolve("near_duplicate_groups.csv"), w -> {
            w.write("group,file\n");
            for (int g = 0; g < r.groups().size(); g++) {
                for (int i : r.groups().get(g)) {
                    w.write((g + 1) + "," + f(s, i) + "\n");
                }
            }
        });
        RankingFiles.writeAtomically(out.resolve("off_topic.csv"), w -> {
            w.write("rank,file,method,score,auto_issue\n");
            for (AuditRun.SampleList l : r.offTopic()) {
                SampleRanking x = l.ranking();
                for (int k = 0; k < x.size(); k++) {
                    w.write((k + 1) + "," + f(s, x.index(k)) + "," + l.method() + "," + x.score(k) + ","
                            + (l.flagged()[k] ? 1 : 0) + "\n");
                }
            }
        });
        RankingFiles.writeAtomically(out.resolve("label_errors.csv"), w -> {
            w.write("rank,file,method,label,suspected_label,score,auto_issue\n");
            for (AuditRun.SampleList l : r.labelErrors()) {
                SampleRanking x = l.ranking();
                for (int k = 0; k < x.size(); k++) {
                    int i = x.index(k);
                    w.write((k + 1) + "," + f(s, i) + "," + l.method() + "," + RankingFiles.csv(s.labels()[i]) + ","
                            + RankingFiles.csv(r.suspected()[i]) + "," + x.score(k) + "," + (l.flagged()[k] ? 1 : 0)
                            + "\n");
                }
            }
        });
        writeJson(out.resolve("audit.json"), r, inputs);
    }

    private static String f(AuditSamples s, int i) {
        return RankingFiles.csv(s.file(i));
    }

    private static void writeJson(Path path, AuditRun.Result r, Map<String, String> inputs) {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        ObjectNode in = root.putObject("inputs");
        inputs.forEach(in::put);
        root.put("images", r.samples().n());
        root.put("row_order", r.samples().rowOrder());
        ArrayNode skipped = root.putArray("unreadable_images");
        for (ImageFolder.Failure f : r.unreadable()) {
            skipped.addObject().put("file", f.file().getFileName().toString()).put("reason", f.message());
        }
        ObjectNode nd = root.putObject("near_duplicates");
        nd.put("groups", r.groups().size());
        nd.put("images_in_groups", r.groups().stream().mapToInt(g -> g.length).sum());
        ArrayNode ndMethods = nd.putArray("detectors");
        for (AuditRun.PairList l : r.nearDuplicates()) {
            method(
                    ndMethods,
                    l.method(),
                    l.score(),
                    l.rule(),
                    l.flaggedTotal(),
                    l.ranking().size());
        }
        sampleLists(root.putObject("off_topic").putArray("detectors"), r.offTopic());
        ObjectNode le = root.putObject("label_errors");
        le.put(
                "suspected_label",
                "the majority label among the " + SuspectedLabels.K + " nearest other samples (SelfClean distance);"
                        + " a tie goes to the tied label met first, nearest first");
        sampleLists(le.putArray("detectors"), r.labelErrors());
        ArrayNode notes = root.putArray("not_run");
        r.notes().forEach(notes::add);
        ArrayNode scale = root.putArray("scale_notes");
        r.scaleNotes().forEach(scale::add);
        RankingFiles.writeAtomically(path, w -> w.write(om.writeValueAsString(root) + "\n"));
    }

    private static void sampleLists(ArrayNode a, List<AuditRun.SampleList> lists) {
        for (AuditRun.SampleList l : lists) {
            method(
                    a,
                    l.method(),
                    l.score(),
                    l.rule(),
                    l.flaggedTotal(),
                    l.ranking().size());
        }
    }

    private static void method(ArrayNode a, String method, String score, String rule, long flagged, int rows) {
        a.addObject()
                .put("method", method)
                .put("flagged", flagged)
                .put("rows", rows)
                .put("score", score)
                .put("flagged_when", rule);
    }
}
