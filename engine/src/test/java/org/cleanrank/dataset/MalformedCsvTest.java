package org.cleanrank.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cleanrank.CleanRankException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a release can be malformed gives one CleanRankException line naming the file, the line and the
 * fix. The bad CSVs are the golden ones (fixtures/golden/images) with one line changed, written to a temp
 * folder laid out as the golden one: cp/ with the three files, fitzpatrick17k.csv and the consolidated table beside.
 */
class MalformedCsvTest {
    @TempDir
    Path tmp;

    Path cp;
    List<String> ids;

    static final String A = "015d835a7ea6ac1b5261c64d1bb2a697"; // sample 0, near-duplicate group on line 2
    static final String B = "69dc7a22e6a917ff268b5f2dc9c3a8f0"; // sample 1, same group
    static final String UNKNOWN = "0123456789abcdef0123456789abcdef";

    @BeforeEach
    void copyGolden() throws IOException {
        Path g = GoldenImagesSet.dir();
        cp = Files.createDirectories(tmp.resolve("cleanpatrick"));
        for (String f : CleanPatrickFormat.THREE_FILES) {
            Files.copy(g.resolve("cleanpatrick").resolve(f), cp.resolve(f));
        }
        Files.copy(g.resolve("fitzpatrick17k.csv"), tmp.resolve("fitzpatrick17k.csv"));
        Files.copy(g.resolve("cleanpatrick_consolidated.csv"), tmp.resolve("cleanpatrick_consolidated.csv"));
        ids = GoldenImagesSet.order();
    }

    /** Rewrites line {@code line} (1-based) of {@code file}. */
    static Path edit(Path file, int line, UnaryOperator<String> change) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, change.apply(lines.get(line - 1)));
        Files.write(file, lines);
        return file;
    }

    static Path append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", java.nio.file.StandardOpenOption.APPEND);
        return file;
    }

    String fails(LoadOptions o) {
        CleanRankException e = assertThrows(CleanRankException.class, () -> CleanPatrickDataset.load(tmp, o));
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    String fails() {
        return fails(LoadOptions.defaults());
    }

    String failsConsolidated() {
        return fails(LoadOptions.defaults().withFormat(CleanPatrickFormat.CONSOLIDATED));
    }

    @Test
    void theUntouchedCopyLoads() {
        assertEquals(37, CleanPatrickDataset.load(tmp).size());
        assertEquals(
                37,
                CleanPatrickDataset.load(tmp, LoadOptions.defaults().withFormat(CleanPatrickFormat.CONSOLIDATED))
                        .size());
    }

    @Test
    void missingColumn() throws IOException {
        Path f = edit(cp.resolve("off_topic_samples.csv"), 1, l -> "md5,label");
        assertEquals(
                f + ":1: no column 'md5hash' in the header (md5,label); the header must be md5hash,label", fails());
        Path nd = edit(cp.resolve("off_topic_samples.csv"), 1, l -> "md5hash,label");
        edit(cp.resolve("near_duplicates.csv"), 1, l -> "md5hash_list,is_duplicate");
        assertEquals(
                cp.resolve("near_duplicates.csv")
                        + ":1: no column 'label' in the header (md5hash_list,is_duplicate); the header must be md5hash_list,label",
                fails());
        assertTrue(nd.toString().endsWith("off_topic_samples.csv"));
        Path c = edit(tmp.resolve("cleanpatrick_consolidated.csv"), 1, l -> l.replace("nd_clique", "clique"));
        String msg = assertThrows(CleanRankException.class, () -> CleanPatrickDataset.load(c))
                .getMessage();
        assertEquals(
                c
                        + ":1: no column 'nd_clique' in the header (md5hash,fitzpatrick,granular_partition_label,clique,label_error,off_topic_sample); "
                        + "the consolidated table needs md5hash,nd_clique,label_error,off_topic_sample and a labels column",
                msg);
        Path m = tmp.resolve("fitzpatrick17k.csv");
        assertEquals(
                m + ":1: no column 'diagnosis' in the header ("
                        + Files.readAllLines(m).get(0) + "); choose an existing column with the labelsColumn option",
                fails(LoadOptions.defaults().withLabelsColumn("diagnosis")));
    }

    @Test
    void hashThatIsNot32HexDigits() throws IOException {
        Path f = edit(cp.resolve("label_errors.csv"), 5, l -> "1094401b29fa7bfc6dd166f37e22d1a,0");
        assertEquals(
                f + ":5: '1094401b29fa7bfc6dd166f37e22d1a' in column md5hash is not an md5hash (32 hex digits); "
                        + "write the image's md5 hash there (check the column order and stray characters)",
                fails());
        Path nd = edit(cp.resolve("label_errors.csv"), 5, l -> "1094401b29fa7bfc6dd166f37e22d1a3,0");
        assertTrue(nd.toFile().exists());
        Path g = edit(
                cp.resolve("near_duplicates.csv"),
                4,
                l -> l.replace("7efe6a41b1fc4dd31a6b90d83f7557db", "7efe6a41b1fc4dd31a6b90d83f7557dg"));
        assertTrue(
                fails().startsWith(
                                g + ":4: '7efe6a41b1fc4dd31a6b90d83f7557dg' in column md5hash_list is not an md5hash"),
                fails());
    }

    @Test
    void duplicateMd5Rows() throws IOException {
        Path m = tmp.resolve("fitzpatrick17k.csv");
        edit(
                m,
                4,
                l -> l.replace(
                        "6cf88b3b28c948c73e895a9dec4c580b", B)); // line 4 = sample 2, now a copy of line 3's hash
        assertEquals(
                m + ":4: md5hash " + B + " repeats line 3; remove the duplicate row (each image appears once)",
                fails());
        Files.copy(
                GoldenImagesSet.dir().resolve("fitzpatrick17k.csv"),
                m,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path ot = append(cp.resolve("off_topic_samples.csv"), A + ",0");
        assertEquals(ot + ":39: md5hash " + A + " repeats line 2; keep one row per image", fails());
        Path c = edit(tmp.resolve("cleanpatrick_consolidated.csv"), 10, l -> A + l.substring(32));
        assertEquals(
                c + ":10: md5hash " + A + " repeats line 2; remove the duplicate row (each image appears once)",
                failsConsolidated());
    }

    @Test
    void labelThatIsNot01() throws IOException {
        Path ot = edit(cp.resolve("off_topic_samples.csv"), 3, l -> l.replace(",0", ",2"));
        assertEquals(ot + ":3: label '2' is not 0 or 1; write 1 (off-topic) or 0 (not)", fails());
        edit(ot, 3, l -> l.replace(",2", ",0"));
        Path nd = edit(cp.resolve("near_duplicates.csv"), 12, l -> l.replace("\",0", "\",yes"));
        assertEquals(nd + ":12: label 'yes' is not 0 or 1; write 1 (near-duplicate group) or 0 (not)", fails());
        Path c = edit(tmp.resolve("cleanpatrick_consolidated.csv"), 20, l -> l.substring(0, l.length() - 1) + "-1");
        assertEquals(
                c + ":20: off_topic_sample '-1' is not 0 or 1; write 1 (off-topic) or 0 (not)", failsConsolidated());
        edit(c, 20, l -> l.substring(0, l.length() - 2) + "1");
        edit(c, 8, l -> l.replace(",1,0", ",,0"));
        assertEquals(c + ":8: label_error '' is not 0 or 1; write 1 (label error) or 0 (not)", failsConsolidated());
    }

    @Test
    void nearDuplicateGroupNamingAnUnknownHash() throws IOException {
        Path nd = edit(cp.resolve("near_duplicates.csv"), 5, l -> l.replace("\",1", "," + UNKNOWN + "\",1"));
        assertEquals(
                nd + ":5: the group names " + UNKNOWN + ", which is not in " + tmp.resolve("fitzpatrick17k.csv")
                        + "; use the fitzpatrick17k.csv this release was made for, or remove the hash from the group",
                fails());
        edit(nd, 5, l -> l.replace("," + UNKNOWN, ",,"));
        assertTrue(fails().startsWith(nd + ":5: empty hash in md5hash_list"), fails());
    }

    @Test
    void hashOfAnotherDatasetInAPerImageFile() throws IOException {
        Path le = edit(cp.resolve("label_errors.csv"), 30, l -> UNKNOWN + ",0");
        assertEquals(
                le + ":30: md5hash " + UNKNOWN + " is not in " + tmp.resolve("fitzpatrick17k.csv")
                        + "; use the fitzpatrick17k.csv this release was made for, or remove the row",
                fails());
    }

    @Test
    void pairAnnotatedTwiceWithDifferentLabels() throws IOException {
        Path nd = append(
                cp.resolve("near_duplicates.csv"),
                "\"" + B + "," + UNKNOWN.replace(UNKNOWN, "c8bd2095ce9a680df4e38424b3251a59") + "," + A + "\",0");
        assertEquals(
                nd + ":18: pair " + A + ", " + B + " is labelled 0 here but 1 on line 2; annotate each pair once "
                        + "(or load with lastAnnotationWins to keep the later label)",
                fails());
        // the reference keeps the later label (numpy assignment): available as an option
        CleanPatrickDataset last =
                CleanPatrickDataset.load(tmp, LoadOptions.defaults().withLastAnnotationWins(true));
        assertEquals(0.0, last.pairLabels().label(0, 1));
        assertEquals(0.0, last.pairLabels().label(1, 0));
        assertEquals(1.0, last.pairLabels().label(0, 2));
        // the same pair twice with the same label is fine ("c8bd..." and A are already a negative pair on line 10)
        Files.copy(
                GoldenImagesSet.dir().resolve("cleanpatrick/near_duplicates.csv"),
                nd,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        append(nd, "\"c8bd2095ce9a680df4e38424b3251a59," + A + "\",0");
        assertEquals(50, CleanPatrickDataset.load(tmp).pairLabels().annotatedPairCount());
    }

    @Test
    void lineNumbersCountTheLinesOfAQuotedMultiLineGroup() throws IOException {
        Path nd = cp.resolve("near_duplicates.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(nd));
        lines.set(1, lines.get(1).replace(",6cf88b3b", ",\n6cf88b3b")); // row 1 now spans lines 2-3
        lines.set(5, lines.get(5).replace("\",1", "\",7")); // golden line 6 is now on line 7
        Files.write(nd, lines);
        assertEquals(nd + ":7: label '7' is not 0 or 1; write 1 (near-duplicate group) or 0 (not)", fails());
        lines.set(5, lines.get(5).replace("\",7", "\",1"));
        Files.write(nd, lines);
        assertEquals(
                37,
                CleanPatrickDataset.load(tmp).size(),
                "a hash after a line break in the quoted list is stripped, as the reference does");
    }

    @Test
    void everyImageMustBeAnnotated() throws IOException {
        Path ot = cp.resolve("off_topic_samples.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(ot));
        lines.remove(37);
        Files.write(ot, lines);
        assertEquals(
                ot + ": 1 of 37 images of fitzpatrick17k.csv have no row (e.g. " + ids.get(36)
                        + "); CleanPatrick labels every image: "
                        + "add a row with label 0 or 1 for each, or use the matching fitzpatrick17k.csv",
                fails());
        Files.copy(
                GoldenImagesSet.dir().resolve("cleanpatrick/off_topic_samples.csv"),
                ot,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path nd = edit(
                cp.resolve("near_duplicates.csv"), 10, l -> l.replace("," + "c8bd2095ce9a680df4e38424b3251a59", ""));
        assertEquals(
                nd
                        + ": 1 of 37 images of fitzpatrick17k.csv are in no group (e.g. c8bd2095ce9a680df4e38424b3251a59); CleanPatrick's reader "
                        + "asserts every image appears in some row: use the matching fitzpatrick17k.csv or complete the file",
                fails());
    }

    @Test
    void emptyAndMissingFiles() throws IOException {
        Path nd = cp.resolve("near_duplicates.csv");
        Files.writeString(nd, "");
        assertEquals(
                nd
                        + ": empty file; expected CleanPatrick's near_duplicates.csv with a header md5hash_list,label and one row per annotated group",
                fails());
        Files.writeString(nd, "\n\n");
        assertTrue(fails().startsWith(nd + ": empty file;"));
        Files.writeString(nd, "md5hash_list,label\n");
        assertTrue(fails().startsWith(nd + ": 37 of 37 images of fitzpatrick17k.csv are in no group"), fails());
        Files.delete(nd);
        assertEquals(
                cp
                        + ": has off_topic_samples.csv, label_errors.csv but not near_duplicates.csv; the three-file release needs all three "
                        + "(or load the consolidated table as a file)",
                fails());
        CleanRankException e = assertThrows(
                CleanRankException.class,
                () -> CleanPatrickFormat.readThreeFile(cp, tmp.resolve("fitzpatrick17k.csv"), LoadOptions.defaults()));
        assertEquals(
                nd
                        + ": no such file; expected CleanPatrick's near_duplicates.csv with a header md5hash_list,label and one row per annotated group",
                e.getMessage());
        Path meta = tmp.resolve("fitzpatrick17k.csv");
        Files.writeString(meta, "");
        CleanRankException m = assertThrows(
                CleanRankException.class, () -> CleanPatrickFormat.readThreeFile(cp, meta, LoadOptions.defaults()));
        assertEquals(meta + ": empty file; expected " + Fitzpatrick17kMetadata.EXPECTED, m.getMessage());
        Path c = tmp.resolve("cleanpatrick_consolidated.csv");
        Files.writeString(c, "md5hash,fitzpatrick,granular_partition_label,nd_clique,label_error,off_topic_sample\n");
        assertEquals(
                c + ": no data rows; expected " + ConsolidatedTable.EXPECTED,
                assertThrows(CleanRankException.class, () -> CleanPatrickDataset.load(c))
                        .getMessage());
        assertTrue(assertThrows(CleanRankException.class, () -> CleanPatrickDataset.load(tmp.resolve("nothing")))
                .getMessage()
                .endsWith("nothing: no such file or folder; give the CleanPatrick release folder"));
    }

    @Test
    void metadataNotFoundNextToTheRelease() throws IOException {
        Files.delete(tmp.resolve("fitzpatrick17k.csv"));
        assertTrue(fails().startsWith(cp + ": no fitzpatrick17k.csv beside it"), fails());
        Path elsewhere = Files.copy(
                GoldenImagesSet.dir().resolve("fitzpatrick17k.csv"),
                Files.createDirectories(tmp.resolve("x")).resolve("meta.csv"));
        assertEquals(
                37,
                CleanPatrickDataset.load(tmp, LoadOptions.defaults().withMetadataCsv(elsewhere))
                        .size());
    }

    @Test
    void rowWithTheWrongNumberOfFields() throws IOException {
        Path ot = edit(cp.resolve("off_topic_samples.csv"), 8, l -> l + ",extra");
        assertEquals(
                ot
                        + ":8: 3 fields but the header has 2; quote values that contain commas and give every row all 2 columns",
                fails());
        edit(ot, 8, l -> l.replace(",extra", ""));
        Path nd = edit(
                cp.resolve("near_duplicates.csv"),
                3,
                l -> l.replace("\"", "")); // the group unquoted: one field per hash
        assertTrue(fails().startsWith(nd + ":3: 6 fields but the header has 2"), fails());
    }
}
