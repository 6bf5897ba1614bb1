package org.cleanrank.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cleanrank.CleanRankException;

/**
 * CleanPatrick's two release formats, their readers, and how a folder is recognised.
 *
 * <p>Detection ({@link #locate}): the three-file set in the folder itself, in {@code CleanPatrick/} or in
 * {@code cleanpatrick/} below it; else a CSV in the folder whose header has {@code md5hash} and
 * {@code nd_clique}. A file given directly (other than one of the three) is read as the consolidated table. When a folder holds both, the three-file
 * release wins: it is the one CleanPatrick's reader reads, and the only one that records annotated
 * negatives. Ask for the other with {@link LoadOptions#withFormat}.
 */
public enum CleanPatrickFormat {
    /** {@code off_topic_samples.csv}, {@code near_duplicates.csv}, {@code label_errors.csv}, plus fitzpatrick17k.csv. */
    THREE_FILE,
    /** One table: md5hash, fitzpatrick, granular_partition_label, nd_clique, label_error, off_topic_sample. */
    CONSOLIDATED;

    public static final List<String> THREE_FILES =
            List.of(ThreeFileRelease.OFF_TOPIC, ThreeFileRelease.NEAR_DUPLICATES, ThreeFileRelease.LABEL_ERRORS);

    /**
     * Where a release was found.
     *
     * @param location the folder of the three files, or the consolidated CSV
     * @param metadataCsv fitzpatrick17k.csv (three-file release only, else null)
     */
    public record Located(CleanPatrickFormat format, Path location, Path metadataCsv) {}

    /** Reads the three-file release in {@code dir} with fitzpatrick17k.csv at {@code metadataCsv}. */
    public static CleanPatrickDataset readThreeFile(Path dir, Path metadataCsv, LoadOptions options) {
        return ThreeFileRelease.read(dir, metadataCsv, options);
    }

    /** Reads the consolidated table {@code csv}. */
    public static CleanPatrickDataset readConsolidated(Path csv, LoadOptions options) {
        return ConsolidatedTable.read(csv, options);
    }

    /** Finds the release in {@code dirOrFile} in {@code options.format()}, or detects the format when null. */
    public static Located locate(Path dirOrFile, LoadOptions options) {
        CleanPatrickFormat want = options.format();
        if (Files.isRegularFile(dirOrFile)) {
            String name = dirOrFile.getFileName().toString();
            if (THREE_FILES.contains(name) && want != CONSOLIDATED) {
                return locate(dirOrFile.toAbsolutePath().getParent(), options);
            }
            if (want == THREE_FILE) {
                throw new CleanRankException(dirOrFile
                        + ": a single file, but the three-file release was asked for; give the folder holding "
                        + String.join(", ", THREE_FILES));
            }
            return new Located(CONSOLIDATED, dirOrFile, null);
        }
        if (!Files.isDirectory(dirOrFile)) {
            throw new CleanRankException(dirOrFile + ": no such file or folder; give the CleanPatrick release folder");
        }
        Path three = want(THREE_FILE, want) ? threeFileDir(dirOrFile) : null;
        if (three != null) {
            return new Located(
                    THREE_FILE,
                    three,
                    options.metadataCsv() != null ? existing(options.metadataCsv()) : metadataNear(three));
        }
        if (want == THREE_FILE) {
            throw new CleanRankException(dirOrFile + ": no " + String.join(", ", THREE_FILES)
                    + " here or in CleanPatrick/ below; point at the folder that holds them");
        }
        List<Path> tables = consolidatedTables(dirOrFile);
        if (tables.size() == 1) {
            return new Located(CONSOLIDATED, tables.get(0), null);
        }
        if (tables.size() > 1) {
            throw new CleanRankException(dirOrFile + ": " + tables.size() + " consolidated tables ("
                    + tables.get(0).getFileName() + ", " + tables.get(1).getFileName()
                    + (tables.size() > 2 ? ", ..." : "") + "); give the one to use as a file");
        }
        throw new CleanRankException(
                dirOrFile + ": no CleanPatrick release found: expected " + String.join(", ", THREE_FILES)
                        + " (with fitzpatrick17k.csv) or a consolidated CSV with an nd_clique column; point at the folder that holds them");
    }

    private static boolean want(CleanPatrickFormat f, CleanPatrickFormat asked) {
        return asked == null || asked == f;
    }

    /** The folder holding the three files (all of them; some but not all is an error). */
    private static Path threeFileDir(Path dir) {
        for (Path d : List.of(dir, dir.resolve("CleanPatrick"), dir.resolve("cleanpatrick"))) {
            List<String> present = new ArrayList<>();
            List<String> absent = new ArrayList<>();
            for (String f : THREE_FILES) {
                (Files.isRegularFile(d.resolve(f)) ? present : absent).add(f);
            }
            if (!present.isEmpty() && !absent.isEmpty()) {
                throw new CleanRankException(
                        d + ": has " + String.join(", ", present) + " but not " + String.join(", ", absent)
                                + "; the three-file release needs all three (or load the consolidated table as a file)");
            }
            if (absent.isEmpty()) {
                return d;
            }
        }
        return null;
    }

    private static Path metadataNear(Path three) {
        Path parent = three.toAbsolutePath().getParent();
        List<Path> candidates = new ArrayList<>();
        candidates.add(three.resolve(Fitzpatrick17kMetadata.FILE_NAME));
        if (parent != null) {
            candidates.add(parent.resolve(Fitzpatrick17kMetadata.FILE_NAME));
            candidates.add(parent.resolve("fitzpatrick17k").resolve(Fitzpatrick17kMetadata.FILE_NAME));
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new CleanRankException(
                three + ": no " + Fitzpatrick17kMetadata.FILE_NAME + " beside it (looked in " + candidates.size()
                        + " places: here, .., ../fitzpatrick17k); give its path with the metadataCsv option");
    }

    private static Path existing(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new CleanRankException(
                    p + ": no such file; give the path of Fitzpatrick17k's metadata CSV (fitzpatrick17k.csv)");
        }
        return p;
    }

    private static List<Path> consolidatedTables(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv"))
                    .filter(CleanPatrickFormat::isConsolidated)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CleanRankException(dir + ": cannot list (" + e.getMessage() + ")");
        }
    }

    private static boolean isConsolidated(Path csv) {
        try {
            List<String> h = CsvTable.read(csv, ConsolidatedTable.EXPECTED, 0).header;
            return h.contains("md5hash") && h.contains("nd_clique");
        } catch (CleanRankException e) {
            return false; // an unreadable CSV is not the table we look for
        }
    }
}
