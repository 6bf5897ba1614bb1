package org.cleanrank.cli;

import org.cleanrank.CleanRankException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code cleanrank} command line. */
@Command(
        name = "cleanrank",
        mixinStandardHelpOptions = true,
        version = "cleanrank 0.1.0",
        description = "Rank data-quality issues (near-duplicates, off-topic samples, label errors) in image datasets,"
                + " exactly as SelfClean / CleanPatrick do, in Java.",
        subcommands = {
            SelfCleanCommand.class,
            KnnCommand.class,
            EvaluateCommand.class,
            DemoCommand.class,
            DemoEmbeddingsCommand.class,
            HashCommand.class,
            SsimCommand.class,
            NearDuplicatesCommand.class,
            AuditCommand.class,
            DetectCommand.class,
            BenchmarkCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Held strongly: a logger whose level was set but that nothing references can be collected, losing the level. */
    private static final java.util.logging.Logger ENGINE_LOG = java.util.logging.Logger.getLogger("org.cleanrank");

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        exit(
                () -> execute(args),
                "raise the heap (CLEANRANK_HEAP=16g ./cleanrank ...) or use a top-K ranking (--pairs K)");
    }

    /** Exits with the code {@code program} returns, or 3 with {@code outOfMemoryAdvice} when the heap ran out. */
    public static void exit(java.util.function.IntSupplier program, String outOfMemoryAdvice) {
        int code;
        try {
            code = program.getAsInt();
        } catch (OutOfMemoryError e) {
            System.err.println("cleanrank: out of memory; " + outOfMemoryAdvice);
            code = 3;
        }
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (tests call this). */
    public static int execute(String... args) {
        return execute(new CommandLine(new Main()), args);
    }

    /**
     * Runs {@code cl} (cleanrank's or another program's command line, e.g. the Spark job's) with cleanrank's
     * error handling: a user error is one line {@code cleanrank: ...} and exit code 2, an internal error one
     * line and exit code 1.
     */
    public static int execute(CommandLine cl, String... args) {
        // the CLI prints which kernels it uses itself; keep the engine's log line off the terminal
        ENGINE_LOG.setLevel(java.util.logging.Level.WARNING);
        // a mistyped or missing option is a user error like a bad file: one line and exit 2, no usage dump
        cl.setParameterExceptionHandler((ex, given) -> {
            CommandLine command = ex.getCommandLine();
            String hint = ex instanceof UnmatchedArgumentException u
                            && !u.getSuggestions().isEmpty()
                    ? " (did you mean " + u.getSuggestions().get(0) + "?)"
                    : "";
            command.getErr()
                    .println("cleanrank: " + ex.getMessage().strip().replace("\n", "; ") + hint + "; see '"
                            + command.getCommandSpec().qualifiedName() + " --help'");
            return command.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            while (t.getCause() != null && !(t instanceof CleanRankException)) {
                t = t.getCause();
            }
            if (t instanceof CleanRankException) {
                commandLine.getErr().println("cleanrank: " + t.getMessage());
                return 2;
            }
            commandLine.getErr().println("cleanrank: internal error: " + ex);
            if (System.getenv("CLEANRANK_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            } else {
                commandLine.getErr().println("cleanrank: set CLEANRANK_DEBUG=1 for the stack trace and report it");
            }
            return 1;
        });
        return cl.execute(args);
    }
}
