package org.cleanrank.label.classify;

import org.cleanrank.io.FloatMatrix;

/** A classifier that {@link CrossValidatedProbabilities} refits on every training fold. */
public interface FoldClassifier {
    /**
     * Fits a fresh model on {@code x}'s rows {@code trainRows} (in that order; rows may repeat) with
     * classes {@code trainLabels} in 0..nClasses-1 (every class present) and returns
     * {@code predict_proba} of the rows {@code holdoutRows}: one row of nClasses probabilities each.
     * Must be deterministic and must not keep state between calls (folds run concurrently).
     */
    /**
     * Called once with the whole matrix before the folds are fitted; a classifier may return a copy that
     * shares work across folds (AdaBoost sorts every feature once here). The default returns itself.
     */
    default FoldClassifier forMatrix(FloatMatrix x) {
        return this;
    }

    double[][] fitPredict(FloatMatrix x, int[] trainRows, int[] trainLabels, int nClasses, int[] holdoutRows);
}
