package org.cleanrank.cli.benchmark;

import org.cleanrank.CleanRankException;

/** Thrown by a detector that cannot run on this data (e.g. label errors with a single label): listed as skipped, not failed. */
public final class DetectorSkipped extends CleanRankException {
    public DetectorSkipped(String reason) {
        super(reason);
    }
}
