package org.cleanrank.label.noiserank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.cleanrank.eval.RankingMetrics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * NoiseRank end to end with our own k-means prototypes. sklearn's k-means draws from numpy's RandomState,
 * so prototypes cannot match; the ranking is compared by CleanPatrick's metrics against
 * metrics.json -> label_errors -> NoiseRank -> metrics (AP and AUROC within 0.05).
 */
class NoiseRankEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void metricsCloseToReference(String name) throws IOException {
        NoiseRankGolden g = NoiseRankGolden.load(name);
        JsonNode ref = JSON.readTree(g.dir().resolve("metrics.json").toFile())
                .get("label_errors")
                .get("NoiseRank");
        NoiseRank.Result r = new NoiseRank().run(g.x(), g.labels());

        Prototypes p = r.prototypes();
        assertEquals(ref.get("prototypes_per_class_k").asInt(), p.perClass(), name + ": prototypes per class");
        assertEquals(ref.get("n_prototypes").asInt(), p.size(), name + ": prototypes");
        assertArrayEquals(g.prototypeLabels(), p.labels(), name + ": prototype labels in class order");
        assertEquals(0, p.labelsWithoutPrototypes().length);

        int[] truthLabelError = g.ints("truth_label_error.npy");
        int[] ranked = new int[truthLabelError.length];
        for (int rank = 0; rank < ranked.length; rank++) {
            ranked[rank] = truthLabelError[r.ranking().index(rank)];
        }
        Map<String, Double> m = RankingMetrics.compute(ranked);
        JsonNode expected = ref.get("metrics");
        assertEquals(expected.get("AP").asDouble(), m.get("AP"), 0.05, name + ": AP");
        assertEquals(expected.get("AUROC").asDouble(), m.get("AUROC"), 0.05, name + ": AUROC");

        // the same seed gives the same ranking, whatever the thread count
        NoiseRank.Result again = NoiseRank.builder().threads(1).build().run(g.x(), g.labels());
        assertArrayEquals(p.centers().data(), again.prototypes().centers().data(), name + ": prototypes");
        assertArrayEquals(r.ranking().indices(), again.ranking().indices(), name + ": ranking");
    }
}
