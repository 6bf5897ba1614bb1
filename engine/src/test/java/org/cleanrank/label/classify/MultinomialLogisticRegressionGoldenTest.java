package org.cleanrank.label.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cleanrank.Fixtures;
import org.cleanrank.label.cl.FilterBy;
import org.cleanrank.label.cl.LabelIssueFilter;
import org.cleanrank.label.cl.LabeledProbabilities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * pred_probs.npy (golden README section 2a) = cleanlab's estimate_cv_predicted_probabilities with
 * sklearn 1.2.1's LogisticRegression(max_iter=2000), recomputed from the golden's own folds
 * (pred_probs_folds.npy).
 *
 * <p>Not bit-exact by design: sklearn's L-BFGS-B stops early (scipy's factr test after ~35-40 iterations),
 * we iterate to the unique optimum. On fold 0 scipy run to convergence (ftol=0, gtol=1e-10) differs from the
 * golden by 3.9e-5 (n600) and 8.1e-5 (n2000) in probability; over all 5 folds ours differ by 3.93e-5 and
 * 8.07e-5 (the same: that is sklearn's early stop, not ours), with argmax and the prune_by_noise_rate mask
 * equal on every sample. The tolerance 4e-4 is ~5x the measured gap, room for a golden regenerated on
 * another BLAS/libm (which moves where scipy stops) without hiding a wrong objective (C or the binary
 * penalty off by 2 moves probabilities by 1e-2 and more).
 */
class MultinomialLogisticRegressionGoldenTest {
    static final double MAX_ABS_TOLERANCE = 4e-4;

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void outOfFoldProbabilitiesMatchPredProbs(String c) {
        OutOfFoldGolden g = OutOfFoldGolden.load(c, "labels.npy", "pred_probs_folds.npy", "pred_probs.npy");
        long t0 = System.nanoTime();
        double[][] p = g.compute(new MultinomialLogisticRegression());
        double wall = (System.nanoTime() - t0) / 1e9;
        double[] ref = g.ref();
        int[] labels = g.labels();
        Path dir = g.dir();
        int k = p[0].length;
        double maxAbs = 0;
        int argmaxAgree = 0;
        for (int i = 0; i < p.length; i++) {
            int a = 0;
            int b = 0;
            for (int j = 0; j < k; j++) {
                maxAbs = Math.max(maxAbs, Math.abs(p[i][j] - ref[i * k + j]));
                if (p[i][j] > p[i][a]) {
                    a = j;
                }
                if (ref[i * k + j] > ref[i * k + b]) {
                    b = j;
                }
            }
            if (a == b) {
                argmaxAgree++;
            }
        }
        boolean[] mask = new LabelIssueFilter(2).find(LabeledProbabilities.of(p, labels), FilterBy.PRUNE_BY_NOISE_RATE);
        int[] refMask = Fixtures.ints(dir.resolve("cl_issue_mask_prune_by_noise_rate.npy"));
        int maskAgree = 0;
        int flagged = 0;
        for (int i = 0; i < mask.length; i++) {
            if (mask[i] == (refMask[i] != 0)) {
                maskAgree++;
            }
            if (mask[i]) {
                flagged++;
            }
        }
        double n = p.length;
        System.out.printf(
                "%s: max |p - pred_probs| = %.3g, argmax agree %d/%d, prune_by_noise_rate mask agree"
                        + " %d/%d (%d flagged), wall %.2f s%n",
                c, maxAbs, argmaxAgree, p.length, maskAgree, p.length, flagged, wall);
        assertTrue(maxAbs < MAX_ABS_TOLERANCE, "max abs difference " + maxAbs);
        assertTrue(argmaxAgree >= 0.99 * n, "argmax agrees on " + argmaxAgree);
        assertTrue(maskAgree >= 0.98 * n, "mask agrees on " + maskAgree);
    }
}
