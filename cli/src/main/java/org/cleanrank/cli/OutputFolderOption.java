package org.cleanrank.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out DIR} of the commands that write several files into one folder ({@code benchmark}, {@code knn},
 * {@code selfclean}); the commands that write one file name it with their own {@code --out}.
 */
final class OutputFolderOption {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    Path dir;

    /** The file {@code name} in the folder. */
    Path resolve(String name) {
        return dir.resolve(name);
    }
}
