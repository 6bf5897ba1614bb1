package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.NpyWriter;
import org.cleanrank.io.RankingFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows keyed by id: --ids for selfclean and detect, labels joined by id, and SelfClean's automatic cleaning. */
class IdKeyedRowsCliTest {
    @TempDir
    Path dir;

    /** 400 pairs; automatic cleaning with cut-offs and significance level 0.1 (the golden's "_loose"). */
    private static final String[] LOOSE_AUTO_CLEANING = {
        "--pairs",
        "400",
        "--auto-cleaning",
        "--near-duplicate-cut-off",
        "0.1",
        "--off-topic-cut-off",
        "0.1",
        "--label-error-cut-off",
        "0.1",
        "--significance-level",
        "0.1"
    };

    private FloatMatrix x;
    private int[] labels;
    private String[] id;

    @BeforeEach
    void load() {
        Path g = CliTest.golden("synth_n600_d64_seed1");
        x = FloatMatrix.load(g.resolve("embeddings.npy"));
        labels = org.cleanrank.io.Labels.load(g.resolve("labels.npy"), x.rows());
        id = new String[x.rows()];
        for (int i = 0; i < id.length; i++) {
            // file names, one with a comma and one with a quote: ids are any strings
            id[i] = i == 7 ? "lesion, left arm.png" : i == 8 ? "the \"odd\" one.jpg" : String.format("img_%04d.png", i);
        }
    }

    /** Writes the set with its rows in {@code order} (row k = sample order[k]): embeddings, ids, labels by id. */
    private Path write(String name, int[] order) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        int dim = x.cols();
        float[] data = new float[order.length * dim];
        StringBuilder ids = new StringBuilder("id\n");
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(x.data(), order[k] * dim, data, k * dim, dim);
            ids.append(RankingFiles.csv(id[order[k]])).append('\n');
        }
        NpyWriter.writeFloat32(d.resolve("emb.npy"), data, order.length, dim);
        Files.writeString(d.resolve("ids.csv"), ids);
        // labels keyed by id, listed in yet another order
        StringBuilder lab = new StringBuilder("label,id\n");
        for (int i : permutation(order.length, 5)) {
            lab.append("class")
                    .append(labels[i])
                    .append(',')
                    .append(RankingFiles.csv(id[i]))
                    .append('\n');
        }
        Files.writeString(d.resolve("labels.csv"), lab);
        return d;
    }

    static List<CSVRecord> read(Path csv) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)
                    .getRecords();
        }
    }

    private static int[] identity(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    private static int[] permutation(int n, long seed) {
        List<Integer> order =
                new ArrayList<>(java.util.stream.IntStream.range(0, n).boxed().toList());
        java.util.Collections.shuffle(order, new Random(seed));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The set's embeddings, ids and labels keyed by id, as options. */
    private static String[] inputs(Path d) {
        return new String[] {
            "--embeddings",
            d.resolve("emb.npy").toString(),
            "--ids",
            d.resolve("ids.csv").toString(),
            "--labels",
            d.resolve("labels.csv").toString()
        };
    }

    private Path selfclean(Path d, String... extra) {
        Path out = d.resolve("out");
        List<String> args = new ArrayList<>(List.of("selfclean", "--out", out.toString(), "--quiet"));
        args.addAll(List.of(inputs(d)));
        args.addAll(List.of(extra));
        CliTest.Run r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    /** score by id, and the ranking as ids in order */
    private static Map<String, String> scoreById(List<CSVRecord> rows, String scoreColumn) {
        Map<String, String> m = new HashMap<>();
        for (CSVRecord r : rows) {
            assertEquals(null, m.put(r.get("id"), r.get(scoreColumn)), "id listed twice");
        }
        return m;
    }

    @Test
    void permutedRowsWithTheirIdsGiveTheSameRankingsById() throws IOException {
        int n = x.rows();
        Path a = selfclean(write("plain", identity(n)), LOOSE_AUTO_CLEANING);
        Path b = selfclean(write("permuted", permutation(n, 3)), LOOSE_AUTO_CLEANING);
        for (String f : new String[] {"off_topic.csv", "label_errors.csv"}) {
            List<CSVRecord> ra = read(a.resolve(f));
            List<CSVRecord> rb = read(b.resolve(f));
            assertEquals(n, ra.size());
            assertEquals(scoreById(ra, "score"), scoreById(rb, "score"), f + ": the same score for every id");
            assertEquals(scoreById(ra, "auto_issue"), scoreById(rb, "auto_issue"), f + ": the same ids flagged");
            for (int k = 0; k < n; k++) { // and the same order wherever the score is not tied
                boolean tied = (k > 0
                                && ra.get(k).get("score").equals(ra.get(k - 1).get("score")))
                        || (k + 1 < n
                                && ra.get(k).get("score").equals(ra.get(k + 1).get("score")));
                if (!tied) {
                    assertEquals(ra.get(k).get("id"), rb.get(k).get("id"), f + " rank " + (k + 1));
                }
            }
        }
        List<CSVRecord> pa = read(a.resolve("near_duplicates.csv"));
        List<CSVRecord> pb = read(b.resolve("near_duplicates.csv"));
        assertEquals(400, pa.size());
        Map<String, String> da = new HashMap<>();
        for (CSVRecord r : pa) {
            da.put(pairKey(r), r.get("distance") + "/" + r.get("auto_issue"));
        }
        int same = 0;
        for (CSVRecord r : pb) {
            String v = da.get(pairKey(r));
            if (r != pb.get(pb.size() - 1) || v != null) { // the last kept distance may be tied with pairs left out
                assertEquals(v, r.get("distance") + "/" + r.get("auto_issue"), "pair " + pairKey(r));
                same++;
            }
        }
        assertTrue(same >= 399);
        JsonNode ja =
                new ObjectMapper().readTree(a.resolve("auto_cleaning.json").toFile());
        JsonNode jb =
                new ObjectMapper().readTree(b.resolve("auto_cleaning.json").toFile());
        assertEquals(ja, jb, "the automatic cleaning decides the same");
        // and what it decides is the reference's (auto_cleaning_loose.json of this golden case)
        JsonNode ref = new ObjectMapper()
                .readTree(CliTest.golden("synth_n600_d64_seed1")
                        .resolve("expected/auto_cleaning_loose.json")
                        .toFile());
        for (String t : new String[] {"near_duplicates", "off_topic_samples", "label_errors"}) {
            assertEquals(
                    ref.get(t).get("flagged").asLong(), ja.get(t).get("flagged").asLong(), t);
        }
        long flaggedRows = read(a.resolve("off_topic.csv")).stream()
                .filter(r -> r.get("auto_issue").equals("1"))
                .count();
        assertEquals(ja.get("off_topic_samples").get("flagged").asLong(), flaggedRows);
        assertEquals(
                ja.get("off_topic_samples").get("flagged").asLong(),
                ja.get("off_topic_samples").get("reference_positions").size());
    }

    private static String pairKey(CSVRecord r) {
        String p = r.get("id_i"), q = r.get("id_j");
        return p.compareTo(q) < 0 ? p + "|" + q : q + "|" + p;
    }

    @Test
    void detectReadsIdsAndKeyedLabels() throws IOException {
        int n = x.rows();
        Map<String, Map<String, String>> byRun = new HashMap<>();
        for (String name : new String[] {"plain", "permuted"}) {
            Path d = write(name, name.equals("plain") ? identity(n) : permutation(n, 9));
            for (String det : new String[] {"knn", "ecod", "intra-extra"}) {
                Path out = d.resolve(det + ".csv");
                List<String> args = new ArrayList<>(List.of("detect", det, "--out", out.toString(), "--quiet"));
                args.addAll(List.of(inputs(d)));
                CliTest.Run r = CliTest.run(args.toArray(String[]::new));
                assertEquals(0, r.code(), r.err());
                List<CSVRecord> rows = read(out);
                assertEquals(n, rows.size());
                byRun.put(name + det, scoreById(rows, "score"));
            }
        }
        for (String det : new String[] {"knn", "ecod", "intra-extra"}) {
            assertEquals(byRun.get("plain" + det), byRun.get("permuted" + det), det + ": same score per id");
        }
        assertTrue(byRun.get("plainknn").containsKey("lesion, left arm.png"));
    }

    @Test
    void mismatchedIdsAndLabelsAreOneLineAndExit2() throws IOException {
        Path d = write("set", identity(x.rows()));
        String emb = d.resolve("emb.npy").toString();
        // duplicate ids
        List<String> ids = Files.readAllLines(d.resolve("ids.csv"));
        ids.set(5, ids.get(4));
        ids.set(11, ids.get(10));
        Path dup = Files.write(dir.resolve("dup.csv"), ids);
        CliTest.Run r = CliTest.run(
                ("selfclean --embeddings " + emb + " --ids " + dup + " --out " + dir.resolve("o1")).split(" "));
        assertEquals(2, r.code());
        assertOneLine(r.err(), "ids given to more than one row: 2", "img_0003.png");
        // one id too few
        Path few = Files.write(
                dir.resolve("few.csv"), Files.readAllLines(d.resolve("ids.csv")).subList(0, 600));
        r = CliTest.run(
                "selfclean",
                "--embeddings",
                emb,
                "--ids",
                few.toString(),
                "--out",
                dir.resolve("o2").toString());
        assertEquals(2, r.code());
        assertOneLine(r.err(), "599 ids for 600 embedding rows");
        // labels by id: one missing, one unknown, one twice
        List<String> lab = new ArrayList<>(Files.readAllLines(d.resolve("labels.csv")));
        String removed = lab.remove(1);
        lab.add("class0,not_in_the_ids.png");
        lab.add(lab.get(2));
        Path badLabels = Files.write(dir.resolve("bad_labels.csv"), lab);
        r = CliTest.run(
                "detect",
                "intra-extra",
                "--embeddings",
                emb,
                "--ids",
                d.resolve("ids.csv").toString(),
                "--labels",
                badLabels.toString(),
                "--out",
                dir.resolve("o3.csv").toString());
        assertEquals(2, r.code());
        assertOneLine(
                r.err(),
                "labels: 599 of 600 samples matched",
                "ids without a label: 1",
                removed.substring(removed.indexOf(',') + 1),
                "labels for ids not in the ids file: 1",
                "not_in_the_ids.png",
                "ids labelled more than once: 1");
        // labels keyed by id without --ids; a cut-off out of range (temporary paths hold no spaces)
        r = CliTest.run(("selfclean --embeddings " + emb + " --labels " + d.resolve("labels.csv") + " --out "
                        + dir.resolve("o4"))
                .split(" "));
        assertEquals(2, r.code());
        assertOneLine(r.err(), "need --ids");
        r = CliTest.run(("selfclean --embeddings " + emb + " --out " + dir.resolve("o5")
                        + " --auto-cleaning --off-topic-cut-off 1.5")
                .split(" "));
        assertEquals(2, r.code());
        assertOneLine(r.err(), "off-topic cut-off must be in (0, 1)");
    }

    private static void assertOneLine(String err, String... parts) {
        assertEquals(1, err.strip().lines().count(), err);
        for (String p : parts) {
            assertTrue(err.contains(p), "'" + p + "' in: " + err);
        }
    }
}
