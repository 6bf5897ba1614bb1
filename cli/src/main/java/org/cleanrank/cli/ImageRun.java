package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.cleanrank.CleanRankException;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.image.read.DecodedImage;

/** Shared by the image commands: a folder run that reports skipped files on stderr. */
final class ImageRun {
    private ImageRun() {}

    static <T> ImageFolder.Result<T> run(
            List<Path> files, Function<DecodedImage, T> step, int threads, StderrProgress progress) {
        ImageFolder.Result<T> r = ImageFolder.map(files, step, threads, progress);
        for (ImageFolder.Failure f : r.failures()) {
            System.err.println("cleanrank: skipped " + f.message());
        }
        if (!r.failures().isEmpty()) {
            System.err.println(
                    "cleanrank: " + r.failures().size() + " of " + files.size() + " files skipped (listed above)");
        }
        if (r.values().isEmpty()) {
            throw new CleanRankException("no readable image among " + files.size() + " files");
        }
        return r;
    }

    static String name(Path p) {
        return p.getFileName().toString();
    }
}
