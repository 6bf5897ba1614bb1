package org.cleanrank.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.Fixtures;
import org.cleanrank.eval.NearDuplicateEvaluation;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.rank.PairRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both CleanPatrick release formats of the golden mini set (fixtures/golden/images) against what the
 * reference reader built from them (cleanpatrick/nd_label_matrix.npy, expected_near_duplicate_eval.json)
 * and against the generator's manifest.csv / order.txt. Everything is exact (no tolerance) except the
 * ranking metrics (1e-12).
 */
class CleanPatrickGoldenTest {
    static final Path IMAGES = GoldenImagesSet.dir();

    static CleanPatrickDataset threeFile() {
        return CleanPatrickDataset.load(IMAGES);
    }

    static CleanPatrickDataset consolidated() {
        return CleanPatrickDataset.load(IMAGES, LoadOptions.defaults().withFormat(CleanPatrickFormat.CONSOLIDATED));
    }

    @Test
    void detectsTheThreeFileReleaseInTheGoldenFolder() {
        CleanPatrickFormat.Located at = CleanPatrickFormat.locate(IMAGES, LoadOptions.defaults());
        assertEquals(CleanPatrickFormat.THREE_FILE, at.format());
        assertEquals(IMAGES.resolve("cleanpatrick"), at.location());
        assertEquals(
                IMAGES.resolve("fitzpatrick17k.csv").toAbsolutePath(),
                at.metadataCsv().toAbsolutePath());
        CleanPatrickFormat.Located c =
                CleanPatrickFormat.locate(IMAGES, LoadOptions.defaults().withFormat(CleanPatrickFormat.CONSOLIDATED));
        assertEquals(IMAGES.resolve("cleanpatrick_consolidated.csv"), c.location());
        // the consolidated CSV given as a file is recognised without the option
        assertEquals(
                CleanPatrickFormat.CONSOLIDATED,
                CleanPatrickDataset.load(IMAGES.resolve("cleanpatrick_consolidated.csv"))
                        .format());
    }

    @Test
    void bothFormatsGiveTheManifestsTruth() throws IOException {
        List<String> order = GoldenImagesSet.order();
        Map<String, CSVRecord> manifest = GoldenImagesSet.manifest();
        int[] offTopic = GoldenImagesSet.manifestInts("off_topic");
        int[] labelError = GoldenImagesSet.manifestInts("label_error");
        for (CleanPatrickDataset ds : List.of(threeFile(), consolidated())) {
            String f = ds.format().toString();
            assertEquals(37, ds.size(), f);
            assertEquals(order, ds.ids(), f + " sample order = order.txt");
            assertArrayEquals(offTopic, toInts(ds.offTopic()), f + " off_topic");
            assertArrayEquals(labelError, toInts(ds.labelError()), f + " label_error");
            assertEquals(7, ds.offTopicCount(), f);
            assertEquals(4, ds.labelErrorCount(), f);
            assertEquals(
                    GoldenImagesSet.manifestGroups(),
                    GoldenImagesSet.canonical(Arrays.asList(ds.nearDuplicateGroups())),
                    f + " groups");
            for (int i = 0; i < ds.size(); i++) {
                assertEquals(
                        manifest.get(order.get(i)).get("label"), ds.labels().name(i), f + " label of " + i);
                assertEquals(i, ds.indexOf(order.get(i).toUpperCase()), f + " indexOf");
            }
        }
        assertEquals(-1, threeFile().indexOf("00000000000000000000000000000000"));
    }

    @Test
    void bothFormatsAgreeOnEverythingButUnannotatedPairs() {
        CleanPatrickDataset a = threeFile();
        CleanPatrickDataset b = consolidated();
        assertEquals(a.ids(), b.ids());
        assertEquals(a.labels().names(), b.labels().names());
        assertArrayEquals(a.labels().codes(), b.labels().codes());
        assertEquals(a.labels().classes(), b.labels().classes());
        assertArrayEquals(a.fitzpatrick(), b.fitzpatrick());
        assertArrayEquals(a.offTopic(), b.offTopic());
        assertArrayEquals(a.labelError(), b.labelError());
        assertEquals(
                GoldenImagesSet.canonical(Arrays.asList(a.nearDuplicateGroups())),
                GoldenImagesSet.canonical(Arrays.asList(b.nearDuplicateGroups())));
        assertEquals(a.pairLabels().positivePairCount(), b.pairLabels().positivePairCount());
        int n = a.size();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double la = a.pairLabels().label(i, j);
                double lb = b.pairLabels().label(i, j);
                if (i == j) {
                    assertTrue(Double.isNaN(la) && Double.isNaN(lb));
                } else if (Double.isNaN(la)) {
                    assertEquals(0.0, lb, "consolidated: a pair in no clique is negative " + i + "," + j);
                } else {
                    assertEquals(la, lb, "pair " + i + "," + j);
                }
            }
        }
        assertFalse(a.pairLabels().everyPairLabelled());
        assertTrue(b.pairLabels().everyPairLabelled());
        assertEquals(37L * 36 / 2, b.pairLabels().annotatedPairCount());
        assertEquals(0, b.negativeGroups().length);
    }

    @Test
    void labelsAndSkinTypesAsTheReferenceFactorizesThem() {
        CleanPatrickDataset ds = threeFile();
        SampleLabels l = ds.labels();
        assertEquals("label", l.column());
        // pd.factorize: codes in order of first appearance
        assertEquals(
                List.of(
                        "astronaut",
                        "cat",
                        "dog",
                        "coffee cup",
                        "rocket launch",
                        "brick wall",
                        "grass",
                        "text document",
                        "clipart",
                        "checkerboard",
                        "diagram",
                        "document",
                        "banner",
                        "synthetic speckled macule",
                        "synthetic dark nodule",
                        "synthetic scaly plaque",
                        "synthetic pearly papule",
                        "synthetic annular patch"),
                l.classes());
        for (int i = 0; i < ds.size(); i++) {
            assertEquals(l.name(i), l.classes().get(l.code(i)));
        }
        assertEquals(-1, ds.fitzpatrick()[0]);
        assertEquals(2, ds.fitzpatrick()[24]);
        assertEquals(3, ds.fitzpatrick()[36]);
        // an empty label is NaN to pandas and 'undefined' to the reader
        CleanPatrickDataset three =
                CleanPatrickDataset.load(IMAGES, LoadOptions.defaults().withLabelsColumn("three_partition_label"));
        assertEquals("undefined", three.labels().name(0));
        assertEquals("malignant", three.labels().name(34));
        assertEquals(
                List.of("undefined", "benign", "malignant", "non-neoplastic"),
                three.labels().classes());
        assertEquals(0, three.labels().code(0));
        // the reference's name for the column works too, in either format
        assertEquals(
                ds.labels().names(),
                CleanPatrickDataset.load(IMAGES, LoadOptions.defaults().withLabelsColumn("granular_partition_label"))
                        .labels()
                        .names());
        assertEquals(
                ds.labels().names(),
                CleanPatrickDataset.load(
                                IMAGES,
                                LoadOptions.defaults()
                                        .withFormat(CleanPatrickFormat.CONSOLIDATED)
                                        .withLabelsColumn("label"))
                        .labels()
                        .names());
    }

    @Test
    void pairLabelsEqualTheReferenceNdMatrixEntryForEntry() {
        double[] ref = Fixtures.doubles(IMAGES.resolve("cleanpatrick/nd_label_matrix.npy"));
        PairLabels p = threeFile().pairLabels();
        int n = p.n();
        assertEquals(n * n, ref.length);
        double[] dense = p.dense();
        for (int k = 0; k < ref.length; k++) {
            int i = k / n, j = k % n;
            if (Double.isNaN(ref[k])) {
                assertTrue(Double.isNaN(p.label(i, j)), "NaN expected at " + i + "," + j);
                assertTrue(Double.isNaN(dense[k]));
            } else {
                assertEquals(ref[k], p.label(i, j), "at " + i + "," + j);
                assertEquals(ref[k], dense[k]);
            }
        }
        assertEquals(50, p.annotatedPairCount());
        assertEquals(33, p.positivePairCount());
        assertEquals(8, threeFile().negativeGroups().length);
        // lower triangle in np.tril_indices order, as get_sorted_labels masks it
        PairLabels.AnnotatedPairs t = p.lowerTriangle();
        int k = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (!Double.isNaN(ref[i * n + j])) {
                    assertEquals(i, t.rows()[k]);
                    assertEquals(j, t.cols()[k]);
                    assertEquals((int) ref[i * n + j], t.labels()[k]);
                    k++;
                }
            }
        }
        assertEquals(t.size(), k);
    }

    /** get_sorted_labels for every distance of the golden set: index for index, numpy's tie order included. */
    @Test
    void sortedLabelsReproduceTheReferenceEvaluation() throws IOException {
        JsonNode methods = new ObjectMapper()
                .readTree(IMAGES.resolve("cleanpatrick/expected_near_duplicate_eval.json")
                        .toFile())
                .get("methods");
        Map<String, String> files = Map.of(
                "PHASH",
                "phash_opencv_hamming.npy",
                "SSIM",
                "ssim_fast_distance.npy",
                "imagehash_phash8",
                "phash_imagehash_fraction.npy",
                "skimage_ssim",
                "ssim_skimage_distance.npy",
                "skimage_ssim_gaussian",
                "ssim_skimage_gaussian_distance.npy");
        PairLabels p = threeFile().pairLabels();
        int n = p.n();
        for (Map.Entry<String, String> e : files.entrySet()) {
            double[] d = Fixtures.doubles(IMAGES.resolve(e.getValue()));
            int[] ours = p.sortedLabels((i, j) -> d[i * n + j]);
            JsonNode ref = methods.get(e.getKey());
            int[] expected = new int[ref.get("sorted_labels").size()];
            for (int r = 0; r < expected.length; r++) {
                expected[r] = ref.get("sorted_labels").get(r).asInt();
            }
            assertArrayEquals(expected, ours, e.getKey());
            Map<String, Double> metrics = RankingMetrics.compute(ours);
            ref.get("metrics")
                    .fields()
                    .forEachRemaining(m -> assertEquals(
                            m.getValue().asDouble(), metrics.get(m.getKey()), 1e-12, e.getKey() + " " + m.getKey()));
        }
    }

    /** The adapters for the existing evaluation: the dense matrix for small N, a ranking's truth vector for any N. */
    @Test
    void adaptersFeedTheExistingEvaluation() {
        PairLabels p = threeFile().pairLabels();
        int n = p.n();
        double[] d = Fixtures.doubles(IMAGES.resolve("ssim_fast_distance.npy"));
        float[] f = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            f[k] = (float) d[k];
        }
        int[] viaDense = NearDuplicateEvaluation.sortedLabels(n, p.dense(), f);
        assertArrayEquals(p.sortedLabels(f), viaDense, "SSIM has no ties: stable and numpy order agree");
        // a ranking of every pair (i < j) by ascending distance, as PairRankings produces
        int m = n * (n - 1) / 2;
        int[] is = new int[m], js = new int[m];
        double[] keys = new double[m];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                is[k] = i;
                js[k] = j;
                keys[k++] = f[i * n + j];
            }
        }
        int[] order = NumpyArgsort.stable(keys);
        int[] ri = new int[m], rj = new int[m];
        float[] rd = new float[m];
        for (int r = 0; r < m; r++) {
            ri[r] = is[order[r]];
            rj[r] = js[order[r]];
            rd[r] = (float) keys[order[r]];
        }
        PairRanking ranking = PairRanking.of(ri, rj, rd);
        assertArrayEquals(viaDense, p.truthInRankingOrder(ranking));
        // the consolidated table labels every pair: the truth vector covers the whole ranking
        assertEquals(m, consolidated().pairLabels().truthInRankingOrder(ranking).length);
        assertEquals(
                33,
                Arrays.stream(consolidated().pairLabels().truthInRankingOrder(ranking))
                        .sum());
    }

    /** The reference's data/ layout: data/CleanPatrick/*.csv and data/fitzpatrick17k/fitzpatrick17k.csv. */
    @Test
    void findsTheMetadataInTheReferenceLayout(@TempDir Path tmp) throws IOException {
        Path cp = Files.createDirectories(tmp.resolve("data/CleanPatrick"));
        Path fz = Files.createDirectories(tmp.resolve("data/fitzpatrick17k"));
        for (String f : CleanPatrickFormat.THREE_FILES) {
            Files.copy(IMAGES.resolve("cleanpatrick").resolve(f), cp.resolve(f));
        }
        Files.copy(IMAGES.resolve("fitzpatrick17k.csv"), fz.resolve("fitzpatrick17k.csv"));
        CleanPatrickDataset fromData = CleanPatrickDataset.load(tmp.resolve("data"));
        CleanPatrickDataset fromCp = CleanPatrickDataset.load(cp);
        assertEquals(threeFile().ids(), fromData.ids());
        assertEquals(threeFile().ids(), fromCp.ids());
        assertEquals(fz.resolve("fitzpatrick17k.csv"), fromData.files().get(3));
        assertTrue(
                fromData.summary()
                        .startsWith(
                                "CleanPatrick (three-file release, off_topic_samples.csv): 37 samples, 18 classes (label), "
                                        + "7 off-topic, 4 label errors, 8 near-duplicate groups (33 pairs), 8 negative groups (17 annotated negative pairs)"),
                fromData.summary());
    }

    static int[] toInts(byte[] b) {
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i];
        }
        return out;
    }
}
