package org.cleanrank.label.cl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.cleanrank.Fixtures;
import org.cleanrank.io.NpyArray;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.rank.SampleRanking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Confident Learning stage output in fixtures/golden/baselines/&lt;case&gt;/cl_*.npy (cleanlab 2.9.0 at
 * 75062574, numpy 1.24.2) reproduced from the case's pred_probs.npy + labels.npy; the end-to-end files from
 * cl_e2e_pred_probs.npy + cl_e2e_reindexed_labels.npy. Integers and masks must be identical, including the
 * calibrated joint of synth_n2000_d384_seed2, the one output metrics.json lists as tie-order dependent. The
 * stage outputs of fixtures/golden/cl_unequal_classes (60 classes of 1 to 179 samples, same cleanlab) too.
 */
class ConfidentLearningGoldenTest {
    /** Classes as unequal as Fitzpatrick17k's: stage outputs only (no embeddings, no end-to-end files). */
    static final String UNEQUAL = "cl_unequal_classes";

    static final String[] CASES = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2", UNEQUAL};

    static Path dir(String c) {
        return c.equals(UNEQUAL) ? Fixtures.golden(c) : Fixtures.golden("baselines", c);
    }

    static LabeledProbabilities load(String c, String probs, String labels) {
        Path d = dir(c);
        double[] p = Fixtures.doubles(d.resolve(probs));
        int classes;
        try (NpyArray a = NpyArray.open(d.resolve(probs))) {
            classes = (int) a.shape()[1];
        }
        return LabeledProbabilities.of(p, classes, Fixtures.ints(d.resolve(labels)));
    }

    static LabeledProbabilities stage(String c) {
        return load(c, "pred_probs.npy", "labels.npy");
    }

    static LabeledProbabilities e2e(String c) {
        return load(c, "cl_e2e_pred_probs.npy", "cl_e2e_reindexed_labels.npy");
    }

    static Stream<Arguments> caseAndMethod() {
        return Arrays.stream(CASES)
                .flatMap(c -> Arrays.stream(QualityMethod.values()).map(m -> Arguments.of(c, m)));
    }

    static Stream<Arguments> caseAndFilter() {
        return Arrays.stream(CASES)
                .flatMap(c -> Arrays.stream(FilterBy.values()).map(f -> Arguments.of(c, f)));
    }

    /** A little-endian int64 square .npy saved in Fortran order, returned in row-major order. */
    static long[] fortranOrderLongs(Path p) {
        try {
            byte[] b = java.nio.file.Files.readAllBytes(p);
            int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8; // version 1.0 header
            String header = new String(b, 10, headerLen, java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(header.contains("'descr': '<i8'") && header.contains("'fortran_order': True"), header);
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(b, 10 + headerLen, b.length - 10 - headerLen)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int count = (b.length - 10 - headerLen) / 8;
            int k = (int) Math.round(Math.sqrt(count));
            assertEquals(k * k, count);
            long[] out = new long[count];
            for (int col = 0; col < k; col++) {
                for (int row = 0; row < k; row++) {
                    out[row * k + col] = buf.getLong();
                }
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static long[] flat(long[][] m) {
        return Arrays.stream(m).flatMapToLong(Arrays::stream).toArray();
    }

    static int[] asInts(boolean[] mask) {
        int[] out = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            out[i] = mask[i] ? 1 : 0;
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("caseAndMethod")
    void labelQualityWithin1e12(String c, QualityMethod m) {
        double[] ref = Fixtures.doubles(dir(c).resolve("cl_label_quality_" + m.referenceName() + ".npy"));
        double[] got = LabelQuality.scores(stage(c), m);
        assertEquals(ref.length, got.length);
        for (int i = 0; i < ref.length; i++) {
            assertEquals(ref[i], got[i], 1e-12, "sample " + i);
        }
        if (m != QualityMethod.CONFIDENCE_WEIGHTED_ENTROPY) {
            assertArrayEquals(ref, got, 0.0, "no libm call: bit-identical");
        }
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void confidentThresholdsBitIdentical(String c) {
        double[] ref = Fixtures.doubles(dir(c).resolve("cl_confident_thresholds.npy"));
        assertArrayEquals(ref, ConfidentJoint.confidentThresholds(stage(c)), 0.0);
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void confidentJointsIdentical(String c) {
        LabeledProbabilities p = stage(c);
        ConfidentJoint raw = ConfidentJoint.compute(p, false);
        ConfidentJoint cal = ConfidentJoint.compute(p, true);
        // confusion_matrix(...).T: numpy saved it in Fortran order
        assertArrayEquals(fortranOrderLongs(dir(c).resolve("cl_confident_joint_uncalibrated.npy")), flat(raw.counts()));
        long[] ref = Fixtures.longs(dir(c).resolve("cl_confident_joint.npy"));
        assertArrayEquals(ref, flat(cal.counts()));
        assertEquals(p.size(), Arrays.stream(ref).sum());
        assertArrayEquals(raw.offDiagonalIndices(), cal.offDiagonalIndices());
    }

    /** The tie-order dependence metrics.json reports is real: a stable tie order gives another joint. */
    @ParameterizedTest
    @ValueSource(strings = {"synth_n2000_d384_seed2"})
    void calibratedJointDependsOnNumpysTieOrder(String c) {
        LabeledProbabilities p = stage(c);
        long[][] raw = ConfidentJoint.compute(p, false).counts();
        long[][] stable = ConfidentJoint.calibrate(raw, p.labelCounts(), NumpyArgsort::stable);
        assertFalse(
                Arrays.equals(Fixtures.longs(dir(c).resolve("cl_confident_joint.npy")), flat(stable)),
                "a stable argsort in round_preserving_sum should not reproduce the golden joint");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("caseAndFilter")
    void issueMaskIdenticalForAnyThreadCount(String c, FilterBy f) {
        int[] ref = Fixtures.ints(dir(c).resolve("cl_issue_mask_" + f.referenceName() + ".npy"));
        LabeledProbabilities p = stage(c);
        assertArrayEquals(ref, asInts(new LabelIssueFilter(1).find(p, f)), "1 thread");
        assertArrayEquals(ref, asInts(new LabelIssueFilter(3).find(p, f)), "3 threads");
        assertTrue(Arrays.stream(ref).sum() > 0);
    }

    @ParameterizedTest
    @FieldSource("CASES")
    void rankedSelfConfidenceIdentical(String c) {
        int[] ref = Fixtures.ints(dir(c).resolve("cl_ranked_self_confidence.npy"));
        LabeledProbabilities p = stage(c);
        assertArrayEquals(
                ref,
                new LabelIssueFilter(2).rankedIssues(p, FilterBy.PRUNE_BY_NOISE_RATE, QualityMethod.SELF_CONFIDENCE));
        SampleRanking flagged =
                new ConfidentLearning(QualityMethod.SELF_CONFIDENCE, FilterBy.PRUNE_BY_NOISE_RATE, 1, 2).rankFlagged(p);
        assertArrayEquals(ref, flagged.indices());
        for (int r = 0; r < ref.length; r++) {
            assertEquals(p.get(ref[r], p.label(ref[r])), flagged.score(r), 0.0);
        }
    }

    /**
     * Why the case exists: find_label_issues' default min_examples_per_class is 1, CleanLearning's is 10. With
     * 10, every class of at most 10 samples flags nothing and a class whose confident diagonal is below 10 has
     * it raised to 10, so it flags fewer; large classes are unaffected. Passing 10 where the reference call
     * passes nothing loses samples in small classes only (cleanrank's `detect cl --pred-probs --filter-by`
     * did this). Both settings are checked against cleanlab's masks.
     */
    @ParameterizedTest
    @EnumSource(
            value = FilterBy.class,
            names = {"PRUNE_BY_NOISE_RATE", "PRUNE_BY_CLASS", "BOTH"})
    void cleanLearningsMinimumPerClassLosesSmallClassesOnly(FilterBy f) {
        LabeledProbabilities p = stage(UNEQUAL);
        int[] ref = Fixtures.ints(dir(UNEQUAL).resolve("cl_issue_mask_" + f.referenceName() + ".npy"));
        int min = ConfidentLearning.CLEAN_LEARNING_MIN_EXAMPLES_PER_CLASS;
        boolean[] ten = new LabelIssueFilter(2).find(p, f, 1.0, min);
        assertArrayEquals(
                Fixtures.ints(dir(UNEQUAL).resolve("cl_issue_mask_" + f.referenceName() + "_min10.npy")),
                asInts(ten),
                "find_label_issues(..., min_examples_per_class=10)");
        int[] counts = p.labelCounts();
        int lost = 0;
        for (int i = 0; i < ref.length; i++) {
            assertFalse(ten[i] && ref[i] == 0, "min 10 flags nothing the default does not: sample " + i);
            if (ref[i] == 1 && !ten[i]) {
                lost++;
                assertTrue(counts[p.label(i)] <= 3 * min, "lost sample " + i + " in a class of " + counts[p.label(i)]);
            }
        }
        assertTrue(lost >= 50, lost + " samples lost with min_examples_per_class=10");
        // the facade's two settings, side by side
        assertArrayEquals(
                ref,
                asInts(ConfidentLearning.findLabelIssues(QualityMethod.SELF_CONFIDENCE, f, 2)
                        .mask(p)));
        assertArrayEquals(asInts(ten), asInts(new ConfidentLearning(QualityMethod.SELF_CONFIDENCE, f, 2).mask(p)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void endToEndAsCleanPatrickIdentical(String c) {
        LabeledProbabilities p = e2e(c);
        ConfidentLearning.Result r =
                new ConfidentLearning(QualityMethod.SELF_CONFIDENCE, FilterBy.PRUNE_BY_NOISE_RATE, 2).analyze(p);
        double[] refQ = Fixtures.doubles(dir(c).resolve("cl_e2e_label_quality.npy"));
        for (int i = 0; i < refQ.length; i++) {
            assertEquals(refQ[i], r.labelQuality()[i], 1e-12, "label quality " + i);
        }
        assertArrayEquals(
                Fixtures.longs(dir(c).resolve("cl_e2e_confident_joint.npy")),
                flat(r.confidentJoint().counts()));
        assertArrayEquals(Fixtures.ints(dir(c).resolve("cl_e2e_is_label_issue.npy")), asInts(r.isLabelIssue()));
        int[] refRanking = Fixtures.ints(dir(c).resolve("cl_e2e_ranking.npy"));
        SampleRanking ranking = r.ranking();
        assertArrayEquals(refRanking, ranking.indices(), "identical, tie order included");
        for (int k = 0; k < refRanking.length; k++) {
            assertEquals(refQ[refRanking[k]], ranking.score(k), 0.0);
        }
        assertArrayEquals(refRanking, new ConfidentLearning().rankAll(p).indices());
        // the ties matter (metrics.json: ranking_equals_stable_argsort = false)
        assertFalse(Arrays.equals(refRanking, NumpyArgsort.stable(refQ)));
    }

    /** AdaBoost's pred_probs repeat rows, so the margins tie and the e2e mask needs numpy's tie order. */
    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void endToEndMaskDependsOnNumpysTieOrder(String c) {
        LabeledProbabilities p = e2e(c);
        int[] ref = Fixtures.ints(dir(c).resolve("cl_e2e_is_label_issue.npy"));
        int min = ConfidentLearning.CLEAN_LEARNING_MIN_EXAMPLES_PER_CLASS;
        assertArrayEquals(ref, asInts(new LabelIssueFilter(2).find(p, FilterBy.PRUNE_BY_NOISE_RATE, 1.0, min)));
        boolean[] stable =
                new LabelIssueFilter(2, NumpyArgsort::stable).find(p, FilterBy.PRUNE_BY_NOISE_RATE, 1.0, min);
        assertFalse(Arrays.equals(ref, asInts(stable)), "a stable argsort should not reproduce the golden mask");
        // and CleanLearning's min_examples_per_class=10 matters too
        assertFalse(Arrays.equals(ref, asInts(new LabelIssueFilter(2).find(p, FilterBy.PRUNE_BY_NOISE_RATE))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void factorizeKeepsAlreadyReindexedLabels(String c) {
        int[] labels = Fixtures.ints(dir(c).resolve("cl_e2e_reindexed_labels.npy"));
        // the golden's labels.npy factorized = cl_e2e_reindexed_labels.npy (CleanPatrick's pd.factorize step)
        LabelReindexing f = LabelReindexing.factorize(Fixtures.longs(dir(c).resolve("labels.npy")));
        assertArrayEquals(labels, f.codes());
        assertArrayEquals(labels, LabelReindexing.factorize(labels).codes());
    }
}
