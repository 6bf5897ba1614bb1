package org.cleanrank.label.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.cleanrank.Fixtures;
import org.cleanrank.io.FloatMatrix;

/**
 * One baseline case's out-of-fold probabilities as the reference computed them: the embeddings, the labels and
 * folds it used, and its probabilities (N x K, flattened), all from fixtures/golden/baselines/&lt;case&gt;.
 */
record OutOfFoldGolden(Path dir, FloatMatrix x, int[] labels, int[] folds, double[] ref) {
    static OutOfFoldGolden load(String c, String labelsFile, String foldsFile, String probsFile) {
        Path dir = Fixtures.golden("baselines", c);
        return new OutOfFoldGolden(
                dir,
                FloatMatrix.load(dir.resolve("embeddings.npy")),
                Fixtures.ints(dir.resolve(labelsFile)),
                Fixtures.ints(dir.resolve(foldsFile)),
                Fixtures.doubles(dir.resolve(probsFile)));
    }

    /** The classifier's out-of-fold probabilities on the reference's folds, on all cores; N x K as the reference. */
    double[][] compute(FoldClassifier classifier) {
        double[][] p = CrossValidatedProbabilities.compute(
                x, labels, folds, classifier, Runtime.getRuntime().availableProcessors(), null);
        assertEquals(ref.length, (long) p.length * p[0].length);
        return p;
    }
}
