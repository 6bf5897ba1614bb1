package org.cleanrank.cli.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cleanrank.cli.Golden;
import org.cleanrank.cli.report.DetectorOutcome;
import org.cleanrank.cli.report.IssueType;
import org.cleanrank.eval.NearDuplicateEvaluation;
import org.cleanrank.io.NpyArray;
import org.cleanrank.pairs.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's near-duplicate path on the golden mini CleanPatrick set, from the image files: the
 * pHash (OpenCV), pHash (imagehash) and SSIM rows must carry exactly the metrics CleanPatrick's
 * evaluate_near_duplicates computed (expected_near_duplicate_eval.json), tied Hamming distances included.
 * Without embeddings the embedding detectors are skipped with a reason, not failed.
 */
class BenchmarkRunnerGoldenTest {
    static Path golden(String... p) {
        return Golden.path("images", p);
    }

    @Test
    void imageDetectorsReproduceTheReferenceEvaluation(@TempDir Path out) throws Exception {
        List<String> order = Files.readAllLines(golden("order.txt")).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        int n = order.size();
        double[] labels;
        try (NpyArray a = NpyArray.open(golden("cleanpatrick", "nd_label_matrix.npy"))) {
            labels = new double[n * n];
            for (int k = 0; k < labels.length; k++) {
                labels[k] = a.getDouble(k);
            }
        }
        Path[] images = order.stream().map(f -> golden("images", f)).toArray(Path[]::new);
        String[] ids = order.stream().map(f -> f.substring(0, f.indexOf('.'))).toArray(String[]::new);
        BenchmarkData data = new BenchmarkData(
                "golden mini",
                ids,
                null,
                null,
                new int[n],
                new int[n],
                NearDuplicateEvaluation.annotated(n, labels),
                null,
                images,
                null,
                null);
        RunContext ctx = new RunContext(data, 2, 0, Progress.NONE);
        List<DetectorOutcome> outcomes = BenchmarkRunner.run(
                ctx, Detectors.all(), new BenchmarkRunner.Options(out, 100, 10), new BenchmarkRunner.Listener() {
                    @Override
                    public void started(DetectorEntry e, int samples) {}

                    @Override
                    public void finished(DetectorOutcome o) {}
                });
        Map<String, DetectorOutcome> nd = outcomes.stream()
                .filter(o -> o.issue() == IssueType.NEAR_DUPLICATES)
                .collect(Collectors.toMap(DetectorOutcome::detector, o -> o));
        JsonNode methods = new ObjectMapper()
                .readTree(golden("cleanpatrick", "expected_near_duplicate_eval.json")
                        .toFile())
                .get("methods");
        String[][] pairs = {{"pHash (OpenCV)", "PHASH"}, {"pHash (imagehash)", "imagehash_phash8"}, {"SSIM", "SSIM"}};
        for (String[] p : pairs) {
            DetectorOutcome o = nd.get(p[0]);
            assertEquals(DetectorOutcome.Status.OK, o.status(), p[0] + ": " + o.message());
            List<String> keys = new ArrayList<>();
            methods.get(p[1]).get("metrics").properties().forEach(kv -> {
                keys.add(kv.getKey());
                assertEquals(kv.getValue().asDouble(), o.metrics().get(kv.getKey()), 1e-12, p[0] + " " + kv.getKey());
            });
            assertTrue(keys.contains("AP"));
            assertTrue(Files.size(out.resolve(o.rankingFile())) > 0);
        }
        assertEquals(DetectorOutcome.Status.SKIPPED, nd.get("SelfClean").status());
        assertTrue(nd.get("SelfClean").message().contains("--embeddings"));
    }
}
