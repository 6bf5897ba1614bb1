package org.cleanrank.image.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.image.read.DecodedImage;
import org.cleanrank.image.read.ImageDecoder;
import org.cleanrank.pairs.Progress;

/**
 * Runs a per-image step (decode, then hash or thumbnail) over a folder on all cores, in file-name order.
 * A file that fails (corrupt, truncated, empty, not an image) is skipped and reported; the others keep
 * their results: one bad file never loses the rest of a run.
 */
public final class ImageFolder {
    private ImageFolder() {}

    /** One file's failure: the one-line reason. */
    public record Failure(Path file, String message) {}

    /** Results for the readable files (in name order) and the failures. */
    public record Result<T>(List<Path> files, List<T> values, List<Failure> failures) {}

    /** Regular, non-hidden files of {@code dir}, sorted by name. */
    public static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CleanRankException(dir + ": not a folder; give the folder that holds the images");
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted((a, b) ->
                            a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
            if (files.isEmpty()) {
                throw new CleanRankException(dir + ": the folder holds no files; point --images at the image folder");
            }
            return files;
        } catch (IOException e) {
            throw new CleanRankException(dir + ": cannot list (" + e.getMessage() + ")");
        }
    }

    public static <T> Result<T> map(List<Path> files, Function<DecodedImage, T> step, int threads, Progress progress) {
        int n = files.size();
        Object[] values = new Object[n];
        String[] errors = new String[n];
        AtomicInteger done = new AtomicInteger();
        ParallelTasks.forEach(n, threads, i -> {
            try {
                values[i] = step.apply(ImageDecoder.decode(files.get(i)));
            } catch (CleanRankException e) {
                errors[i] = e.getMessage();
            } catch (RuntimeException e) {
                errors[i] = files.get(i) + ": cannot process (" + e + ")";
            }
            progress.update("images", done.incrementAndGet(), n);
        });
        List<Path> okFiles = new ArrayList<>();
        List<T> okValues = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (errors[i] != null) {
                failures.add(new Failure(files.get(i), errors[i]));
            } else {
                okFiles.add(files.get(i));
                @SuppressWarnings("unchecked")
                T v = (T) values[i];
                okValues.add(v);
            }
        }
        return new Result<>(okFiles, okValues, failures);
    }
}
