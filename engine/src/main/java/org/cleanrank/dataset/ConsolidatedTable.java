package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CleanPatrick's consolidated table: one row per image, in sample order, with columns
 * {@code md5hash, fitzpatrick, granular_partition_label, nd_clique, label_error, off_topic_sample}.
 *
 * <p>{@code nd_clique} partitions the images: rows sharing a value are one near-duplicate clique, a value
 * used once (or an empty/NA field) is a singleton. The values are compared as trimmed text. The table
 * has no way to record annotated negatives, so every pair outside a clique is taken as a negative
 * ({@link CliquePairLabels}); {@link CleanPatrickDataset#negativeGroups()} is empty.
 */
final class ConsolidatedTable {
    private ConsolidatedTable() {}

    static final String DEFAULT_LABELS_COLUMN = "granular_partition_label";
    static final String EXPECTED =
            "CleanPatrick's consolidated CSV with a header md5hash,fitzpatrick,granular_partition_label,"
                    + "nd_clique,label_error,off_topic_sample and one row per image";
    private static final String HEADER_FIX =
            "the consolidated table needs md5hash,nd_clique,label_error,off_topic_sample and a labels column";

    static CleanPatrickDataset read(Path csv, LoadOptions options) {
        CsvTable t = CsvTable.read(csv, EXPECTED);
        int idCol = t.column("md5hash", HEADER_FIX);
        int cliqueCol = t.column("nd_clique", HEADER_FIX);
        int errorCol = t.column("label_error", HEADER_FIX);
        int offCol = t.column("off_topic_sample", HEADER_FIX);
        ImageRows images = new ImageRows(
                t,
                idCol,
                options.labelsColumn(),
                DEFAULT_LABELS_COLUMN,
                Fitzpatrick17kMetadata.DEFAULT_LABELS_COLUMN, // fitzpatrick17k.csv's 'label' is this column here
                EXPECTED,
                "fitzpatrick",
                "fitzpatrick_scale");
        int n = images.size();
        byte[] offTopic = new byte[n];
        byte[] labelError = new byte[n];
        int[] clique = new int[n];
        Map<String, IntArrayList> cliques = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            CsvTable.Row row = images.read(i);
            List<String> v = row.values();
            labelError[i] = CsvValues.flag(v.get(errorCol), t, row.line(), "label_error", "label error");
            offTopic[i] = CsvValues.flag(v.get(offCol), t, row.line(), "off_topic_sample", "off-topic");
            String c = v.get(cliqueCol);
            if (CsvValues.isNa(c) || c.isBlank()) {
                cliques.put("\u0000singleton " + i, IntArrayList.of(i));
            } else {
                cliques.computeIfAbsent(c.strip(), k -> new IntArrayList()).add(i);
            }
        }
        List<int[]> groups = new ArrayList<>();
        int id = 0;
        for (IntArrayList members : cliques.values()) {
            for (int k = 0; k < members.size(); k++) {
                clique[members.getInt(k)] = id;
            }
            id++;
            if (members.size() > 1) {
                groups.add(members.toIntArray());
            }
        }
        return new CleanPatrickDataset(
                CleanPatrickFormat.CONSOLIDATED,
                List.of(csv),
                images.ids(),
                images.labels(),
                images.fitzpatrick(),
                offTopic,
                labelError,
                groups.toArray(int[][]::new),
                new int[0][],
                new CliquePairLabels(clique));
    }
}
