package org.cleanrank.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out DIR} of the commands that write several files into one folder ({@code benchmark}, {@code knn},
 * {@code selfclean}, the Spark job's commands); the commands that write one file name it with their own {@code --out}.
 */
public final class OutputFolderOption {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    public Path dir;

    /** The file {@code name} in the folder. */
    public Path resolve(String name) {
        return dir.resolve(name);
    }
}
