package org.cleanrank.cli.report;

/**
 * One ranked item as an auditor sees it: a sample ({@code j < 0}) or a pair of samples, the detector's
 * score, and the ground truth (1 issue, 0 not an issue, -1 not annotated).
 */
public record AuditItem(int rank, int i, int j, double score, int truth) {
    public boolean isPair() {
        return j >= 0;
    }
}
