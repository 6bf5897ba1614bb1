package org.cleanrank.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.cleanrank.Fixtures;
import org.cleanrank.detect.LinkageMatrix;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.io.Embeddings;
import org.cleanrank.io.Labels;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.cleanrank.vectorization.VectorizationProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SelfClean's three rankings against the reference outputs in fixtures/golden/selfclean. */
class SelfCleanGoldenTest extends BaseVectorizationTestCase {

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        for (String c : new String[] {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"}) {
            b.add(Arguments.of(c, "plain"));
            b.add(Arguments.of(c, "panama"));
        }
        return b.build();
    }

    private static SelfClean.Result run(String c, String twin, int threads) {
        Path dir = Fixtures.golden("selfclean", c);
        PackedEmbeddings m = Embeddings.load(dir.resolve("embeddings.npy"));
        int[] labels = Labels.load(dir.resolve("labels.npy"), m.n());
        int kept = Fixtures.doubles(dir.resolve("expected/near_duplicates_scores.npy")).length;
        return SelfClean.builder()
                .kernels(provider(twin).embeddingKernels())
                .threads(threads)
                .topPairs(kept)
                .build()
                .run(m, labels);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void nearDuplicatesMatchReference(String c, String twin) {
        EmbeddingKernels k = provider(twin).embeddingKernels();
        Path dir = Fixtures.golden("selfclean", c);
        SelfClean.Result r = run(c, twin, 2);
        double[] refD = Fixtures.doubles(dir.resolve("expected/near_duplicates_scores.npy"));
        long[] refIJ = Fixtures.longs(dir.resolve("expected/near_duplicates_indices.npy"));
        PairRanking nd = r.nearDuplicates();
        assertEquals(refD.length, nd.size());
        PackedEmbeddings m = Embeddings.load(dir.resolve("embeddings.npy"));
        for (int rank = 0; rank < refD.length; rank++) {
            assertEquals(refD[rank], nd.distance(rank), 1e-6, "distance at rank " + rank);
            assertTrue(nd.i(rank) < nd.j(rank));
            int i = (int) refIJ[2 * rank], j = (int) refIJ[2 * rank + 1];
            // tie-aware: the reference's pair at this rank has the reference's distance in our engine
            assertEquals(
                    refD[rank],
                    k.distance(m.panels(), m.dim(), i, j),
                    1e-6,
                    "distance of reference pair (" + i + "," + j + ")");
        }
        // the same pairs are listed, except pairs tied (within 1e-6) with the last kept distance
        java.util.Set<Long> ours = new java.util.HashSet<>();
        for (int rank = 0; rank < nd.size(); rank++) {
            ours.add((long) nd.i(rank) * 1_000_000L + nd.j(rank));
        }
        double cut = refD[refD.length - 1];
        for (int rank = 0; rank < refD.length; rank++) {
            long key = refIJ[2 * rank] * 1_000_000L + refIJ[2 * rank + 1];
            if (refD[rank] < cut - 1e-6) {
                assertTrue(ours.contains(key), "reference pair at rank " + rank + " missing");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void singleLinkageAndOffTopicMatchReference(String c, String twin) throws java.io.IOException {
        // End to end from embeddings: our float32 distances differ from OpenBLAS's sgemm by an ulp for a
        // few percent of pairs, so merges closer than an ulp can swap. Exactness of the algorithms on the
        // reference's own distances is asserted in ReferenceDistanceGoldenTest.
        Path dir = Fixtures.golden("selfclean", c);
        SelfClean.Result r = run(c, twin, 2);
        LinkageMatrix z = r.linkage();
        double[] ref = Fixtures.doubles(dir.resolve("expected/single_linkage.npy"));
        assertEquals(ref.length, z.z().length);
        java.util.Map<java.util.BitSet, Double> refClusters =
                ReferenceDistanceGoldenTest.clusters(new LinkageMatrix(z.n(), ref));
        java.util.Map<java.util.BitSet, Double> ourClusters = ReferenceDistanceGoldenTest.clusters(z);
        int same = 0;
        for (var e : refClusters.entrySet()) {
            Double d = ourClusters.get(e.getKey());
            if (d != null) {
                assertEquals(e.getValue(), d, 1e-6, "merge distance of a reference cluster");
                same++;
            }
        }
        for (int row = 0; row < z.rows(); row++) {
            assertEquals(ref[4 * row + 2], z.distance(row), 1e-6, "distance of row " + row);
        }
        assertTrue(
                same >= 0.99 * refClusters.size(), same + " of " + refClusters.size() + " reference clusters formed");
        // the off-topic ranking is as good as the reference's against the planted truth
        com.fasterxml.jackson.databind.JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("case.json").toFile())
                .get("metrics")
                .get("off_topic_samples");
        long[] truth = Fixtures.longs(dir.resolve("truth_off_topic.npy"));
        java.util.Map<String, Double> m = org.cleanrank.eval.RankingMetrics.compute(
                MetricsGoldenTest.inOrder(r.offTopic().indices(), truth));
        assertEquals(expected.get("AP").asDouble(), m.get("AP"), 0.01);
        assertEquals(expected.get("AUROC").asDouble(), m.get("AUROC"), 0.01);
        SampleRanking ot = r.offTopic();
        for (int rank = 1; rank < ot.size(); rank++) {
            assertTrue(ot.score(rank) >= ot.score(rank - 1), "LAD scores are running sums");
        }
        // on both golden cases the ulp-level distance differences do not reach LAD's visit order
        int[] refIdx = Fixtures.ints(dir.resolve("expected/off_topic_indices.npy"));
        double[] refScore = Fixtures.doubles(dir.resolve("expected/off_topic_scores.npy"));
        for (int rank = 0; rank < refIdx.length; rank++) {
            assertEquals(refIdx[rank], ot.index(rank), "off-topic index at rank " + rank);
            assertEquals(
                    refScore[rank], ot.score(rank), 1e-6 * Math.abs(refScore[rank]), "off-topic score at rank " + rank);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void labelErrorsMatchReference(String c, String twin) {
        Path dir = Fixtures.golden("selfclean", c);
        SelfClean.Result r = run(c, twin, 2);
        int[] refIdx = Fixtures.ints(dir.resolve("expected/label_errors_indices.npy"));
        double[] refScore = Fixtures.doubles(dir.resolve("expected/label_errors_scores.npy"));
        double[] refByIndex = new double[refIdx.length];
        for (int rank = 0; rank < refIdx.length; rank++) {
            refByIndex[refIdx[rank]] = refScore[rank];
        }
        SampleRanking le = r.labelErrors();
        assertEquals(refIdx.length, le.size());
        for (int rank = 0; rank < refIdx.length; rank++) {
            // end to end the score error is the distance error (an ulp, ~6e-8) amplified by 1/distance for
            // samples with near-duplicates; exactness on the reference's distances: ReferenceDistanceGoldenTest
            assertEquals(refScore[rank], le.score(rank), 2e-4, "label-error score at rank " + rank);
            assertEquals(refByIndex[le.index(rank)], le.score(rank), 2e-4, "score of sample " + le.index(rank));
            if (le.index(rank) != refIdx[rank]) {
                assertEquals(
                        refByIndex[le.index(rank)],
                        refScore[rank],
                        4e-4,
                        "order differs beyond a near-tie at rank " + rank);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void threadCountDoesNotChangeAnything(String c, String twin) {
        SelfClean.Result a = run(c, twin, 1);
        SelfClean.Result b = run(c, twin, 3);
        for (int rank = 0; rank < a.nearDuplicates().size(); rank++) {
            assertEquals(a.nearDuplicates().i(rank), b.nearDuplicates().i(rank));
            assertEquals(a.nearDuplicates().j(rank), b.nearDuplicates().j(rank));
            assertEquals(a.nearDuplicates().distance(rank), b.nearDuplicates().distance(rank));
        }
        assertTrue(java.util.Arrays.equals(a.linkage().z(), b.linkage().z()));
        assertTrue(java.util.Arrays.equals(a.offTopic().indices(), b.offTopic().indices()));
        assertTrue(java.util.Arrays.equals(
                a.labelErrors().indices(), b.labelErrors().indices()));
    }

    @org.junit.jupiter.api.Test
    void distanceMatrixMatchesReference() {
        Path dir = Fixtures.golden("selfclean", "synth_n600_d64_seed1");
        assertTrue(Files.exists(dir.resolve("expected/distance_matrix.npy")));
        double[] ref = Fixtures.doubles(dir.resolve("expected/distance_matrix.npy"));
        PackedEmbeddings m = Embeddings.load(dir.resolve("embeddings.npy"));
        EmbeddingKernels k = VectorizationProvider.getInstance().embeddingKernels();
        int n = m.n();
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    worst = Math.max(worst, Math.abs(ref[i * n + j] - k.distance(m.panels(), m.dim(), i, j)));
                }
            }
        }
        assertTrue(worst <= 1e-6, "largest distance error " + worst);
    }
}
