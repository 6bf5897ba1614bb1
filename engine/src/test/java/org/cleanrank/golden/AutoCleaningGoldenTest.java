package org.cleanrank.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.cleanrank.Fixtures;
import org.cleanrank.detect.AutoCleaning;
import org.cleanrank.detect.FractionCut;
import org.cleanrank.detect.PairDistanceHistogram;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.detect.SortedDistances;
import org.cleanrank.io.Embeddings;
import org.cleanrank.io.Labels;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.vectorization.VectorizationProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SelfClean's automatic cleaning against {@code expected/auto_*} (SelfCleanCleaner(auto_cleaning=True) with
 * its defaults, and with cut-offs and significance level 0.1: "_loose"). On the reference's own scores
 * the rule is exact: flagged count and positions equal, cut-off within 1e-9 relative. End to end from
 * the embeddings our float32 distances differ from OpenBLAS's by an ulp here and there, which moves the
 * cut-off by up to ~2e-5 relative (measured: the label-error scores of near-duplicates amplify the
 * distance error; asserted within 1e-4); the flagged items are still the reference's.
 */
class AutoCleaningGoldenTest {
    private static final String[] TYPES = {"near_duplicates", "off_topic_samples", "label_errors"};

    /** Both golden cases, each with SelfClean's defaults ("") and the loose setting ("_loose"). */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> goldenSettings() {
        return java.util.stream.Stream.of("synth_n600_d64_seed1", "synth_n2000_d384_seed2")
                .flatMap(c -> java.util.stream.Stream.of("", "_loose")
                        .map(s -> org.junit.jupiter.params.provider.Arguments.of(c, s)));
    }

    private static AutoCleaning.Settings settings(String suffix) {
        double a = suffix.isEmpty() ? 0.01 : 0.1;
        return new AutoCleaning.Settings(a, a, a, suffix.isEmpty() ? 0.05 : 0.1);
    }

    private static JsonNode json(Path dir, String suffix) throws IOException {
        return new ObjectMapper()
                .readTree(
                        dir.resolve("expected/auto_cleaning" + suffix + ".json").toFile());
    }

    private static void assertOutcome(
            Path dir, String suffix, String type, FractionCut.Outcome o, double cutoffTolerance) throws IOException {
        JsonNode e = json(dir, suffix).get(type);
        long[] ref = Fixtures.longs(dir.resolve("expected/auto_issues_" + type + suffix + ".npy"));
        assertEquals(e.get("flagged").asLong(), o.flagged(), type + suffix + " flagged");
        assertArrayEquals(ref, o.referencePositions(), type + suffix + " auto_issues");
        assertEquals(e.get("ranking_length").asLong(), o.rankingLength(), type + " ranking length");
        assertEquals(e.get("scores_outside_open_unit_interval").asLong(), o.outsideOpenInterval());
        double c = e.get("logit_cutoff").asDouble();
        assertEquals(c, o.logitCutoff(), cutoffTolerance * Math.abs(c), type + suffix + " logit cut-off");
    }

    private static double[] refScores(Path dir, String name) {
        return Fixtures.doubles(dir.resolve("expected/" + name + "_scores.npy"));
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("goldenSettings")
    void sampleRankingsOnReferenceScoresAreExact(String c, String suffix) throws IOException {
        Path dir = Fixtures.golden("selfclean", c);
        int n = refScores(dir, "off_topic").length;
        AutoCleaning.Settings s = settings(suffix);
        assertOutcome(
                dir,
                suffix,
                "off_topic_samples",
                FractionCut.onSamples(refScores(dir, "off_topic"), false, n, s.offTopicCutOff(), s.significanceLevel()),
                1e-9);
        assertOutcome(
                dir,
                suffix,
                "label_errors",
                FractionCut.onSamples(
                        refScores(dir, "label_errors"), true, n, s.labelErrorCutOff(), s.significanceLevel()),
                1e-9);
    }

    @ParameterizedTest(name = "setting [{0}]")
    @CsvSource({"''", "_loose"})
    void pairRankingOnReferenceDistancesIsExact(String suffix) throws IOException {
        Path dir = Fixtures.golden("selfclean", "synth_n600_d64_seed1"); // all 179,700 pairs kept
        double[] d = refScores(dir, "near_duplicates");
        float[] f = new float[d.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) d[i];
        }
        PairRanking r = PairRanking.of(new int[f.length], new int[f.length], f);
        AutoCleaning.Settings s = settings(suffix);
        assertOutcome(
                dir,
                suffix,
                "near_duplicates",
                FractionCut.onPairs(SortedDistances.of(r), 600, s.nearDuplicateCutOff(), s.significanceLevel()),
                1e-9);
    }

    /** n = 2000 keeps the first 20,000 of 1,999,000 pairs: enough for the default setting's two quantiles. */
    @Test
    void pairRankingOnReferencePrefixIsExact() throws IOException {
        Path dir = Fixtures.golden("selfclean", "synth_n2000_d384_seed2");
        double[] d = refScores(dir, "near_duplicates");
        long total = 1_999_000;
        SortedDistances prefix = new SortedDistances() { // the JSON says no distance is exactly 0 or 1
                    @Override
                    public long total() {
                        return total;
                    }

                    @Override
                    public long zeros() {
                        return 0;
                    }

                    @Override
                    public long valid() {
                        return total;
                    }

                    @Override
                    public float kth(long k) {
                        return (float) d[Math.toIntExact(k)]; // past the prefix: an exception, and the test fails
                    }

                    @Override
                    public long countAtMost(float t) {
                        long c = 0;
                        while (c < d.length && (float) d[(int) c] <= t) {
                            c++;
                        }
                        assertTrue(c < d.length, "count reaches past the kept pairs");
                        return c;
                    }
                };
        AutoCleaning.Settings s = settings("");
        assertOutcome(
                dir,
                "",
                "near_duplicates",
                FractionCut.onPairs(prefix, 2000, s.nearDuplicateCutOff(), s.significanceLevel()),
                1e-9);
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @MethodSource("goldenSettings")
    void endToEndFromEmbeddingsFlagsTheReferenceItems(String c, String suffix) throws IOException {
        Path dir = Fixtures.golden("selfclean", c);
        PackedEmbeddings m = Embeddings.load(dir.resolve("embeddings.npy"));
        int[] labels = Labels.load(dir.resolve("labels.npy"), m.n());
        SelfClean.Result r =
                SelfClean.builder().threads(2).topPairs(100).build().run(m, labels);
        SortedDistances pairs = AutoCleaning.pairDistances(
                r, m, VectorizationProvider.getInstance().embeddingKernels(), 2, Progress.NONE);
        assertTrue(pairs instanceof PairDistanceHistogram, "a top-100 ranking is streamed again");
        AutoCleaning.Report a = AutoCleaning.apply(r, m.n(), settings(suffix), pairs);
        assertOutcome(dir, suffix, "near_duplicates", a.nearDuplicates(), 1e-4);
        assertOutcome(dir, suffix, "off_topic_samples", a.offTopic(), 1e-4);
        assertOutcome(dir, suffix, "label_errors", a.labelErrors(), 1e-4);
        assertTrue(((PairDistanceHistogram) pairs).passes() <= 4);
        // the flagged rows are the first ranks of each ranking (no score is exactly 0 or 1 here)
        for (int rank = 0; rank < 100; rank++) {
            assertEquals(
                    rank < a.nearDuplicates().flagged(),
                    a.nearDuplicates().flaggedRanks().contains(rank));
        }
    }

    /** The streamed histogram and the full ranking in memory give the same outcome. */
    @Test
    void histogramAndFullRankingAgree() {
        Path dir = Fixtures.golden("selfclean", "synth_n600_d64_seed1");
        PackedEmbeddings m = Embeddings.load(dir.resolve("embeddings.npy"));
        SelfClean.Result all = SelfClean.builder()
                .threads(2)
                .topPairs(SelfClean.ALL_PAIRS)
                .build()
                .run(m, null);
        SortedDistances full = AutoCleaning.pairDistances(
                all, m, VectorizationProvider.getInstance().embeddingKernels(), 2, Progress.NONE);
        SortedDistances streamed = PairDistanceHistogram.stream(
                m, VectorizationProvider.getInstance().embeddingKernels(), 2, Progress.NONE);
        assertEquals(full.valid(), streamed.valid());
        for (double a : new double[] {0.01, 0.1, 0.3}) {
            FractionCut.Outcome x = FractionCut.onPairs(full, m.n(), a, 0.1);
            FractionCut.Outcome y = FractionCut.onPairs(streamed, m.n(), a, 0.1);
            assertEquals(x.fit(), y.fit(), "alpha " + a);
            assertArrayEquals(x.referencePositions(), y.referencePositions());
        }
        for (long k : new long[] {0, 1, 17, 1000, 90_000, full.valid() - 1}) {
            assertEquals(full.kth(k), streamed.kth(k), "order statistic " + k);
        }
    }
}
