package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleanrank.cli.report.HeadlessChromium;
import org.cleanrank.fixtures.SyntheticImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark command end to end on the golden mini CleanPatrick set, both release formats. */
class BenchmarkCliTest {
    @TempDir
    Path dir;

    static Path images(String... p) {
        return Golden.path("images", p);
    }

    @Test
    void threeFileReleaseRunsTheImageDetectorsWithTheReferenceMetrics() throws Exception {
        Path out = dir.resolve("out");
        CliTest.Run r = CliTest.run(
                "benchmark",
                "--dataset",
                images("cleanpatrick").toString(),
                "--images",
                images("images").toString(),
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Near-duplicates") && r.out().contains("pHash (OpenCV)"), r.out());
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(m.get("run").get("samples").isIntegralNumber(), "counts are JSON numbers: " + m.get("run"));
        assertTrue(m.get("run").get("seed").isIntegralNumber(), m.get("run").toString());
        JsonNode ref = new ObjectMapper()
                .readTree(images("cleanpatrick", "expected_near_duplicate_eval.json")
                        .toFile())
                .get("methods");
        assertEquals(
                ref.get("PHASH").get("metrics").get("AP").asDouble(),
                m.get("near_duplicates")
                        .get("pHash (OpenCV)")
                        .get("metrics")
                        .get("AP")
                        .asDouble(),
                1e-12);
        assertEquals(
                ref.get("SSIM").get("metrics").get("AUROC").asDouble(),
                m.get("near_duplicates").get("SSIM").get("metrics").get("AUROC").asDouble(),
                1e-12);
        assertEquals(
                "skipped", m.get("off_topic").get("SelfClean").get("status").asText());
        assertTrue(Files.exists(out.resolve("report.html")));
        assertTrue(Files.readAllLines(out.resolve("rankings/near_duplicates_ssim.csv"))
                .get(0)
                .startsWith("rank,i,j,md5hash_i"));

        // the report the command wrote opens in a real browser: every plot and thumbnail loads, no script error
        HeadlessChromium.require();
        HeadlessChromium.Page page = HeadlessChromium.open(out.resolve("report.html"), dir);
        String total = HeadlessChromium.attribute(page.dom(), "data-images-total");
        assertTrue(
                total != null && Integer.parseInt(total) > 9 + 3 * 24,
                "plots and pair thumbnails: " + total + "\n" + page.log());
        assertEquals("0", HeadlessChromium.attribute(page.dom(), "data-images-broken"));
        assertEquals("0", HeadlessChromium.attribute(page.dom(), "data-page-errors"));
    }

    @Test
    void consolidatedTableLoadsAndRuns() throws Exception {
        Path ds = Files.createDirectories(dir.resolve("consolidated"));
        Files.copy(images("cleanpatrick_consolidated.csv"), ds.resolve("cleanpatrick_consolidated.csv"));
        Path out = dir.resolve("out2");
        CliTest.Run r = CliTest.run(
                "benchmark",
                "--dataset",
                ds.toString(),
                "--images",
                images("images").toString(),
                "--out",
                out.toString(),
                "--detectors",
                "phash_opencv",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertEquals(
                "ok",
                m.get("near_duplicates").get("pHash (OpenCV)").get("status").asText());
        assertFalse(m.get("near_duplicates").has("SSIM"), "--detectors limits the run");
    }

    /** The generated set lists its embedding rows in a shuffled order; the ids file beside E.npy is found and used. */
    @Test
    void embeddingIdsBesideTheMatrixAreUsed() throws Exception {
        SyntheticImageDataset.Result d = SyntheticImageDataset.write(
                dir.resolve("ds"), SyntheticImageDataset.Spec.DEFAULT.withN(60).withSeed(3), 2);
        Path out = dir.resolve("out3");
        String[] generated = {
            "benchmark",
            "--dataset",
            d.groundTruthDir().toString(),
            "--embeddings",
            d.embeddingsNpy().toString()
        };
        CliTest.Run r = CliTest.run(CliTest.concat(generated, "--detectors", "knn", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("matching embedding rows by") && r.err().contains("embedding_ids.csv"), r.err());
        JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertTrue(m.get("off_topic").get("KNN").get("metrics").get("AUROC").asDouble() > 0.9, m.toString());

        CliTest.Run cl = CliTest.run(CliTest.concat(
                generated,
                "--detectors",
                "cl",
                "--cl-classifier",
                "logistic",
                "--out",
                dir.resolve("out4").toString(),
                "--quiet"));
        assertEquals(0, cl.code(), cl.err());
        JsonNode m4 =
                new ObjectMapper().readTree(dir.resolve("out4/metrics.json").toFile());
        assertEquals(
                "ok",
                m4.get("label_errors").get("Confident Learning").get("status").asText(),
                m4.toString());
    }

    @Test
    void badOptionsFailInOneLineBeforeAnyWork() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("file.txt"), "x");
        String ds = images("cleanpatrick").toString();
        String[][] cases = {
            {"benchmark", "--dataset", ds, "--out", notAFolder.toString(), "--quiet"},
            {"benchmark", "--dataset", ds, "--out", dir.resolve("o1").toString(), "--pairs", "-3", "--quiet"},
            // 600 embedding rows for 37 samples and no --ids: refusing beats matching rows by position
            {
                "benchmark",
                "--dataset",
                ds,
                "--out",
                dir.resolve("o2").toString(),
                "--embeddings",
                Path.of(images("cleanpatrick").toString())
                        .getParent()
                        .getParent()
                        .resolve("baselines/synth_n600_d64_seed1/embeddings.npy")
                        .toString(),
                "--quiet"
            },
        };
        for (String[] a : cases) {
            CliTest.Run r = CliTest.run(a);
            assertEquals(2, r.code(), String.join(" ", a) + "\n" + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void malformedDatasetIsOneLine() throws Exception {
        Path ds = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(
                ds.resolve("cleanpatrick_consolidated.csv"),
                "md5hash,fitzpatrick,granular_partition_label,nd_clique,label_error,off_topic_sample\nnot-a-hash,1,a,1,0,0\n");
        CliTest.Run r = CliTest.run(
                "benchmark",
                "--dataset",
                ds.toString(),
                "--out",
                dir.resolve("o").toString(),
                "--quiet");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("cleanpatrick_consolidated.csv") && r.err().contains("csv:2:"), r.err());
    }
}
