package org.cleanrank.label.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.NumpyRandomState;
import org.cleanrank.parity.NumpySum;

/**
 * sklearn 1.2.1's {@code AdaBoostClassifier(n_estimators=50, learning_rate=1.0, algorithm='SAMME.R',
 * random_state=0)} over depth-1 trees, the classifier CleanPatrick hands to cleanlab's CleanLearning.
 * (SAMME.R was deprecated in sklearn 1.4 and removed in 1.6.)
 *
 * <p>Fit ({@code BaseWeightBoosting.fit} + {@code _boost_real}): weights start at 1/m; every round clips
 * them to at least {@code eps} (sklearn issue #20320), fits a stump on them, stops with that stump if it
 * classifies every training sample correctly, otherwise multiplies each weight by
 * {@code exp(-lr (K-1)/K * sum_k y_k log p_k)} with {@code y_k = 1} for the sample's class and
 * {@code -1/(K-1)} otherwise and probabilities clipped to {@code eps}; the sum of weights (numpy's
 * pairwise sum) must stay finite and positive, and weights are normalised except after the last round.
 * Each stump's splitter is seeded as sklearn seeds it: {@code RandomState(random_state).randint(2^31-1)}
 * per round gives the tree's seed, whose {@code randint(0, 2^31-1)} is the splitter's rand_r state.
 *
 * <p>predict_proba: each stump contributes {@code (K-1) (log p - mean_k log p)} (clipped p), summed in
 * stump order and divided by the number of stumps, then divided by K-1 (for K = 2 sklearn's
 * {@code [-d/2, d/2]} form) and passed through a max-shifted softmax.
 */
public final class AdaBoostSammeR implements FoldClassifier {
    public static final int DEFAULT_ESTIMATORS = 50;
    private static final double EPS = Math.ulp(1.0);

    private final int nEstimators;
    private final double learningRate;
    private final long randomState;
    private final int threads;
    /** Set on the copy {@link #forMatrix} returns: every column of that matrix argsorted. */
    private final FloatMatrix sortedMatrix;

    private final int[][] globalOrder;

    /** sklearn's defaults with random_state=0, one thread per fit. */
    public AdaBoostSammeR() {
        this(DEFAULT_ESTIMATORS, 1.0, 0L, 1);
    }

    /** @param threads threads for one fit's split search (features in parallel); the result does not depend on it */
    public AdaBoostSammeR(int nEstimators, double learningRate, long randomState, int threads) {
        if (nEstimators < 1) {
            throw new IllegalArgumentException("n_estimators must be >= 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning_rate must be > 0");
        }
        this.nEstimators = nEstimators;
        this.learningRate = learningRate;
        this.randomState = randomState;
        this.threads = Math.max(1, threads);
        this.sortedMatrix = null;
        this.globalOrder = null;
    }

    private AdaBoostSammeR(AdaBoostSammeR a, FloatMatrix x) {
        this.nEstimators = a.nEstimators;
        this.learningRate = a.learningRate;
        this.randomState = a.randomState;
        this.threads = a.threads;
        this.sortedMatrix = x;
        this.globalOrder = SortedColumns.globalOrder(x);
    }

    /** A copy that sorts x's features once for all folds (the folds only filter that order). */
    @Override
    public FoldClassifier forMatrix(FloatMatrix x) {
        return new AdaBoostSammeR(this, x);
    }

    /** A fitted ensemble. */
    public static final class Model {
        private final List<DecisionStump> stumps;
        private final int nClasses;

        Model(List<DecisionStump> stumps, int nClasses) {
            this.stumps = Collections.unmodifiableList(stumps);
            this.nClasses = nClasses;
        }

        public List<DecisionStump> stumps() {
            return stumps;
        }

        public int classCount() {
            return nClasses;
        }

        /** predict_proba of x's rows {@code rows}. */
        public double[][] predictProba(FloatMatrix x, int[] rows) {
            int k = nClasses;
            double[][] out = new double[rows.length][k];
            if (k == 1) {
                for (double[] r : out) {
                    r[0] = 1.0;
                }
                return out;
            }
            // _samme_proba per leaf: (K-1) * (log p - (1/K) * sum(log p)).
            int e = stumps.size();
            double[][][] contribution = new double[e][][];
            for (int t = 0; t < e; t++) {
                DecisionStump s = stumps.get(t);
                contribution[t] = new double[s.leafCount()][];
                for (int leaf = 0; leaf < s.leafCount(); leaf++) {
                    double[] logp = clippedLog(s.leafProba(leaf));
                    double mean = (1.0 / k) * NumpySum.sum(logp);
                    double[] row = new double[k];
                    for (int j = 0; j < k; j++) {
                        row[j] = (k - 1) * (logp[j] - mean);
                    }
                    contribution[t][leaf] = row;
                }
            }
            float[] data = x.data();
            int d = x.cols();
            double weightSum = e; // estimator_weights_ are all 1 for SAMME.R
            double[] pred = new double[k];
            double[] dec = new double[k];
            for (int i = 0; i < rows.length; i++) {
                java.util.Arrays.fill(pred, 0.0);
                int base = rows[i] * d;
                for (int t = 0; t < e; t++) {
                    DecisionStump s = stumps.get(t);
                    int leaf = s.feature() < 0 ? 0 : s.leafOf(data[base + s.feature()]);
                    double[] row = contribution[t][leaf];
                    for (int j = 0; j < k; j++) {
                        pred[j] += row[j];
                    }
                }
                for (int j = 0; j < k; j++) {
                    pred[j] /= weightSum;
                }
                if (k == 2) {
                    // decision_function: pred[:, 0] *= -1; sum(axis=1); then vstack([-d, d]).T / 2.
                    double df = (0.0 + -pred[0]) + pred[1];
                    dec[0] = -df / 2;
                    dec[1] = df / 2;
                } else {
                    for (int j = 0; j < k; j++) {
                        dec[j] = pred[j] / (k - 1);
                    }
                }
                softmax(dec, out[i]);
            }
            return out;
        }
    }

    /** sklearn.utils.extmath.softmax of one row. */
    static void softmax(double[] x, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        for (int j = 0; j < x.length; j++) {
            out[j] = Math.exp(x[j] - max);
        }
        double sum = NumpySum.sum(out);
        for (int j = 0; j < x.length; j++) {
            out[j] /= sum;
        }
    }

    static double[] clippedLog(double[] p) {
        double[] out = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            out[j] = Math.log(p[j] < EPS ? EPS : p[j]);
        }
        return out;
    }

    /** Fits on x's rows {@code rows} (training order matters only at rounding level) with classes 0..nClasses-1. */
    public Model fit(FloatMatrix x, int[] rows, int[] labels, int nClasses) {
        int[][] order = x == sortedMatrix ? globalOrder : null;
        return fit(SortedColumns.of(x, order, rows, checkedLabels(labels, rows.length, nClasses), nClasses));
    }

    Model fit(SortedColumns cols) {
        int m = cols.m;
        int k = cols.nClasses;
        List<DecisionStump> stumps = new ArrayList<>();
        if (k == 1) {
            return new Model(stumps, 1);
        }
        StumpSearch search = new StumpSearch(cols, threads);
        NumpyRandomState rs = new NumpyRandomState(randomState);
        double[] w = new double[m];
        java.util.Arrays.fill(w, 1.0 / m);
        // y_codes and the scalar of the estimator weight, as _boost_real evaluates them.
        double otherCode = -1.0 / (k - 1);
        double scale = -1.0 * learningRate * ((k - 1.0) / k);
        int[] leafOf = new int[m];
        double[] terms = new double[k];
        for (int t = 0; t < nEstimators; t++) {
            for (int i = 0; i < m; i++) {
                if (w[i] < EPS) {
                    w[i] = EPS;
                }
            }
            long treeSeed = rs.randint(Integer.MAX_VALUE);
            long randR = new NumpyRandomState(treeSeed).randint(0, 0x7FFFFFFF);
            DecisionStump stump = search.fit(w, randR);
            stumps.add(stump);
            int leaves = stump.leafCount();
            java.util.Arrays.fill(leafOf, 0);
            if (leaves == 2) {
                int[] ord = cols.order[stump.feature()];
                float[] val = cols.sorted[stump.feature()];
                for (int p = 0; p < m; p++) {
                    leafOf[ord[p]] = stump.leafOf(val[p]);
                }
            }
            boolean anyWrong = false;
            int[] predicted = new int[leaves];
            for (int leaf = 0; leaf < leaves; leaf++) {
                predicted[leaf] = argmax(stump.leafProba(leaf));
            }
            for (int i = 0; i < m && !anyWrong; i++) {
                anyWrong = predicted[leafOf[i]] != cols.y[i];
            }
            if (!anyWrong) {
                break; // estimator_error == 0: keep this stump and stop
            }
            if (t == nEstimators - 1) {
                break; // the last round does not reweight
            }
            double[][] factor = new double[leaves][k];
            for (int leaf = 0; leaf < leaves; leaf++) {
                double[] logp = clippedLog(stump.leafProba(leaf));
                for (int cls = 0; cls < k; cls++) {
                    for (int j = 0; j < k; j++) {
                        terms[j] = (j == cls ? 1.0 : otherCode) * logp[j];
                    }
                    factor[leaf][cls] = Math.exp(scale * NumpySum.sum(terms));
                }
            }
            for (int i = 0; i < m; i++) {
                w[i] *= factor[leafOf[i]][cols.y[i]];
            }
            double sum = NumpySum.sum(w);
            if (!Double.isFinite(sum) || sum <= 0) {
                break;
            }
            for (int i = 0; i < m; i++) {
                w[i] /= sum;
            }
        }
        return new Model(stumps, k);
    }

    @Override
    public double[][] fitPredict(FloatMatrix x, int[] trainRows, int[] trainLabels, int nClasses, int[] holdoutRows) {
        return fit(x, trainRows, trainLabels, nClasses).predictProba(x, holdoutRows);
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int j = 1; j < p.length; j++) {
            if (p[j] > p[best]) {
                best = j;
            }
        }
        return best;
    }

    private static int[] checkedLabels(int[] labels, int m, int nClasses) {
        if (labels.length != m) {
            throw new IllegalArgumentException(labels.length + " labels for " + m + " training rows");
        }
        boolean[] seen = new boolean[nClasses];
        for (int l : labels) {
            if (l < 0 || l >= nClasses) {
                throw new IllegalArgumentException("label " + l + " outside 0.." + (nClasses - 1));
            }
            seen[l] = true;
        }
        for (int j = 0; j < nClasses; j++) {
            if (!seen[j]) {
                throw new IllegalArgumentException("class " + j + " has no training sample");
            }
        }
        return labels;
    }
}
