package org.cleanrank.label.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.cleanrank.CleanRankException;
import org.cleanrank.rank.SampleRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ConfidentLearningUnitTest {

    /**
     * Three classes of 10 confident samples each, plus sample 30: labelled 0 with p_0 = 0.01 while p_1 = 0.98.
     * Every filter must flag it (and only it: the others are predicted as their label).
     */
    static LabeledProbabilities obviousMislabel() {
        int n = 31;
        double[][] p = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < 30; i++) {
            int k = i / 10;
            double hi = 0.90 - 0.005 * (i % 10); // distinct values, no ties
            p[i] = new double[3];
            p[i][k] = hi;
            p[i][(k + 1) % 3] = (1 - hi) * 0.6;
            p[i][(k + 2) % 3] = (1 - hi) * 0.4;
            y[i] = k;
        }
        p[30] = new double[] {0.01, 0.98, 0.01};
        y[30] = 0;
        return LabeledProbabilities.of(p, y);
    }

    @Test
    void obviousMislabelIsFlaggedByEveryFilter() {
        LabeledProbabilities p = obviousMislabel();
        for (FilterBy f : FilterBy.values()) {
            boolean[] mask = new LabelIssueFilter(2).find(p, f);
            assertTrue(mask[30], f.referenceName());
            for (int i = 0; i < 30; i++) {
                assertFalse(mask[i], f.referenceName() + " sample " + i);
            }
        }
        for (QualityMethod m : QualityMethod.values()) {
            SampleRanking r = new ConfidentLearning(m, FilterBy.PRUNE_BY_NOISE_RATE, 1).rankAll(p);
            assertEquals(30, r.index(0), m.referenceName() + " ranks it first");
            assertEquals(31, r.size());
        }
        assertEquals(0.01, LabelQuality.selfConfidence(p)[30], 0.0);
        assertEquals((0.01 - 0.98 + 1) / 2, LabelQuality.normalizedMargin(p)[30], 0.0);
        ConfidentJoint raw = ConfidentJoint.compute(p, false);
        assertEquals(1, raw.count(0, 1));
        assertArrayEquals(new int[] {30}, raw.offDiagonalIndices());
    }

    @Test
    void givenLabelWithinOneMillionthOfTheArgmaxIsUnflagged() {
        // _reduce_issues: p_given + 1e-6 >= max un-flags, even though argmax != label
        double[] row = {0.4999995, 0.5000005, 0};
        LabeledProbabilities p =
                LabeledProbabilities.of(new double[][] {row, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}}, new int[] {0, 1, 2});
        assertTrue(LabelIssueFilter.predictedNeqGiven(p)[0]);
        assertFalse(new LabelIssueFilter(1).find(p, FilterBy.PREDICTED_NEQ_GIVEN)[0]);
    }

    @Test
    void roundPreservingSumFollowsNumpysTieOrder() {
        // expected values from cleanlab's round_preserving_sum under numpy 1.24.2
        assertArrayEquals(new long[] {0, 0, 0, 1, 1}, RoundPreservingSum.round(fill(5, 0.4)));
        assertArrayEquals(
                new long[] {0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1},
                RoundPreservingSum.round(fill(20, 0.3)));
        assertArrayEquals(
                new long[] {0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1},
                RoundPreservingSum.round(fill(20, 0.7)));
        assertArrayEquals(new long[] {2, 0, 2, 4}, RoundPreservingSum.round(new double[] {2.5, 0.5, 1.5, 3.5}));
        double[] alt = new double[24];
        for (int i = 0; i < 24; i++) {
            alt[i] = i % 2 == 0 ? 0.3 : 0.6;
        }
        assertArrayEquals(
                new long[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1},
                RoundPreservingSum.round(alt));
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    @Test
    void keepAtLeastOnePerClassTruncatesLikeAstypeInt() {
        // column 0 (given 0): diagonal 0 -> 1, the raise of 1 taken off its 2 non-zero cells as 1/2 each
        long[][] joint = {{0, 3, 2}, {1, 5, 0}, {0, 0, 4}}; // [given][true]
        long[][] prune = LabelIssueFilter.pruneCountMatrix(joint, 1, 1.0); // [true][given]
        assertArrayEquals(new long[] {1, 1, 0}, prune[0]);
        assertArrayEquals(new long[] {2, 5, 0}, prune[1]); // 3 - 0.5 = 2.5 -> 2
        assertArrayEquals(new long[] {1, 0, 4}, prune[2]); // 2 - 0.5 = 1.5 -> 1
    }

    @Test
    void factorizeCodesInOrderOfFirstAppearance() {
        LabelReindexing r = LabelReindexing.factorize(new long[] {5, 3, 5, 9, 3, -1, 40});
        assertArrayEquals(new int[] {0, 1, 0, 2, 1, 3, 4}, r.codes());
        assertArrayEquals(new long[] {5, 3, 9, -1, 40}, r.uniques());
        assertEquals(5, r.classes());
    }

    @Test
    void badInputIsOneLineCleanRankException() {
        int[] y = {0, 1};
        oneLine(() -> LabeledProbabilities.of(new double[] {0.5, 0.4, 0.2, 0.8}, 2, y), "sums to");
        oneLine(() -> LabeledProbabilities.of(new double[] {1.2, -0.2, 0.2, 0.8}, 2, y), "outside [0, 1]");
        oneLine(() -> LabeledProbabilities.of(new double[] {Double.NaN, 1, 0.2, 0.8}, 2, y), "NaN");
        oneLine(() -> LabeledProbabilities.of(new double[] {0.5, 0.5, 0.2, 0.8, 0.1, 0.9}, 2, y), "one pred_probs row");
        oneLine(
                () -> LabeledProbabilities.of(new double[][] {{0.5, 0.5}, {0.2, 0.8}}, new int[] {0, 1, 1}),
                "one pred_probs row");
        oneLine(
                () -> LabeledProbabilities.of(new double[][] {{0.5, 0.5}, {0.2, 0.8}}, new int[] {0, 2}),
                "labels[1] = 2");
        oneLine(
                () -> LabeledProbabilities.of(new double[][] {{0.5, 0.5}, {0.2, 0.8}}, new int[] {0, -1}),
                "labels[1] = -1");
        oneLine(() -> LabeledProbabilities.of(new double[][] {{0.5, 0.5}, {1.0}}, y), "rectangular");
        oneLine(() -> LabeledProbabilities.of(new double[][] {{0.5, 0.5}, {0.2, 0.8}}, new int[] {1, 1}), "2 classes");
        oneLine(
                () -> FilterBy.parse("prune_by_magic"),
                "unknown filter_by 'prune_by_magic': use prune_by_noise_rate, prune_by_class, both,"
                        + " confident_learning or predicted_neq_given");
        oneLine(
                () -> QualityMethod.parse("margin"),
                "unknown label quality method 'margin': use self_confidence, normalized_margin or"
                        + " confidence_weighted_entropy");
        oneLine(() -> new LabelIssueFilter(1).find(obviousMislabel(), FilterBy.BOTH, 1.5, 1), "frac_noise");
    }

    private static void oneLine(Executable e, String mentions) {
        CleanRankException ex = assertThrows(CleanRankException.class, e);
        assertFalse(ex.getMessage().contains("\n"), ex.getMessage());
        assertTrue(ex.getMessage().contains(mentions), ex.getMessage());
    }

    @Test
    void cleanlabNamesParseCaseInsensitivelyWithDashes() {
        for (FilterBy f : FilterBy.values()) {
            assertEquals(
                    f, FilterBy.parse(f.referenceName().toUpperCase(Locale.ROOT).replace('_', '-')));
        }
        assertEquals("prune_by_noise_rate", FilterBy.PRUNE_BY_NOISE_RATE.referenceName());
        assertEquals(QualityMethod.NORMALIZED_MARGIN, QualityMethod.parse("Normalized-Margin"));
        assertEquals("confidence_weighted_entropy", QualityMethod.CONFIDENCE_WEIGHTED_ENTROPY.referenceName());
    }
}
