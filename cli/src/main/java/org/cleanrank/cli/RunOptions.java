package org.cleanrank.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * How a command runs, not what it computes: {@code --threads T} and {@code --quiet}, mixed into every command
 * that runs a parallel step and reports progress. Without {@code --threads} the commands use all cores; a
 * given count must be 1 to {@link #MAX_THREADS}, checked while parsing, so a bad count fails before any work.
 */
final class RunOptions {
    /**
     * Every worker holds its own buffers (a top-K heap, tiles, decoded images), so memory grows with the thread
     * count while speed stops growing at the core count: a count far above any machine's cores is a typo that
     * would otherwise end in an out-of-memory error with the wrong advice.
     */
    static final int MAX_THREADS = 1024;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** 0 while not given: the engine's builders read 0 as "all cores". */
    private int threads;

    @Option(names = "--quiet", description = "no progress on stderr (warnings and errors still go there)")
    boolean quiet;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "worker threads, 1 to " + MAX_THREADS + " (default: all cores)")
    void threads(int t) {
        if (t < 1 || t > MAX_THREADS) {
            throw new ParameterException(
                    command.commandLine(),
                    "--threads " + t + ": expected 1 to " + MAX_THREADS + " worker threads (leave it out to use all "
                            + Runtime.getRuntime().availableProcessors() + " cores)");
        }
        threads = t;
    }

    /** The value given, or 0 (all cores) when the option was not given: what the engine's builders take. */
    int threadsOrAllCores() {
        return threads;
    }

    /** The number of worker threads this run uses: the value given, else the number of cores. */
    int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Progress on stderr unless {@code --quiet}. */
    StderrProgress progress() {
        return new StderrProgress(!quiet);
    }
}
