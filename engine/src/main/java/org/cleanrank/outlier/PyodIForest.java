package org.cleanrank.outlier;

import java.util.Arrays;
import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.Exp2;
import org.cleanrank.parity.Logs;
import org.cleanrank.parity.NumpyRandomState;
import org.cleanrank.parity.SampleWithoutReplacement;

/**
 * PyOD's {@code IForest(random_state=seed)} = scikit-learn 1.2.1's {@code IsolationForest(n_estimators=100,
 * max_samples='auto', max_features=1.0, bootstrap=False, contamination=0.1, random_state=seed)}, reproduced
 * draw for draw with numpy's legacy RandomState ({@link NumpyRandomState}):
 * <ol>
 * <li>{@code fit}: targets {@code y = RandomState(seed).uniform(size=n)} (they only matter through the
 * trees' MSE criterion), {@code max_samples = min(256, n)}, {@code max_depth = ceil(log2(max(max_samples, 2)))};
 * <li>{@code BaseBagging._fit}: a fresh {@code RandomState(seed).randint(2^31 - 1, size=n_estimators)} gives
 * each tree its seed s; the tree's own random_state is {@code RandomState(s).randint(2^31 - 1)}
 * ({@code _set_random_states}) and its rows are {@code sample_without_replacement(n, max_samples)} on
 * another fresh {@code RandomState(s)} (fitted as weights 1 on the drawn rows, 0 elsewhere);
 * <li>each {@link IsolationTree} is sklearn's ExtraTreeRegressor on those rows;
 * <li>{@code score_samples = -2^(-depths / (n_estimators c(max_samples)))}, where depths sums per tree, in
 * tree order, {@code (nodes on the path + c(leaf samples)) - 1.0}; {@code offset_} is its
 * {@code contamination} percentile (numpy's linear interpolation), and PyOD's {@code decision_scores_ =
 * -(score_samples - offset_)}.
 * </ol>
 * Trees grow in parallel (each has its own generators) and each sample sums its path lengths in tree
 * order, so the scores depend on the seed only, never on the thread count.
 *
 * <p>Only the last ulps depend on the platform: c(n) uses a correctly rounded log ({@link Logs}) and the
 * power a correctly rounded 2^x ({@link Exp2}), as glibc's log/pow nearly always are; numpy with Intel
 * SVML (AVX-512, the golden machine) differs by a few ulps of score_samples (measured at most 2.2e-16).
 */
public final class PyodIForest implements PyodDetector {
    private static final String NAME = "PyOD IForest";
    /** sklearn.ensemble._bagging.MAX_INT = np.iinfo(np.int32).max. */
    private static final long MAX_INT = Integer.MAX_VALUE;

    private final int nEstimators;
    private final int maxSamples;
    private final double contamination;
    private final long seed;
    private final int threads;

    private PyodIForest(Builder b) {
        if (b.nEstimators < 1) {
            throw new CleanRankException(NAME + ": nEstimators = " + b.nEstimators + "; it must be at least 1");
        }
        if (b.maxSamples < 0) {
            throw new CleanRankException(
                    NAME + ": maxSamples = " + b.maxSamples + "; use 0 for 'auto' (256) or a positive count");
        }
        if (!(b.contamination > 0 && b.contamination <= 0.5)) {
            throw new CleanRankException(NAME + ": contamination = " + b.contamination + "; it must be in (0, 0.5]");
        }
        if (b.seed < 0 || b.seed > 0xFFFFFFFFL) {
            throw new CleanRankException(
                    NAME + ": seed = " + b.seed + "; numpy's RandomState takes seeds in [0, 2^32 - 1]");
        }
        this.nEstimators = b.nEstimators;
        this.maxSamples = b.maxSamples;
        this.contamination = b.contamination;
        this.seed = b.seed;
        this.threads = OutlierInputs.threads(b.threads);
    }

    public static PyodIForest defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public double[] decisionScores(FloatMatrix x) {
        double[] s = scoreSamples(x);
        double offset = percentileLinear(s, 100.0 * contamination);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = -1 * (s[i] - offset); // pyod invert_order(decision_function)
        }
        return out;
    }

    /** sklearn's {@code score_samples} of the training data: {@code -2^(-E(h) / c(psi))}. */
    double[] scoreSamples(FloatMatrix x) {
        OutlierInputs.require(x, NAME, 1);
        int n = x.rows(), d = x.cols();
        float[] data = x.data();
        IsolationTree[] trees = fit(data, n, d);
        int psi = psi(n);
        double denominator = nEstimators * IsolationTree.averagePathLength(psi);
        double[] scores = new double[n];
        int block = 256;
        ParallelTasks.forEach((n + block - 1) / block, threads, b -> {
            int end = Math.min(n, (b + 1) * block);
            for (int i = b * block; i < end; i++) {
                double depths = 0.0;
                for (IsolationTree tree : trees) {
                    depths += tree.pathLength(data, d, i);
                }
                // sklearn: one training sample gives 0 / 0; np.divide(..., out=ones) makes the ratio 1 (score -0.5)
                double ratio = denominator != 0 ? depths / denominator : 1.0;
                scores[i] = -Exp2.exp2(-ratio);
            }
        });
        return scores;
    }

    /** max_samples_: 'auto' = min(256, n); an explicit count is capped at n, as sklearn does (with a warning). */
    private int psi(int n) {
        return Math.min(maxSamples == 0 ? 256 : maxSamples, n);
    }

    /** The fitted trees, in estimators_ order. */
    IsolationTree[] fit(float[] data, int n, int d) {
        int psi = psi(n);
        int maxDepth = 32 - Integer.numberOfLeadingZeros(Math.max(psi, 2) - 1); // ceil(log2(max(psi, 2)))
        NumpyRandomState rnd = new NumpyRandomState(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = uniform(rnd);
        }
        NumpyRandomState bagging = new NumpyRandomState(seed);
        long[] seeds = new long[nEstimators];
        for (int t = 0; t < nEstimators; t++) {
            seeds[t] = bagging.randint(0, MAX_INT);
        }
        IsolationTree[] trees = new IsolationTree[nEstimators];
        ParallelTasks.forEach(nEstimators, threads, t -> {
            long treeSeed = new NumpyRandomState(seeds[t]).randint(0, MAX_INT);
            // features: sample_without_replacement(d, d) draws nothing; then the rows, on a fresh RandomState
            int[] drawn = SampleWithoutReplacement.draw(n, psi, new NumpyRandomState(seeds[t]));
            int[] rows = SampleWithoutReplacement.sortedRows(n, drawn);
            trees[t] = IsolationTree.grow(data, d, rows, y, maxDepth, treeSeed);
        });
        return trees;
    }

    /** RandomState.uniform(): random_sample's 53-bit double (a >> 5, b >> 6) of two 32-bit draws. */
    private static double uniform(NumpyRandomState r) {
        long a = r.nextUint32() >>> 5, b = r.nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code np.percentile(a, q)} with numpy 1.24's default 'linear' method (its lerp included). */
    public static double percentileLinear(double[] a, double q) {
        double[] s = a.clone();
        Arrays.sort(s);
        int n = s.length;
        double quantile = q / 100;
        double virtualIndex = (n - 1) * quantile; // numpy's method 'linear'
        if (virtualIndex <= 0) {
            return s[0];
        }
        if (virtualIndex >= n - 1) {
            return s[n - 1];
        }
        int prev = (int) Math.floor(virtualIndex);
        double gamma = virtualIndex - prev;
        double lo = s[prev], hi = s[prev + 1];
        double diff = hi - lo;
        return gamma >= 0.5 ? hi - diff * (1 - gamma) : lo + diff * gamma;
    }

    public static final class Builder {
        private int nEstimators = 100;
        private int maxSamples = 0;
        private double contamination = 0.1;
        private long seed = 0L;
        private int threads = 0;

        private Builder() {}

        /** PyOD's n_estimators (default 100). */
        public Builder nEstimators(int trees) {
            this.nEstimators = trees;
            return this;
        }

        /** PyOD's max_samples per tree; 0 (default) = 'auto' = min(256, n). Capped at n as sklearn does. */
        public Builder maxSamples(int m) {
            this.maxSamples = m;
            return this;
        }

        /** PyOD's contamination (default 0.1): only shifts decision_scores_ (offset_), never the ranking. */
        public Builder contamination(double c) {
            this.contamination = c;
            return this;
        }

        /** The forest's random_state (default 0, in [0, 2^32 - 1]): same seed, same trees as sklearn, whatever the thread count. */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** Worker threads over trees and samples; 0 (default) = all available processors. */
        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        public PyodIForest build() {
            return new PyodIForest(this);
        }
    }
}
