package org.cleanrank.cli;

import org.cleanrank.io.FloatMatrix;
import org.cleanrank.label.classify.CrossValidatedProbabilities;
import org.cleanrank.label.cl.LabeledProbabilities;
import org.cleanrank.pairs.Progress;

/**
 * Out-of-fold probabilities for Confident Learning when the user has none: CleanPatrick's own choice,
 * {@code CleanLearning(AdaBoostClassifier(random_state=0), cv_n_folds=10)} (50 depth-1 trees, SAMME.R),
 * with the folds of {@code StratifiedKFold(shuffle=True)} drawn from numpy's RandomState(seed).
 * Labels are the pd.factorize codes CleanPatrick trains on.
 */
final class BuiltInClassifier {
    private BuiltInClassifier() {}

    static LabeledProbabilities outOfFold(FloatMatrix x, int[] codes, long seed, int threads, Progress progress) {
        int folds = CrossValidatedProbabilities.DEFAULT_FOLDS;
        double[][] p = CrossValidatedProbabilities.adaBoost(x, codes, folds, seed, threads,
                done -> progress.update("AdaBoost folds", done, folds));
        return LabeledProbabilities.of(p, codes);
    }
}
