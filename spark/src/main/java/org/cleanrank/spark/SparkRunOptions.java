package org.cleanrank.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.cleanrank.cli.StderrProgress;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How the job runs: the Spark master, the share size, progress. Mixed into both commands. */
final class SparkRunOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master (local[2], spark://host:7077, ...); default: what spark-submit or"
                    + " spark.master says, else local[*]")
    String master;

    Integer blockRows;

    @Option(
            names = "--block-rows",
            paramLabel = "R",
            description = "rows per block of the pair space (a multiple of 128; default: about 4 tasks per"
                    + " default-parallelism slot, at most 4096 rows)")
    void blockRows(int r) {
        if (r < 128 || r % 128 != 0) {
            throw new ParameterException(
                    command.commandLine(), "--block-rows " + r + ": expected a positive multiple of 128");
        }
        blockRows = r;
    }

    @Option(names = "--quiet", description = "no progress on stderr (warnings and errors still go there)")
    boolean quiet;

    StderrProgress progress() {
        return new StderrProgress(!quiet);
    }

    /**
     * The session: the given master (else spark-submit's), no web UI unless asked for, and no cap on the
     * total size of task results (the parts of all tasks together exceed spark.driver.maxResultSize's 1g
     * default on large inputs, although the driver holds only one at a time).
     */
    SparkSession session(String appName) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (master != null) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.driver.maxResultSize", "0");
        return SparkSession.builder().config(conf).getOrCreate();
    }
}
