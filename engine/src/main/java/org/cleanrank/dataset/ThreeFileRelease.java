package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.ints.IntLinkedOpenHashSet;
import it.unimi.dsi.fastutil.longs.Long2ByteOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CleanPatrick's three-file release as its reader ({@code src/dataset/cleanpatrick.py},
 * {@code CleanPatrick.__init__} and {@code create_annotation_matrix}) interprets it:
 *
 * <ul>
 *   <li>sample order and labels: fitzpatrick17k.csv ({@link Fitzpatrick17kMetadata});
 *   <li>{@code off_topic_samples.csv}, {@code label_errors.csv} (md5hash,label): reindexed to that order;
 *   <li>{@code near_duplicates.csv} (md5hash_list,label): each row a group, its hashes comma-separated and
 *       stripped; every pair inside a group gets the row's label in both (i, j) and (j, i); the diagonal
 *       and every pair in no group stay NaN. The reader asserts that the groups cover every image.
 * </ul>
 *
 * Stricter than the reference where it would silently lose data: a hash not in the metadata, a sample
 * with no off-topic/label-error row (the reference gets NaN, i.e. "no issue"), a repeated hash, a label
 * other than 0/1, or a pair labelled both 0 and 1 (the reference keeps one of them) is an error.
 */
final class ThreeFileRelease {
    private ThreeFileRelease() {}

    static final String OFF_TOPIC = "off_topic_samples.csv";
    static final String NEAR_DUPLICATES = "near_duplicates.csv";
    static final String LABEL_ERRORS = "label_errors.csv";

    static CleanPatrickDataset read(Path dir, Path metadataCsv, LoadOptions options) {
        Fitzpatrick17kMetadata meta = Fitzpatrick17kMetadata.read(metadataCsv, options.labelsColumn());
        Object2IntOpenHashMap<String> index = Md5.index(meta.ids());
        byte[] offTopic = flags(dir.resolve(OFF_TOPIC), meta, index, "off-topic");
        byte[] labelError = flags(dir.resolve(LABEL_ERRORS), meta, index, "label error");
        Groups g = groups(dir.resolve(NEAR_DUPLICATES), meta, index, options.lastAnnotationWins());
        return new CleanPatrickDataset(
                CleanPatrickFormat.THREE_FILE,
                List.of(dir.resolve(OFF_TOPIC), dir.resolve(NEAR_DUPLICATES), dir.resolve(LABEL_ERRORS), metadataCsv),
                meta.ids(),
                meta.labels(),
                meta.fitzpatrick(),
                offTopic,
                labelError,
                g.positive.toArray(int[][]::new),
                g.negative.toArray(int[][]::new),
                g.pairs);
    }

    /** A per-image 0/1 file (md5hash,label) in metadata order; every image needs exactly one row. */
    private static byte[] flags(
            Path file, Fitzpatrick17kMetadata meta, Object2IntOpenHashMap<String> index, String meaning) {
        CsvTable t = CsvTable.read(
                file, "CleanPatrick's " + file.getFileName() + " with a header md5hash,label and one row per image");
        int idCol = t.column("md5hash", "the header must be md5hash,label");
        int labelCol = t.column("label", "the header must be md5hash,label");
        int n = meta.ids().size();
        byte[] out = new byte[n];
        boolean[] seen = new boolean[n];
        CsvTable.UniqueIds unique = new CsvTable.UniqueIds(t, "md5hash");
        for (CsvTable.Row row : t.rows) {
            String id = Md5.parse(row.values().get(idCol), t, row.line(), "md5hash");
            unique.add(id, row.line(), "keep one row per image");
            int i = sampleOf(t, row.line(), id, index, meta, "md5hash " + id + " is", "the row");
            out[i] = CsvValues.flag(row.values().get(labelCol), t, row.line(), "label", meaning);
            seen[i] = true;
        }
        requireEveryImage(
                t,
                meta,
                seen,
                "have no row",
                "CleanPatrick labels every image: add a row with label 0 or 1 for each, or use the matching fitzpatrick17k.csv");
        return out;
    }

    /**
     * The sample of {@code id}; an id that fitzpatrick17k.csv lacks is an error on {@code line}: "{@code named} not in
     * fitzpatrick17k.csv", with the advice to use the matching file or remove {@code removable}.
     */
    private static int sampleOf(
            CsvTable t,
            long line,
            String id,
            Object2IntOpenHashMap<String> index,
            Fitzpatrick17kMetadata meta,
            String named,
            String removable) {
        int i = index.getInt(id);
        if (i < 0) {
            throw t.error(
                    line,
                    named + " not in " + meta.csv(),
                    "use the fitzpatrick17k.csv this release was made for, or remove " + removable);
        }
        return i;
    }

    /**
     * Rejects a file that leaves images of {@code meta} out ({@code covered[i]} false): "count of n images of
     * fitzpatrick17k.csv {@code problem} (e.g. the first three)".
     */
    private static void requireEveryImage(
            CsvTable t, Fitzpatrick17kMetadata meta, boolean[] covered, String problem, String fix) {
        int n = covered.length;
        int count = 0;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!covered[i] && count++ < 3) {
                missing.add(meta.ids().get(i));
            }
        }
        if (count > 0) {
            throw t.error(
                    count + " of " + n + " images of " + meta.csv().getFileName() + " " + problem + " (e.g. "
                            + String.join(", ", missing) + ")",
                    fix);
        }
    }

    private static final class Groups {
        final List<int[]> positive = new ArrayList<>();
        final List<int[]> negative = new ArrayList<>();
        AnnotatedPairLabels pairs;
    }

    private static Groups groups(
            Path file, Fitzpatrick17kMetadata meta, Object2IntOpenHashMap<String> index, boolean lastWins) {
        CsvTable t = CsvTable.read(
                file,
                "CleanPatrick's near_duplicates.csv with a header md5hash_list,label and one row per annotated group");
        int listCol = t.column("md5hash_list", "the header must be md5hash_list,label");
        int labelCol = t.column("label", "the header must be md5hash_list,label");
        int n = meta.ids().size();
        Groups g = new Groups();
        Long2ByteOpenHashMap pairs = new Long2ByteOpenHashMap();
        boolean[] covered = new boolean[n];
        List<int[]> all = new ArrayList<>();
        for (CsvTable.Row row : t.rows) {
            IntLinkedOpenHashSet members = new IntLinkedOpenHashSet();
            for (String part : row.values().get(listCol).split(",", -1)) {
                if (part.isBlank()) {
                    throw t.error(
                            row.line(),
                            "empty hash in md5hash_list "
                                    + CsvTable.show(row.values().get(listCol)),
                            "list the group's md5 hashes separated by single commas, in one quoted field");
                }
                String id = Md5.parse(part, t, row.line(), "md5hash_list");
                int i = sampleOf(
                        t,
                        row.line(),
                        id,
                        index,
                        meta,
                        "the group names " + id + ", which is",
                        "the hash from the group");
                members.add(i); // a hash repeated inside a group adds no pair (the reference's (i, i) is NaN)
                covered[i] = true;
            }
            byte label = CsvValues.flag(row.values().get(labelCol), t, row.line(), "label", "near-duplicate group");
            int[] m = members.toIntArray();
            all.add(m);
            (label == 1 ? g.positive : g.negative).add(m);
            for (int a = 0; a < m.length; a++) {
                for (int b = a + 1; b < m.length; b++) {
                    long key = AnnotatedPairLabels.key(n, m[a], m[b]);
                    if (pairs.containsKey(key) && pairs.get(key) != label && !lastWins) {
                        long earlier = earlierLine(t, all, m[a], m[b]);
                        throw t.error(
                                row.line(),
                                "pair " + meta.ids().get(Math.min(m[a], m[b])) + ", "
                                        + meta.ids().get(Math.max(m[a], m[b]))
                                        + " is labelled " + label
                                        + " here but " + pairs.get(key) + " on line " + earlier,
                                "annotate each pair once (or load with lastAnnotationWins to keep the later label)");
                    }
                    pairs.put(key, label);
                }
            }
        }
        requireEveryImage(
                t,
                meta,
                covered,
                "are in no group",
                "CleanPatrick's reader asserts every image appears in some row: use the matching fitzpatrick17k.csv or complete the file");
        g.pairs = new AnnotatedPairLabels(n, pairs);
        return g;
    }

    /** Line of the first earlier group holding both samples (only looked up to report a conflict). */
    private static long earlierLine(CsvTable t, List<int[]> groups, int a, int b) {
        for (int r = 0; r < groups.size() - 1; r++) {
            boolean hasA = false, hasB = false;
            for (int x : groups.get(r)) {
                hasA |= x == a;
                hasB |= x == b;
            }
            if (hasA && hasB) {
                return t.rows.get(r).line();
            }
        }
        return -1;
    }
}
