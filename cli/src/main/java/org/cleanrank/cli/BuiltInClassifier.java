package org.cleanrank.cli;

import java.util.Locale;
import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.label.cl.LabeledProbabilities;
import org.cleanrank.label.classify.CrossValidatedProbabilities;
import org.cleanrank.label.classify.FoldClassifier;
import org.cleanrank.label.classify.MultinomialLogisticRegression;
import org.cleanrank.label.classify.StratifiedFolds;
import org.cleanrank.pairs.Progress;

/**
 * Out-of-fold probabilities for Confident Learning when the user has none. Default: CleanPatrick's own
 * choice, {@code CleanLearning(AdaBoostClassifier(random_state=0), cv_n_folds=10)} (50 depth-1 trees,
 * SAMME.R), with the folds of {@code StratifiedKFold(shuffle=True)} drawn from numpy's RandomState(seed).
 * Option: sklearn's {@code LogisticRegression(max_iter=2000)} in the same folds. Labels are the
 * pd.factorize codes CleanPatrick trains on.
 */
final class BuiltInClassifier {
    private BuiltInClassifier() {}

    static LabeledProbabilities outOfFold(
            FloatMatrix x, int[] codes, String classifier, long seed, int threads, Progress progress) {
        int folds = CrossValidatedProbabilities.DEFAULT_FOLDS;
        double[][] p = switch (classifier.toLowerCase(Locale.ROOT)) {
            case "adaboost" ->
                CrossValidatedProbabilities.adaBoost(
                        x, codes, folds, seed, threads, done -> progress.update("AdaBoost folds", done, folds));
            case "logistic" -> {
                FoldClassifier lr = new MultinomialLogisticRegression();
                yield CrossValidatedProbabilities.compute(
                        x,
                        codes,
                        StratifiedFolds.holdoutFolds(codes, folds, seed),
                        lr,
                        threads,
                        done -> progress.update("logistic regression folds", done, folds));
            }
            default -> throw new CleanRankException("--classifier " + classifier + ": choose adaboost or logistic");
        };
        return LabeledProbabilities.of(p, codes);
    }
}
