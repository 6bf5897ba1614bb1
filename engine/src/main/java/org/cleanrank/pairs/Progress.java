package org.cleanrank.pairs;

/** Progress of a long computation: called from worker threads, so implementations must be thread-safe. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (stage, done, total) -> {};

    /** {@code done} of {@code total} units of {@code stage} are finished. */
    void update(String stage, long done, long total);
}
