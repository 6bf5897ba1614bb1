package org.cleanrank.cli;

import picocli.CommandLine.Option;

/** The options of every long-running command: worker threads and progress on stderr (a picocli mixin). */
final class RunOptions {
    @Option(names = "--threads", defaultValue = "0", description = "worker threads (default: all cores)")
    int threads;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    /** Progress on stderr unless {@code --quiet}. */
    StderrProgress progress() {
        return new StderrProgress(!quiet);
    }
}
