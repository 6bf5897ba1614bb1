package org.cleanrank.cli.report;

import java.util.List;
import java.util.Map;
import org.cleanrank.eval.RankingCurves;

/**
 * What one detector produced for one issue type in a benchmark run: its metrics against the ground
 * truth, the curves behind them, the top of its ranking, and where the full ranking was written. A
 * detector that failed or could not run keeps its place in the table with the reason.
 */
public record DetectorOutcome(
        String detector,
        IssueType issue,
        Status status,
        String message,
        double seconds,
        Map<String, Double> metrics,
        RankingCurves curves,
        List<AuditItem> top,
        String rankingFile) {

    public enum Status {
        OK,
        FAILED,
        SKIPPED
    }

    public static DetectorOutcome failed(String detector, IssueType issue, String message, double seconds) {
        return new DetectorOutcome(detector, issue, Status.FAILED, message, seconds, Map.of(), null, List.of(), null);
    }

    public static DetectorOutcome skipped(String detector, IssueType issue, String reason) {
        return new DetectorOutcome(detector, issue, Status.SKIPPED, reason, 0, Map.of(), null, List.of(), null);
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
