package org.cleanrank.label.noiserank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleanrank.rank.SampleRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact stages of NoiseRank given the reference's own prototypes, against
 * fixtures/golden/baselines/{synth_n600_d64_seed1, synth_n2000_d384_seed2, noiserank_vote_probe}.
 */
class NoiseRankStagesGoldenTest {
    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2", "noiserank_vote_probe"})
    void knnSearchMatchesFaiss(String name) {
        NoiseRankGolden g = NoiseRankGolden.load(name);
        Neighbours nn = FlatL2Search.search(g.x(), g.prototypes(), 5, 2);
        assertArrayEquals(g.ints("noiserank_knn_indices.npy"), nn.indices(), name + ": neighbour indices and order");
        double[] expected = g.doubles("noiserank_knn_sq_distances.npy");
        int bitExact = 0;
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], nn.squaredDistances()[i], 1e-5, name + ": squared distance " + i);
            if ((float) expected[i] == nn.squaredDistances()[i]) {
                bitExact++;
            }
        }
        // the model of faiss' float32 arithmetic gives 297/300, 979/1000 and 400/400 bit for bit
        assertTrue(
                bitExact >= 0.95 * expected.length,
                name + ": only " + bitExact + " of " + expected.length + " distances bit-exact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2", "noiserank_vote_probe"})
    void votePredictionsMatchReference(String name) {
        NoiseRankGolden g = NoiseRankGolden.load(name);
        int[] predictions = new PrototypeVote(5, 1, 1, 2).predict(g.x(), g.labels(), g.prototypes());
        assertArrayEquals(g.ints("noiserank_knn_predictions.npy"), predictions, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2", "noiserank_vote_probe"})
    void dependenceGraphScoresAndRankingMatchReference(String name) {
        NoiseRankGolden g = NoiseRankGolden.load(name);
        int[] predictions = g.ints("noiserank_knn_predictions.npy");
        double[] expected = g.doubles("noiserank_scores.npy");
        double[] scores = new DependenceGraph(1, 1, 0.5, 1.0, 2)
                .scores(g.x(), g.labels(), g.prototypes(), g.prototypeLabels(), predictions);
        // numpy's float32 norm and float64 pairwise sums in the same order: bit for bit
        assertArrayEquals(expected, scores, 0.0, name + ": scores");
        double[] oneThread = new DependenceGraph(1, 1, 0.5, 1.0, 1)
                .scores(g.x(), g.labels(), g.prototypes(), g.prototypeLabels(), predictions);
        assertArrayEquals(scores, oneThread, 0.0, name + ": thread count changed the scores");
        assertArrayEquals(
                g.ints("noiserank_ranking.npy"), NoiseRank.ranking(scores).indices(), name + ": ranking");
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2", "noiserank_vote_probe"})
    void facadeWithReferencePrototypesReproducesRanking(String name) {
        NoiseRankGolden g = NoiseRankGolden.load(name);
        NoiseRank.Result r = new NoiseRank().run(g.x(), g.labels(), g.prototypes(), g.prototypeLabels());
        assertArrayEquals(g.ints("noiserank_knn_predictions.npy"), r.predictions(), name + ": predictions");
        int[] ranking = g.ints("noiserank_ranking.npy");
        double[] scores = g.doubles("noiserank_scores.npy");
        SampleRanking s = new NoiseRank().rank(g.x(), g.labels(), g.prototypes(), g.prototypeLabels());
        assertArrayEquals(ranking, s.indices(), name + ": ranking");
        for (int rank = 0; rank < ranking.length; rank++) {
            assertEquals(scores[ranking[rank]], s.score(rank), 0.0, name + ": score at rank " + rank);
        }
        for (int rank = 1; rank < ranking.length; rank++) {
            assertTrue(s.score(rank - 1) >= s.score(rank), "scores highest first");
        }
    }

    /** The probe is built so that the kernel matters: plain-distance weights flip 40 of its 80 predictions. */
    @Test
    void plainDistanceWeightsAreNotTheReference() {
        NoiseRankGolden g = NoiseRankGolden.load("noiserank_vote_probe");
        int[] reference = g.ints("noiserank_knn_predictions.npy");
        int[] ifPlain = g.ints("noiserank_knn_predictions_if_plain_l2_weights.npy");
        int[] plain = new PrototypeVote(5, 1, 1, VoteKernel.PLAIN_L2, 2).predict(g.x(), g.labels(), g.prototypes());
        int[] squared = new PrototypeVote(5, 1, 1, 2).predict(g.x(), g.labels(), g.prototypes());
        assertArrayEquals(ifPlain, plain, "plain variant = the golden's plain-weight predictions");
        assertArrayEquals(reference, squared, "default = the reference");
        int differ = 0;
        for (int i = 0; i < reference.length; i++) {
            if (plain[i] != squared[i]) {
                differ++;
            }
        }
        assertEquals(40, differ, "predictions that change with plain-distance weights");
        // with the defaults alpha = 0.5, b_factor = 1 every weight between different labels is 0.5, so the
        // predictions cannot change the scores; with alpha = 0.3 they do
        double[] squaredScores = NoiseRank.builder()
                .alpha(0.3)
                .build()
                .run(g.x(), g.labels(), g.prototypes(), g.prototypeLabels())
                .scores();
        double[] plainScores = NoiseRank.builder()
                .alpha(0.3)
                .voteKernel(VoteKernel.PLAIN_L2)
                .build()
                .run(g.x(), g.labels(), g.prototypes(), g.prototypeLabels())
                .scores();
        int changed = 0;
        for (int i = 0; i < plainScores.length; i++) {
            if (plainScores[i] != squaredScores[i]) {
                changed++;
            }
        }
        assertTrue(changed > 0, "with alpha = 0.3 the plain kernel's predictions change the probe's scores");
    }
}
