package org.cleanrank.label.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.cleanrank.Fixtures;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.rank.NumpyArgsort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Confident Learning end to end (golden README section 2b): CleanLearning(AdaBoostClassifier(random_state=0),
 * cv_n_folds=10) after np.random.seed(0), on both baseline cases.
 */
class CrossValidatedProbabilitiesGoldenTest {

    private static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The folds: StratifiedKFold's shuffle with numpy's RandomState(0) reproduces cl_e2e_folds.npy exactly. */
    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void foldsEqualTheReferenceSplit(String c) {
        Path dir = Fixtures.golden("baselines", c);
        int[] labels = Fixtures.ints(dir.resolve("cl_e2e_reindexed_labels.npy"));
        int[] expected = Fixtures.ints(dir.resolve("cl_e2e_folds.npy"));
        assertArrayEquals(expected, StratifiedFolds.holdoutFolds(labels, 10, 0));
    }

    /** Given the reference folds, the out-of-fold AdaBoost probabilities match cl_e2e_pred_probs.npy. */
    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void probabilitiesMatchTheReferenceGivenItsFolds(String c) {
        Path dir = Fixtures.golden("baselines", c);
        FloatMatrix x = FloatMatrix.load(dir.resolve("embeddings.npy"));
        int[] labels = Fixtures.ints(dir.resolve("cl_e2e_reindexed_labels.npy"));
        int[] folds = Fixtures.ints(dir.resolve("cl_e2e_folds.npy"));
        double[] ref = Fixtures.doubles(dir.resolve("cl_e2e_pred_probs.npy"));
        long t0 = System.nanoTime();
        double[][] p = CrossValidatedProbabilities.compute(x, labels, folds, new AdaBoostSammeR(), threads(), null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int k = p[0].length;
        double[] flat = new double[p.length * k];
        for (int i = 0; i < p.length; i++) System.arraycopy(p[i], 0, flat, i * k, k);
        org.cleanrank.io.NpyWriter.writeFloat64(Path.of("/tmp/ada_" + c + ".npy"), flat, p.length, k);
        assertEquals(ref.length, (long) p.length * k);
        double maxAbs = 0;
        int rowsOff = 0;
        for (int i = 0; i < p.length; i++) {
            double rowMax = 0;
            for (int j = 0; j < k; j++) {
                rowMax = Math.max(rowMax, Math.abs(p[i][j] - ref[i * k + j]));
            }
            maxAbs = Math.max(maxAbs, rowMax);
            if (rowMax > 1e-12) {
                rowsOff++;
            }
        }
        System.out.println("fits " + StumpSearch.FITS + " pass2 " + StumpSearch.PASS2);
        System.out.printf("%s: AdaBoost CV %.2f s, max |p - ref| = %.3g, rows off by > 1e-12: %d%n", c, seconds,
                maxAbs, rowsOff);
        assertTrue(maxAbs < 1e-12, "max abs difference " + maxAbs);
    }
}
