package org.cleanrank.outlier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.cleanrank.Fixtures;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.rank.SampleRanking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IForest(random_state=0) against fixtures/golden/baselines/&lt;case&gt;/pyod_iforest_{scores,ranking}.npy
 * and metrics.json -> off_topic -> IForest -> metrics.
 *
 * <p>The forest is sklearn's tree for tree, so the scores agree to rounding: within 1e-15 absolute (the
 * decision scores are differences of score_samples values of magnitude 0.25..1, so a relative tolerance
 * is meaningless near the offset). The last ulps differ because the golden machine's numpy evaluated
 * np.log (the leaf term c(n)) and np.power with Intel SVML (AVX-512); measured: max 2.2e-16 (n600) and
 * 1.1e-16 (n2000), the same as scikit-learn 1.2.1 itself on a machine without AVX-512. The ranking
 * (numpy's quicksort) is identical.
 */
class PyodIForestGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final double ATOL = 1e-15;

    static Map<String, Double> metrics(String c, SampleRanking r) {
        int[] truth = Fixtures.ints(PyodGoldenTest.dir(c).resolve("truth_off_topic.npy"));
        int[] ranked = new int[r.size()];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = truth[r.index(i)];
        }
        return RankingMetrics.compute(ranked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void scoresRankingAndMetricsMatchTheGolden(String c) throws IOException {
        FloatMatrix x = PyodGoldenTest.embeddings(c);
        double[] golden = Fixtures.doubles(PyodGoldenTest.dir(c).resolve("pyod_iforest_scores.npy"));
        PyodIForest forest = PyodIForest.builder().seed(0).threads(2).build();
        double[] s = forest.decisionScores(x);
        assertEquals(golden.length, s.length);
        int identical = 0;
        for (int i = 0; i < s.length; i++) {
            assertEquals(golden[i], s[i], ATOL, "iforest " + c + " sample " + i);
            identical += golden[i] == s[i] ? 1 : 0;
        }
        assertTrue(identical > s.length / 10, "bit-identical scores: " + identical); // 130/600, 1358/2000
        SampleRanking r = forest.rank(x);
        PyodGoldenTest.assertRanking(c, "iforest", s, r);

        JsonNode ref = JSON.readTree(
                        PyodGoldenTest.dir(c).resolve("metrics.json").toFile())
                .get("off_topic")
                .get("IForest")
                .get("metrics");
        Map<String, Double> ours = metrics(c, r);
        int compared = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = ref.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            assertTrue(ours.containsKey(e.getKey()), e.getKey());
            assertEquals(e.getValue().asDouble(), ours.get(e.getKey()), 1e-12, c + " " + e.getKey());
            compared++;
        }
        assertTrue(compared >= 10, "metrics compared: " + compared);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void sameSeedSameScoresWhateverTheThreadCount(String c) {
        FloatMatrix x = PyodGoldenTest.embeddings(c);
        double[] one = PyodIForest.builder().seed(0).threads(1).build().decisionScores(x);
        double[] three = PyodIForest.builder().seed(0).threads(3).build().decisionScores(x);
        assertArrayEquals(one, three, 0.0, "same seed, 1 vs 3 threads");
        assertFalse(
                Arrays.equals(
                        one, PyodIForest.builder().seed(1).threads(2).build().decisionScores(x)),
                "another seed, another forest");
        // as the reference: decision scores shifted by the 10th percentile of score_samples, so 10 % are positive
        long positive = Arrays.stream(one).filter(v -> v > 0).count();
        assertTrue(Math.abs(positive - 0.1 * one.length) <= 1, "positives " + positive);
    }
}
