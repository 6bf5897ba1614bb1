package org.cleanrank.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.cleanrank.detect.AutoCleaning;
import org.cleanrank.detect.FractionCut;
import org.cleanrank.io.RankingFiles;

/** {@code auto_cleaning.json}: per issue type what SelfClean's automatic cleaning decided. */
final class AutoCleaningJson {
    private AutoCleaningJson() {}

    static void write(Path path, AutoCleaning.Report r) {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        AutoCleaning.Settings s = r.settings();
        ObjectNode set = root.putObject("settings");
        set.put("near_duplicate_cut_off", s.nearDuplicateCutOff());
        set.put("off_topic_cut_off", s.offTopicCutOff());
        set.put("label_error_cut_off", s.labelErrorCutOff());
        set.put("significance_level", s.significanceLevel());
        root.put(
                "reference_positions",
                "SelfClean's auto_issues as it returns them: positions among the scores strictly between 0 and 1,"
                        + " which are ranking positions only when no score is exactly 0 or 1; the auto_issue column of"
                        + " each ranking CSV flags the rows they stand for");
        issue(root, "near_duplicates", r.nearDuplicates());
        issue(root, "off_topic_samples", r.offTopic());
        issue(root, "label_errors", r.labelErrors());
        RankingFiles.writeAtomically(path, w -> w.write(om.writeValueAsString(root) + "\n"));
    }

    private static void issue(ObjectNode root, String name, FractionCut.Outcome o) {
        if (o == null) {
            root.putNull(name);
            return;
        }
        ObjectNode n = root.putObject(name);
        n.put("flagged", o.flagged());
        double c = o.logitCutoff();
        if (Double.isNaN(c)) {
            n.putNull("logit_cutoff");
        } else {
            n.put("logit_cutoff", c);
        }
        if (o.fit() != null) {
            n.put("alpha", o.fit().alpha());
        }
        n.put("ranking_length", o.rankingLength());
        n.put("scores_outside_open_unit_interval", o.outsideOpenInterval());
        var positions = n.putArray("reference_positions");
        for (long p : o.referencePositions()) {
            positions.add(p);
        }
    }
}
