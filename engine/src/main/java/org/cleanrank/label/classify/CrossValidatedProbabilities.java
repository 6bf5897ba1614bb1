package org.cleanrank.label.classify;

import java.util.function.IntConsumer;
import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;

/**
 * Out-of-fold predicted probabilities for Confident Learning, as cleanlab's
 * {@code estimate_cv_predicted_probabilities} / {@code estimate_confident_joint_and_cv_pred_proba}
 * computes them: for every holdout fold a fresh classifier is fitted on the other folds (rows in
 * increasing sample order) and its {@code predict_proba} fills the holdout rows; columns are the classes
 * 0..C-1.
 *
 * <p>cleanlab's rule for a class missing from a training fold (all its samples are in the holdout): the
 * first holdout sample of that class is appended to the training rows (classes in increasing order), and
 * after prediction that sample's row is replaced by one-hot on its label.
 *
 * <p>Folds run in parallel (one classifier fit per thread); the result does not depend on the thread count.
 */
public final class CrossValidatedProbabilities {
    public static final int DEFAULT_FOLDS = 10;

    private CrossValidatedProbabilities() {}

    /**
     * CleanPatrick's classifier end to end: {@code CleanLearning(AdaBoostClassifier(random_state=0),
     * cv_n_folds=nFolds)} with the folds of {@code StratifiedKFold(shuffle=True)} drawn from
     * {@code RandomState(seed)} (the golden's {@code np.random.seed(0)} gives seed 0).
     */
    public static double[][] adaBoost(
            FloatMatrix x, int[] labels, int nFolds, long seed, int threads, IntConsumer progress) {
        checkInputs(x, labels);
        int[] folds = StratifiedFolds.holdoutFolds(labels, nFolds, seed);
        return compute(x, labels, folds, new AdaBoostSammeR(), threads, progress);
    }

    /**
     * Out-of-fold probabilities with given holdout folds (values 0..F-1, e.g. {@link StratifiedFolds}).
     *
     * @param labels classes 0..C-1, every class with at least one sample
     * @param progress receives the number of folds done so far (from worker threads, in increasing order); may be null
     */
    public static double[][] compute(
            FloatMatrix x, int[] labels, int[] folds, FoldClassifier classifier, int threads, IntConsumer progress) {
        int n = checkInputs(x, labels);
        int nClasses = classCount(labels);
        if (folds.length != n) {
            throw new CleanRankException(folds.length + " fold numbers for " + n + " samples; give one per sample");
        }
        int nFolds = 0;
        for (int f : folds) {
            if (f < 0) {
                throw new CleanRankException("fold number " + f + " is negative; folds are 0..F-1");
            }
            nFolds = Math.max(nFolds, f + 1);
        }
        FoldClassifier bound = classifier.forMatrix(x);
        double[][] out = new double[n][];
        int[] done = {0};
        ParallelTasks.forEach(nFolds, Math.max(1, threads), k -> {
            runFold(x, labels, folds, k, nClasses, bound, out);
            if (progress != null) {
                synchronized (done) {
                    progress.accept(++done[0]);
                }
            }
        });
        return out;
    }

    private static void runFold(
            FloatMatrix x, int[] labels, int[] folds, int k, int nClasses, FoldClassifier classifier, double[][] out) {
        int n = labels.length;
        int nHold = 0;
        for (int f : folds) {
            if (f == k) {
                nHold++;
            }
        }
        if (nHold == 0) {
            return;
        }
        if (nHold == n) {
            throw new CleanRankException("fold " + k + " holds every sample, leaving nothing to train on; "
                    + "use at least 2 non-empty folds");
        }
        int[] hold = new int[nHold];
        int[] train = new int[n - nHold];
        int h = 0;
        int t = 0;
        for (int i = 0; i < n; i++) {
            if (folds[i] == k) {
                hold[h++] = i;
            } else {
                train[t++] = i;
            }
        }
        boolean[] inTrain = new boolean[nClasses];
        for (int i : train) {
            inTrain[labels[i]] = true;
        }
        // Classes missing from training: copy their first holdout sample into training.
        int[] dupHoldoutPos = new int[nClasses];
        java.util.Arrays.fill(dupHoldoutPos, -1);
        int nMissing = 0;
        for (int c = 0; c < nClasses; c++) {
            if (!inTrain[c]) {
                for (int p = 0; p < nHold; p++) {
                    if (labels[hold[p]] == c) {
                        dupHoldoutPos[c] = p;
                        nMissing++;
                        break;
                    }
                }
            }
        }
        int[] trainRows = java.util.Arrays.copyOf(train, train.length + nMissing);
        int[] trainLabels = new int[trainRows.length];
        for (int i = 0; i < train.length; i++) {
            trainLabels[i] = labels[train[i]];
        }
        int extra = train.length;
        for (int c = 0; c < nClasses; c++) {
            if (dupHoldoutPos[c] >= 0) {
                trainRows[extra] = hold[dupHoldoutPos[c]];
                trainLabels[extra++] = c;
            }
        }
        double[][] proba = classifier.fitPredict(x, trainRows, trainLabels, nClasses, hold);
        for (int c = 0; c < nClasses; c++) {
            if (dupHoldoutPos[c] >= 0) {
                double[] oneHot = new double[nClasses];
                oneHot[c] = 1.0;
                proba[dupHoldoutPos[c]] = oneHot;
            }
        }
        for (int p = 0; p < nHold; p++) {
            out[hold[p]] = proba[p];
        }
    }

    private static int checkInputs(FloatMatrix x, int[] labels) {
        if (labels.length != x.rows()) {
            throw new CleanRankException(
                    labels.length + " labels for " + x.rows() + " embedding rows; give one label per row");
        }
        for (float v : x.data()) {
            if (!Float.isFinite(v)) {
                throw new CleanRankException("the embeddings contain " + v + "; the classifier needs finite values");
            }
        }
        return labels.length;
    }

    /** C = max label + 1; every class 0..C-1 must occur (cleanlab: "all classes must be present"). */
    static int classCount(int[] labels) {
        int max = StratifiedFolds.maxLabel(labels);
        boolean[] seen = new boolean[max + 1];
        for (int l : labels) {
            seen[l] = true;
        }
        for (int c = 0; c <= max; c++) {
            if (!seen[c]) {
                throw new CleanRankException("class " + c + " has no sample but class " + max
                        + " does; renumber the labels 0..C-1 without gaps");
            }
        }
        return max + 1;
    }
}
