package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;

/**
 * Finds each sample's image under a folder by its md5hash: a file named {@code <md5>.<ext>} (any case,
 * any image extension in {@link #EXTENSIONS}), at any depth; hidden files and folders are skipped. The
 * reference looks only at {@code <dir>/*}{@code /*.jpg} (Fitzpatrick17k's layout); this finds that and more.
 *
 * <p>Mismatches are reported ({@link #mismatch()}), never thrown: samples without an image, image files that
 * name no sample, a hash with several files (the first in path order is used) and, with {@code verifyMd5},
 * files whose bytes do not hash to their name (they stay matched; the report lets the caller refuse them).
 */
public final class ImageIndex {
    /** Image file extensions looked at (lower case); other files (CSV, text, ...) are ignored. */
    public static final Set<String> EXTENSIONS = Set.of(
            "jpg", "jpeg", "jpe", "jfif", "png", "bmp", "dib", "gif", "tif", "tiff", "webp", "pbm", "pgm", "ppm",
            "pnm");

    private final Path root;
    private final Path[] paths;
    private final DatasetMismatch mismatch;

    private ImageIndex(Path root, Path[] paths, DatasetMismatch mismatch) {
        this.root = root;
        this.paths = paths;
        this.mismatch = mismatch;
    }

    /** Indexes {@code imageDir} for the samples {@code ids} (md5 hashes, in sample order), on all cores. */
    public static ImageIndex build(Path imageDir, List<String> ids, boolean verifyMd5) {
        return build(imageDir, ids, verifyMd5, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #build(Path, List, boolean)}; {@code threads} hash the files when verifying (0 = all cores). */
    public static ImageIndex build(Path imageDir, List<String> ids, boolean verifyMd5, int threads) {
        if (!Files.isDirectory(imageDir)) {
            throw new CleanRankException(
                    imageDir + ": not a folder; give the folder that holds the images (named <md5hash>.<ext>)");
        }
        Object2IntOpenHashMap<String> index = Md5.index(ids);
        int n = ids.size();
        Path[] paths = new Path[n];
        DatasetMismatch.Tally unknown = new DatasetMismatch.Tally("images with no row");
        DatasetMismatch.Tally duplicates = new DatasetMismatch.Tally("extra images of a sample that already has one");
        for (Path f : imageFiles(imageDir)) {
            String name = f.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.')).toLowerCase(Locale.ROOT);
            int i = Md5.isMd5(stem) ? index.getInt(stem) : -1;
            if (i < 0) {
                unknown.add(imageDir.relativize(f).toString());
            } else if (paths[i] != null) {
                duplicates.add(imageDir.relativize(f) + " (also " + imageDir.relativize(paths[i]) + ")");
            } else {
                paths[i] = f;
            }
        }
        DatasetMismatch.Tally missing = new DatasetMismatch.Tally("samples without an image");
        int matched = 0;
        for (int i = 0; i < n; i++) {
            if (paths[i] == null) {
                missing.add(ids.get(i));
            } else {
                matched++;
            }
        }
        DatasetMismatch.Tally wrong = new DatasetMismatch.Tally("images whose bytes do not hash to their name");
        if (verifyMd5) {
            String[] actual = md5s(paths, threads);
            for (int i = 0; i < n; i++) {
                if (paths[i] != null && !actual[i].equals(ids.get(i).toLowerCase(Locale.ROOT))) {
                    wrong.add(imageDir.relativize(paths[i]) + " is " + actual[i]);
                }
            }
        }
        return new ImageIndex(
                imageDir,
                paths,
                new DatasetMismatch(
                        "images", n, matched, missing.issue(), unknown.issue(), duplicates.issue(), wrong.issue()));
    }

    /** The folder indexed. */
    public Path root() {
        return root;
    }

    /** The image of sample i, or null when there is none. */
    public Path path(int sample) {
        return paths[sample];
    }

    /** Image per sample (null where none), sample order. */
    public List<Path> paths() {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(paths.clone()));
    }

    public DatasetMismatch mismatch() {
        return mismatch;
    }

    /** Every non-hidden file with an image extension below {@code dir}, in path order. */
    static List<Path> imageFiles(Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
                    return !d.equals(dir) && hidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
                    if (a.isRegularFile() && !hidden(f) && EXTENSIONS.contains(extension(f))) {
                        out.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new CleanRankException(dir + ": cannot list the images (" + e.getMessage() + ")");
        }
        out.sort(null);
        return out;
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    private static String extension(Path f) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** md5 of each file's bytes (null entries stay null), on {@code threads} threads. */
    private static String[] md5s(Path[] files, int threads) {
        String[] out = new String[files.length];
        AtomicInteger next = new AtomicInteger();
        int t = Math.max(1, Math.min(ParallelTasks.resolve(threads), files.length));
        // one task per worker, each with its own digest and buffer, taking files from the shared counter
        ParallelTasks.forEach(t, t, w -> {
            MessageDigest md = md5();
            byte[] buf = new byte[1 << 16];
            int i;
            while ((i = next.getAndIncrement()) < files.length) {
                if (files[i] == null) {
                    continue;
                }
                md.reset();
                try (InputStream in = Files.newInputStream(files[i])) {
                    int k;
                    while ((k = in.read(buf)) > 0) {
                        md.update(buf, 0, k);
                    }
                } catch (IOException e) {
                    throw new CleanRankException(files[i] + ": cannot read (" + e.getMessage() + ")");
                }
                out[i] = Md5.hex(md.digest());
            }
        });
        return out;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
