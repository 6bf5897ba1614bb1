package org.cleanrank.spark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.cleanrank.CleanRankException;

/**
 * The job's output files, complete or absent: every file is written into a staging folder beside
 * {@code DIR} first; only when all are written does the folder become {@code DIR} (one rename when
 * {@code DIR} does not exist yet), or, into an existing {@code DIR}, each file is renamed into place (each
 * rename atomic). A job that fails before that leaves no output and no staging folder.
 */
final class OutputFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    OutputFolder(Path target) {
        this.target = target.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.target.getParent());
            this.staging =
                    // not createTempDirectory: its owner-only permissions would become DIR's
                    Files.createDirectory(this.target.resolveSibling(
                            "." + this.target.getFileName() + ".staging-" + java.util.UUID.randomUUID()));
        } catch (IOException e) {
            throw new CleanRankException(
                    target + ": cannot create the output folder (" + e.getMessage() + "); check the path is writable");
        }
    }

    /** Where to write {@code name} before the commit. */
    Path file(String name) {
        return staging.resolve(name);
    }

    /** Moves the staged files into {@code DIR}. */
    void commit() {
        try {
            if (!Files.exists(target)) {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
                    for (Path f : files) {
                        Files.move(
                                f,
                                target.resolve(f.getFileName()),
                                StandardCopyOption.REPLACE_EXISTING,
                                StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                Files.delete(staging);
            }
            committed = true;
        } catch (IOException e) {
            throw new CleanRankException(
                    target + ": cannot move the results into place (" + e.getMessage() + "); check the folder");
        }
    }

    /** Removes the staging folder unless committed. */
    @Override
    public void close() {
        if (committed || !Files.exists(staging)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the first error is the one reported
        }
    }
}
