package org.cleanrank.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.cleanrank.Fixtures;
import org.cleanrank.eval.NearDuplicateEvaluation;
import org.cleanrank.eval.RankingMetrics;
import org.junit.jupiter.api.Test;

/** CleanPatrick's metric code against fixtures/golden/metrics and the metrics recorded in each SelfClean case. */
class MetricsGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertMetrics(JsonNode expected, Map<String, Double> actual, String what) {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Double v = actual.get(e.getKey());
            assertTrue(v != null, what + ": missing " + e.getKey());
            assertEquals(e.getValue().asDouble(), v, 1e-12, what + ": " + e.getKey());
            checked++;
        }
        assertTrue(checked >= 5);
    }

    @Test
    void rankingCases() throws IOException {
        JsonNode root =
                JSON.readTree(Fixtures.golden("metrics", "ranking_cases.json").toFile());
        int cases = 0;
        for (JsonNode c : root.get("cases")) {
            JsonNode r = c.get("ranking");
            int[] truth = new int[r.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = r.get(i).asInt();
            }
            assertMetrics(
                    c.get("expected"),
                    RankingMetrics.compute(truth),
                    c.get("name").asText());
            cases++;
        }
        assertEquals(7, cases);
    }

    @Test
    void nearDuplicateEvaluation() throws IOException {
        Path dir = Fixtures.golden("metrics", "near_duplicate_eval");
        double[] labels = Fixtures.doubles(dir.resolve("label_matrix.npy"));
        double[] dd = Fixtures.doubles(dir.resolve("distance_matrix.npy"));
        float[] d = new float[dd.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = (float) dd[i];
        }
        int n = (int) Math.round(Math.sqrt(d.length));
        int[] sorted = NearDuplicateEvaluation.sortedLabels(n, labels, d);
        double[] expected = Fixtures.doubles(dir.resolve("expected_sorted_labels.npy"));
        int[] exp = new int[expected.length];
        for (int i = 0; i < exp.length; i++) {
            exp[i] = (int) expected[i];
        }
        assertArrayEquals(exp, sorted);
        assertMetrics(
                JSON.readTree(dir.resolve("expected_metrics.json").toFile()),
                RankingMetrics.compute(sorted),
                "near_duplicate_eval");
    }

    /** The metrics each SelfClean golden case recorded for its rankings against the planted truth. */
    @Test
    void selfCleanCaseMetricsFromReferenceRankings() throws IOException {
        for (String c : new String[] {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"}) {
            Path dir = Fixtures.golden("selfclean", c);
            JsonNode metrics = JSON.readTree(dir.resolve("case.json").toFile()).get("metrics");
            int[] ot = Fixtures.ints(dir.resolve("expected/off_topic_indices.npy"));
            long[] truthOt = Fixtures.longs(dir.resolve("truth_off_topic.npy"));
            assertMetrics(
                    metrics.get("off_topic_samples"), RankingMetrics.compute(inOrder(ot, truthOt)), c + " off-topic");
            int[] le = Fixtures.ints(dir.resolve("expected/label_errors_indices.npy"));
            long[] truthLe = Fixtures.longs(dir.resolve("truth_label_error.npy"));
            assertMetrics(
                    metrics.get("label_errors"), RankingMetrics.compute(inOrder(le, truthLe)), c + " label errors");
        }
    }

    static int[] inOrder(int[] ranking, long[] truth) {
        int[] t = new int[ranking.length];
        for (int r = 0; r < ranking.length; r++) {
            t[r] = (int) truth[ranking[r]];
        }
        return t;
    }
}
