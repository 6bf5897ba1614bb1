package org.cleanrank.outlier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import org.cleanrank.Fixtures;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.rank.SampleRanking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IForest cannot reproduce sklearn's random numbers, so it is compared by ranking metrics (AP, AUROC of
 * the ranking against truth_off_topic.npy).
 *
 * <p>One forest is a noisy draw: sklearn 1.2.1 itself, over random_state 0..39, spreads AP with a standard
 * deviation of 0.08 on both cases, and only 50 % (n600) / 12.5 % (n2000) of its own seeds land within 0.05
 * of the golden seed 0 on both AP and AUROC (seed 0 is a lucky draw on n2000: AP 0.288 vs a mean of 0.184).
 * So a single seed cannot be held to 0.05 of the golden; the tests compare distributions instead:
 * the mean over seeds 0..19 must be within 0.05 of sklearn's mean over random_state 0..39 (computed with
 * scikit-learn 1.2.1, which reproduces the golden pyod_iforest_scores.npy of seed 0 to 2e-16), and the
 * golden seed-0 metrics in metrics.json must be a plausible draw of our forest (within 3 standard
 * deviations of our mean).
 */
class PyodIForestGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEEDS = 20;

    static Map<String, Double> metrics(String c, SampleRanking r) {
        int[] truth = Fixtures.ints(PyodGoldenTest.dir(c).resolve("truth_off_topic.npy"));
        int[] ranked = new int[r.size()];
        for (int i = 0; i < ranked.length; i++) {
            ranked[i] = truth[r.index(i)];
        }
        return RankingMetrics.compute(ranked);
    }

    @ParameterizedTest
    @CsvSource({
        // case, sklearn 1.2.1 IsolationForest(random_state=0..39) mean AP, mean AUROC
        "synth_n600_d64_seed1, 0.8472, 0.9858",
        "synth_n2000_d384_seed2, 0.1843, 0.7870"})
    void metricsMatchTheReferenceDistribution(String c, double sklearnMeanAp, double sklearnMeanAuroc)
            throws IOException {
        JsonNode ref = JSON.readTree(PyodGoldenTest.dir(c).resolve("metrics.json").toFile())
                .get("off_topic").get("IForest").get("metrics");
        FloatMatrix x = PyodGoldenTest.embeddings(c);
        double[] ap = new double[SEEDS], auroc = new double[SEEDS];
        for (int s = 0; s < SEEDS; s++) {
            Map<String, Double> m = metrics(c, PyodIForest.builder().seed(s).threads(2).build().rank(x));
            ap[s] = m.get("AP");
            auroc[s] = m.get("AUROC");
        }
        assertEquals(sklearnMeanAp, mean(ap), 0.05, "mean AP over seeds");
        assertEquals(sklearnMeanAuroc, mean(auroc), 0.05, "mean AUROC over seeds");
        double refAp = ref.get("AP").asDouble(), refAuroc = ref.get("AUROC").asDouble();
        assertTrue(Math.abs(refAp - mean(ap)) <= 3 * sd(ap), "golden AP " + refAp + " vs ours " + mean(ap) + " +- " + sd(ap));
        assertTrue(Math.abs(refAuroc - mean(auroc)) <= 3 * sd(auroc),
                "golden AUROC " + refAuroc + " vs ours " + mean(auroc) + " +- " + sd(auroc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void sameSeedSameScoresWhateverTheThreadCount(String c) {
        FloatMatrix x = PyodGoldenTest.embeddings(c);
        double[] one = PyodIForest.builder().seed(0).threads(1).build().decisionScores(x);
        double[] two = PyodIForest.builder().seed(0).threads(2).build().decisionScores(x);
        assertArrayEquals(one, two, 0.0, "same seed, 1 vs 2 threads");
        assertFalse(Arrays.equals(one, PyodIForest.builder().seed(1).threads(2).build().decisionScores(x)),
                "another seed, another forest");
        // as the reference: decision scores shifted by the 10th percentile of score_samples, so 10 % are positive
        long positive = Arrays.stream(one).filter(v -> v > 0).count();
        assertTrue(Math.abs(positive - 0.1 * one.length) <= 1, "positives " + positive);
    }

    static double mean(double[] a) {
        return Arrays.stream(a).average().orElseThrow();
    }

    static double sd(double[] a) {
        double m = mean(a);
        return Math.sqrt(Arrays.stream(a).map(v -> (v - m) * (v - m)).sum() / a.length);
    }
}
