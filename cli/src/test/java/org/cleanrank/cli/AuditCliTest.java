package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cleanrank.fixtures.AuditFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit} on a generated folder it has never seen (planted near-duplicates, off-topic pictures, flipped
 * labels; {@link AuditFolder}): the planted pairs land in near-duplicate groups, the planted issues rank
 * high, and bad input is one line with exit code 2.
 */
class AuditCliTest {
    @TempDir
    static Path shared;

    static AuditFolder.Result folder;
    static CliTest.Run full;
    static Path fullOut;

    @BeforeAll
    static void auditAFreshFolder() {
        folder = AuditFolder.write(shared.resolve("folder"), AuditFolder.DEFAULT.withSeed(101), 2);
        fullOut = shared.resolve("full");
        full = audit(folder.auditInputs(), "--out", fullOut.toString());
    }

    @Test
    void writesEveryFileWithItsHeader() throws Exception {
        assertEquals(0, full.code(), full.err());
        Map<String, String> headers = Map.of(
                "near_duplicates.csv", "rank,file_i,file_j,method,score,auto_issue",
                "near_duplicate_groups.csv", "group,file",
                "off_topic.csv", "rank,file,method,score,auto_issue",
                "label_errors.csv", "rank,file,method,label,suspected_label,score,auto_issue");
        for (var e : headers.entrySet()) {
            assertEquals(
                    e.getValue(),
                    Files.readAllLines(fullOut.resolve(e.getKey())).get(0),
                    e.getKey());
        }
        assertTrue(Files.isRegularFile(fullOut.resolve("report.html")));
        JsonNode json =
                new ObjectMapper().readTree(fullOut.resolve("audit.json").toFile());
        assertEquals(folder.imageCount(), json.get("images").asInt());
        assertEquals(3, json.get("near_duplicates").get("detectors").size(), "SelfClean, pHash, SSIM");
        assertEquals(5, json.get("off_topic").get("detectors").size(), "SelfClean, KNN, ECOD, HBOS, IForest");
        assertTrue(full.err().contains("matched to image files by id"), full.err());
        try (var s = Files.list(fullOut)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void everyPlantedPairLandsInOneGroup() throws Exception {
        Map<String, String> groupOf = groups(fullOut);
        assertFalse(folder.nearDuplicatePairs().isEmpty());
        for (AuditFolder.Pair p : folder.nearDuplicatePairs()) {
            assertTrue(groupOf.containsKey(p.fileI()), p + " in no group");
            assertEquals(groupOf.get(p.fileI()), groupOf.get(p.fileJ()), p.toString());
        }
        // groups hold little besides the planted pictures (a handful of wrongly linked pictures at most)
        long planted = folder.nearDuplicatePairs().stream()
                .flatMap(p -> java.util.stream.Stream.of(p.fileI(), p.fileJ()))
                .distinct()
                .count();
        assertTrue(groupOf.size() <= planted + 4, groupOf.size() + " grouped for " + planted + " planted");
    }

    @Test
    void plantedOffTopicPicturesAndFlippedLabelsRankHigh() throws Exception {
        List<String[]> ot = rows(fullOut.resolve("off_topic.csv"), "SelfClean", 2);
        int m = folder.offTopic().size();
        long inTop = ot.subList(0, m).stream()
                .filter(r -> folder.offTopic().contains(r[1]))
                .count();
        assertTrue(inTop >= m - 1, inTop + " of " + m + " off-topic pictures in SelfClean's top " + m);
        assertTrue(ot.stream().anyMatch(r -> r[4].equals("1")), "some off-topic picture flagged");

        Map<String, AuditFolder.FlippedLabel> flipped = new HashMap<>();
        folder.labelErrors().forEach(f -> flipped.put(f.file(), f));
        List<String[]> le = rows(fullOut.resolve("label_errors.csv"), "SelfClean", 2);
        int e = flipped.size();
        int found = 0;
        int suspectedRight = 0;
        for (String[] r : le.subList(0, 2 * e)) {
            AuditFolder.FlippedLabel f = flipped.get(r[1]);
            if (f != null) {
                found++;
                assertEquals(f.label(), r[3], "the given label is the published one");
                suspectedRight += r[4].equals(f.trueLabel()) ? 1 : 0;
            }
        }
        assertTrue(found >= e * 2 / 3, found + " of " + e + " flipped labels in SelfClean's top " + 2 * e);
        assertTrue(suspectedRight >= found * 2 / 3, suspectedRight + " of " + found + " suspected labels right");
    }

    @Test
    void imagesAloneRunThePictureDetectorsAndSayWhatIsMissing() throws Exception {
        Path out = shared.resolve("images-only");
        CliTest.Run r = CliTest.run("audit", "--images", folder.images().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> nd = Files.readAllLines(out.resolve("near_duplicates.csv"));
        assertTrue(nd.stream().skip(1).allMatch(l -> l.contains(",pHash (OpenCV),") || l.contains(",SSIM,")));
        assertEquals(1, Files.readAllLines(out.resolve("off_topic.csv")).size(), "header only");
        // the image rule alone still groups most planted pairs, and nearly nothing else
        Map<String, String> groupOf = groups(out);
        long together = folder.nearDuplicatePairs().stream()
                .filter(p ->
                        groupOf.containsKey(p.fileI()) && groupOf.get(p.fileI()).equals(groupOf.get(p.fileJ())))
                .count();
        assertTrue(together >= folder.nearDuplicatePairs().size() / 2, together + " planted pairs grouped");
        assertTrue(Files.readString(out.resolve("report.html")).contains("need --embeddings"));
    }

    @Test
    void aboveTheSsimLimitSsimScoresTheCandidatePairsExactlyAndSaysSo() throws Exception {
        Path out = shared.resolve("candidates");
        CliTest.Run r = audit(folder.auditInputs(), "--ssim-all-pairs-max", "5", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("SSIM compared"), r.err());
        Map<String, String> groupOf = groups(out);
        for (AuditFolder.Pair p : folder.nearDuplicatePairs()) {
            assertTrue(groupOf.containsKey(p.fileI()), p + " in no group");
            assertEquals(groupOf.get(p.fileI()), groupOf.get(p.fileJ()), p.toString());
        }
        // every SSIM score equals the all-pairs pass's for the same pair (all pairs listed: --pairs above N^2/2)
        Path allOut = shared.resolve("all-pairs");
        CliTest.Run all = CliTest.run(
                "audit", "--images", folder.images().toString(), "--pairs", "1000000", "--out", allOut.toString());
        assertEquals(0, all.code(), all.err());
        Map<String, String> allPairs = new HashMap<>();
        for (String[] row : rows(allOut.resolve("near_duplicates.csv"), "SSIM", 3)) {
            allPairs.put(row[1] + "," + row[2], row[4]);
        }
        int n = folder.imageCount();
        assertEquals((long) n * (n - 1) / 2, allPairs.size(), "the all-pairs run lists every pair");
        List<String[]> candidates = rows(out.resolve("near_duplicates.csv"), "SSIM", 3);
        assertFalse(candidates.isEmpty());
        for (String[] row : candidates) {
            assertEquals(allPairs.get(row[1] + "," + row[2]), row[4], row[1] + "," + row[2]);
        }
        JsonNode notes =
                new ObjectMapper().readTree(out.resolve("audit.json").toFile()).get("scale_notes");
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).asText().contains("--ssim-all-pairs-max 5"), notes.toString());
        assertTrue(notes.get(0).asText().contains("pHash and of SelfClean"), notes.toString());
        assertTrue(Files.readString(out.resolve("report.html")).contains("Scale: SSIM compared"));
        JsonNode fullNotes = new ObjectMapper()
                .readTree(fullOut.resolve("audit.json").toFile())
                .get("scale_notes");
        assertEquals(0, fullNotes.size(), "at the default limit SSIM compares all pairs");
        assertOneLineError(
                audit(folder.auditInputs(), "--ssim-all-pairs-max", "1", "--out", out.toString()),
                "--ssim-all-pairs-max 1");
    }

    @Test
    void withoutIdsTheRowsFollowTheFileNamesAndTheCommandSaysSo() throws Exception {
        Path dir = Files.createDirectories(shared.resolve("no-ids"));
        Path images = Files.createDirectories(dir.resolve("images"));
        List<Path> files;
        try (var s = Files.list(folder.images())) {
            files = s.sorted().limit(20).toList();
        }
        for (Path f : files) {
            Files.copy(f, images.resolve(f.getFileName()));
        }
        float[][] rows = new float[20][];
        for (int i = 0; i < 20; i++) {
            rows[i] = new float[] {1, i, i % 3};
        }
        Path npy = dir.resolve("e.npy");
        org.cleanrank.io.NpyWriter.writeFloat32(npy, flat(rows), 20, 3);
        CliTest.Run r = CliTest.run(
                "audit", "--images", images.toString(), "--embeddings", npy.toString(), "--out", dir.resolve("o") + "");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("assumed embedding row k is the k-th image file in file-name order"), r.err());

        Files.copy(files.get(0), images.resolve("zz_extra.jpg"));
        CliTest.Run mismatch = CliTest.run(
                "audit", "--images", images.toString(), "--embeddings", npy.toString(), "--out", dir.resolve("o") + "");
        assertOneLineError(mismatch, "20 rows for 21 image files");
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() throws Exception {
        Path empty = Files.createDirectories(shared.resolve("empty"));
        assertOneLineError(
                CliTest.run("audit", "--images", empty.toString(), "--out", shared.resolve("o1") + ""), "no files");

        Path ids = shared.resolve("bad_ids.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(folder.ids()));
        lines.set(1, "no_such_picture.jpg");
        Files.write(ids, lines);
        List<String> inputs = new ArrayList<>(folder.auditInputs());
        inputs.set(inputs.indexOf("--ids") + 1, ids.toString());
        CliTest.Run unknown = audit(inputs, "--out", shared.resolve("o2").toString());
        assertOneLineError(unknown, "1 ids name no image file");
        assertTrue(
                unknown.err().contains("no_such_picture.jpg") && unknown.err().contains("1 image files have no"));
    }

    @Test
    void corruptPicturesAreSkippedAndListed() throws Exception {
        Path images = Files.createDirectories(shared.resolve("corrupt").resolve("images"));
        try (var s = Files.list(folder.images())) {
            for (Path f : s.sorted().limit(12).toList()) {
                Files.copy(f, images.resolve(f.getFileName()));
            }
        }
        Files.write(images.resolve("broken.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        Path out = shared.resolve("corrupt").resolve("out");
        CliTest.Run r = CliTest.run("audit", "--images", images.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("broken.jpg"), r.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("audit.json").toFile());
        assertEquals(
                "broken.jpg", json.get("unreadable_images").get(0).get("file").asText());
        assertTrue(Files.readString(out.resolve("report.html")).contains("Unreadable files (1)"));
    }

    static CliTest.Run audit(List<String> inputs, String... more) {
        List<String> args = new ArrayList<>(List.of("audit"));
        args.addAll(inputs);
        args.addAll(List.of(more));
        return CliTest.run(args.toArray(String[]::new));
    }

    static void assertOneLineError(CliTest.Run r, String what) {
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        String last = err.substring(err.lastIndexOf('\n') + 1);
        assertTrue(last.startsWith("cleanrank: ") && last.contains(what), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    /** File -> group of near_duplicate_groups.csv. */
    static Map<String, String> groups(Path out) throws Exception {
        Map<String, String> g = new HashMap<>();
        for (String l : body(out.resolve("near_duplicate_groups.csv"))) {
            String[] f = l.split(",");
            g.put(f[1], f[0]);
        }
        return g;
    }

    /** The rows of one method, in rank order (the fixture's names and labels hold no commas or quotes). */
    static List<String[]> rows(Path csv, String method, int methodColumn) throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String l : body(csv)) {
            String[] f = l.split(",");
            if (f[methodColumn].equals(method)) {
                out.add(f);
            }
        }
        return out;
    }

    /** The lines after the header. */
    static List<String> body(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        return lines.subList(1, lines.size());
    }

    private static float[] flat(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }
}
