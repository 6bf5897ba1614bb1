package org.cleanrank.cli.report;

import static org.cleanrank.cli.report.AuditReportWriter.esc;

import java.util.List;
import org.cleanrank.cli.neighbours.SuspectedLabels;

/**
 * The suspected label on a label-error card of the report, under the given label, marked by whether the two
 * differ, and the key above the cards that says what it means. A sample without one (no embedding, or a run
 * without embeddings) shows nothing extra.
 */
final class SuspectedLabelCaption {
    private SuspectedLabelCaption() {}

    /** What a suspected label means: shown above the label-error cards when some card has one. */
    static final String KEY = "<p class=\"key\">label = the given (published) label;"
            + " suspected = the majority label of the sample's " + SuspectedLabels.K
            + " nearest other samples by cosine similarity of the embeddings (all others when there are fewer; a tie"
            + " goes to the label met first, nearest first): <span class=\"suspected differs\">highlighted</span>"
            + " where it differs from the given label, <span class=\"suspected agrees\">(= label)</span> where"
            + " the neighbours agree with it. A sample without an embedding has no suspected label.</p>\n";

    /** Whether some card of these detectors' top items shows a suspected label. */
    static boolean anyShown(List<DetectorOutcome> outcomes, SampleCatalog catalog) {
        return outcomes.stream()
                .filter(DetectorOutcome::ok)
                .flatMap(o -> o.top().stream())
                .anyMatch(a -> !a.isPair() && catalog.label(a.i()) != null && catalog.suspected(a.i()) != null);
    }

    /** Sample {@code i}'s suspected label as a caption line; nothing when it has none. */
    static void append(StringBuilder h, int i, SampleCatalog catalog) {
        String voted = catalog.suspected(i);
        if (voted == null) {
            return;
        }
        boolean differs = !voted.equals(catalog.label(i));
        h.append("<br><span class=\"suspected ")
                .append(differs ? "differs" : "agrees")
                .append("\">suspected: ")
                .append(esc(voted))
                .append(differs ? "" : " (= label)")
                .append("</span>");
    }
}
