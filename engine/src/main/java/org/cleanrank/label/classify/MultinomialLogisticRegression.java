package org.cleanrank.label.classify;

import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;

/**
 * sklearn 1.2.1's {@code LogisticRegression(max_iter=2000)} with its other defaults (penalty='l2', C=1.0,
 * fit_intercept=True, solver='lbfgs', multi_class='auto'), the classifier of cleanlab's
 * {@code estimate_cv_predicted_probabilities} goldens (pred_probs.npy).
 *
 * <p>With K &gt; 2 classes 'auto' means multinomial: minimise
 * {@code 0.5 ||W||^2 + C sum_i -log softmax(x_i W + b)[y_i]} (the intercept b is not penalised; sklearn
 * writes it as {@code (1/C) 0.5 ||W||^2 + sum_i ...}, the same minimiser) and predict_proba is the softmax.
 * With K = 2 'auto' means one binary model {@code 0.5 ||w||^2 + C sum_i log-loss(x_i w + b)} whose
 * predict_proba is {@code [1 - expit, expit]}; its minimiser is the multinomial one with the penalty
 * doubled ({@code W = [-w/2, w/2]}), which is how it is fitted here.
 *
 * <p>The objective is strictly convex in W, so its minimiser (and the probabilities) is unique. sklearn stops
 * L-BFGS-B early (gtol=1e-4, or scipy's relative-reduction test factr=1e7, which fires first on the goldens:
 * its fit stops ~1e-7..1e-6 short in gradient), so its probabilities differ from the optimum by ~1e-4; this
 * class iterates (own L-BFGS, memory 10, float32 features in double precision, as sklearn converts X to
 * float64) until the largest gradient component is below {@code gradientTolerance}.
 */
public final class MultinomialLogisticRegression implements FoldClassifier {
    public static final double DEFAULT_C = 1.0;
    public static final double DEFAULT_GRADIENT_TOLERANCE = 1e-6;
    public static final int DEFAULT_MAX_ITERATIONS = 5_000;
    private static final int MEMORY = 10;

    private final double c;
    private final double gradientTolerance;
    private final int maxIterations;
    private final int threads;

    /** sklearn's defaults (C = 1), one thread per fit. */
    public MultinomialLogisticRegression() {
        this(DEFAULT_C, DEFAULT_GRADIENT_TOLERANCE, DEFAULT_MAX_ITERATIONS, 1);
    }

    /**
     * @param c inverse L2 strength (sklearn's C)
     * @param gradientTolerance stop when every gradient component of the summed objective is at most this
     * @param threads threads evaluating one fit's gradient; the result does not depend on it
     */
    public MultinomialLogisticRegression(double c, double gradientTolerance, int maxIterations, int threads) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("C must be finite and > 0, got " + c);
        }
        if (!(gradientTolerance > 0)) {
            throw new IllegalArgumentException("gradient tolerance must be > 0");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("max iterations must be >= 1");
        }
        this.c = c;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
        this.threads = Math.max(1, threads);
    }

    /** A fitted model: coefficients d x K row-major and K intercepts. */
    public static final class Model {
        private final double[] coef;
        private final double[] intercept;
        private final int d;
        private final int k;
        private final int iterations;
        private final double gradientMaxAbs;

        Model(double[] coef, double[] intercept, int d, int k, int iterations, double gradientMaxAbs) {
            this.coef = coef;
            this.intercept = intercept;
            this.d = d;
            this.k = k;
            this.iterations = iterations;
            this.gradientMaxAbs = gradientMaxAbs;
        }

        /** L-BFGS iterations the fit took. */
        public int iterations() {
            return iterations;
        }

        /** Largest gradient component (of the summed objective scaled by 1/C) at the returned solution. */
        public double gradientMaxAbs() {
            return gradientMaxAbs;
        }

        public int classes() {
            return k;
        }

        /** Softmax probabilities of x's rows {@code rows}, one row of K each. */
        public double[][] predictProba(FloatMatrix x, int[] rows) {
            if (x.cols() != d) {
                throw new CleanRankException("the model has " + d + " features but the matrix has " + x.cols()
                        + " columns; predict with embeddings of the training dimension");
            }
            float[] data = x.data();
            double[][] out = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                double[] z = intercept.clone();
                int off = rows[r] * d;
                for (int j = 0; j < d; j++) {
                    double xij = data[off + j];
                    int wo = j * k;
                    for (int q = 0; q < k; q++) {
                        z[q] += xij * coef[wo + q];
                    }
                }
                double max = z[0];
                for (int q = 1; q < k; q++) {
                    max = Math.max(max, z[q]);
                }
                double sum = 0;
                for (int q = 0; q < k; q++) {
                    z[q] = Math.exp(z[q] - max);
                    sum += z[q];
                }
                for (int q = 0; q < k; q++) {
                    z[q] /= sum;
                }
                out[r] = z;
            }
            return out;
        }
    }

    /** Fits on x's rows {@code rows} (rows may repeat) with classes {@code labels} in 0..nClasses-1. */
    public Model fit(FloatMatrix x, int[] rows, int[] labels, int nClasses) {
        if (rows.length != labels.length) {
            throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
        }
        if (nClasses < 2) {
            throw new CleanRankException("logistic regression needs at least 2 classes, got " + nClasses
                    + "; give labels of at least two classes");
        }
        int d = x.cols();
        int m = rows.length;
        float[] data = x.data();
        double[] xt = new double[m * d];
        for (int i = 0; i < m; i++) {
            int src = rows[i] * d;
            for (int j = 0; j < d; j++) {
                xt[i * d + j] = data[src + j];
            }
            if (labels[i] < 0 || labels[i] >= nClasses) {
                throw new IllegalArgumentException("label " + labels[i] + " outside 0.." + (nClasses - 1));
            }
        }
        // Objective divided by C (same minimiser): penalty 1/C, or 2/C for sklearn's binary model.
        double lambda = (nClasses == 2 ? 2.0 : 1.0) / c;
        SoftmaxLoss loss = new SoftmaxLoss(xt, m, d, labels, nClasses, lambda, threads);
        Lbfgs.Result r = new Lbfgs(MEMORY, gradientTolerance, maxIterations)
                .minimize(loss::valueAndGradient, new double[loss.dimension()]);
        double[] coef = java.util.Arrays.copyOf(r.w(), d * nClasses);
        double[] intercept = java.util.Arrays.copyOfRange(r.w(), d * nClasses, (d + 1) * nClasses);
        return new Model(coef, intercept, d, nClasses, r.iterations(), r.gradientMaxAbs());
    }

    @Override
    public double[][] fitPredict(FloatMatrix x, int[] trainRows, int[] trainLabels, int nClasses, int[] holdoutRows) {
        return fit(x, trainRows, trainLabels, nClasses).predictProba(x, holdoutRows);
    }
}
