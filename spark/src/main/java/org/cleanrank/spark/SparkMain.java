package org.cleanrank.spark;

import org.cleanrank.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Spark job's command line ({@code ./cleanrank-spark}, or the main class of the job jar under
 * {@code spark-submit}): {@code selfclean} and {@code knn} writing the files {@code ./cleanrank} writes, with
 * cleanrank's error handling (one line, exit code 2, for bad input).
 */
@Command(
        name = "cleanrank-spark",
        mixinStandardHelpOptions = true,
        version = "cleanrank-spark 0.1.0",
        description = "SelfClean's rankings and exact kNN with the all-pairs pass as an Apache Spark job.",
        subcommands = {SparkSelfCleanCommand.class, SparkKnnCommand.class, CommandLine.HelpCommand.class})
public final class SparkMain implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        Main.exit(
                () -> execute(args),
                "raise the driver's heap (--driver-memory with spark-submit, CLEANRANK_HEAP with ./cleanrank-spark)");
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return Main.execute(new CommandLine(new SparkMain()), args);
    }
}
