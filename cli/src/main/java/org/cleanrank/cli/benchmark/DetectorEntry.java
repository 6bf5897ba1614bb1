package org.cleanrank.cli.benchmark;

import org.cleanrank.cli.report.IssueType;

/**
 * One row of CleanPatrick's comparison: a detector for one issue type, what it needs, and how to run it
 * on the samples that have those inputs.
 */
public record DetectorEntry(String name, String fileName, IssueType issue, Input needs, Runner runner) {

    /** The input a detector reads. */
    public enum Input {
        EMBEDDINGS,
        EMBEDDINGS_AND_LABELS,
        IMAGES
    }

    @FunctionalInterface
    public interface Runner {
        /** Runs on {@code subset} (global sample indices, ascending); returns results in subset positions. */
        Detection run(RunContext ctx, int[] subset);
    }
}
