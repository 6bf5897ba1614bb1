package org.cleanrank.outlier;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.rank.SampleRanking;

/**
 * PyOD's {@code IForest()} = scikit-learn 1.2.1's {@code IsolationForest(n_estimators=100,
 * max_samples='auto', max_features=1.0, bootstrap=False, contamination=0.1)}: each of
 * {@code nEstimators} {@link IsolationTree}s is grown on {@code min(maxSamples, n)} samples drawn without
 * replacement, height-limited to {@code ceil(log2(maxSamples))}; a sample's mean path length E(h) gives
 * {@code score_samples = -2^(-E(h) / c(maxSamples))}, {@code offset_} is its {@code contamination}
 * percentile (numpy's linear interpolation), and PyOD's {@code decision_scores_ = -(score_samples -
 * offset_)}.
 *
 * <p>sklearn's random numbers cannot be reproduced outside sklearn, so this forest has its own: one
 * {@link SplittableRandom} per tree, split in tree order from {@code seed}. Trees grow in parallel and
 * each sample sums its path lengths in tree order, so the scores depend on the seed only, never on the
 * thread count. Comparable to the reference by ranking metrics, not score by score.
 */
public final class PyodIForest {
    private static final String NAME = "PyOD IForest";
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
            throw new CleanRankException(NAME + ": maxSamples = " + b.maxSamples + "; use 0 for 'auto' (256) or a positive count");
        }
        if (!(b.contamination > 0 && b.contamination <= 0.5)) {
            throw new CleanRankException(NAME + ": contamination = " + b.contamination + "; it must be in (0, 0.5]");
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

    /** {@code decision_scores_} in sample order (higher = more outlying). */
    public double[] decisionScores(FloatMatrix x) {
        double[] s = scoreSamples(x);
        double offset = percentileLinear(s, 100.0 * contamination);
        double[] out = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            out[i] = -1 * (s[i] - offset); // pyod invert_order(decision_function)
        }
        return out;
    }

    public SampleRanking rank(FloatMatrix x) {
        return OutlierInputs.ranking(decisionScores(x));
    }

    /** sklearn's {@code score_samples} of the training data: {@code -2^(-E(h) / c(psi))}. */
    double[] scoreSamples(FloatMatrix x) {
        OutlierInputs.require(x, NAME, 1);
        int n = x.rows(), d = x.cols();
        // 'auto' = min(256, n); sklearn also caps an explicit max_samples at n (with a warning)
        int psi = Math.min(maxSamples == 0 ? 256 : maxSamples, n);
        // ceil(log2(max(psi, 2))), exact for integers: the smallest depth with 2^depth >= psi
        int maxDepth = 32 - Integer.numberOfLeadingZeros(Math.max(psi, 2) - 1);
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[nEstimators];
        for (int t = 0; t < nEstimators; t++) {
            rngs[t] = root.split();
        }
        float[] data = x.data();
        IsolationTree[] trees = new IsolationTree[nEstimators];
        int depthLimit = maxDepth;
        Workers.forEach(threads, nEstimators, t -> {
            int[] sample = subsample(n, psi, rngs[t]);
            trees[t] = IsolationTree.grow(data, d, sample, depthLimit, rngs[t]);
        });
        double denominator = nEstimators * IsolationTree.averagePathLength(psi);
        double[] scores = new double[n];
        int block = 256;
        Workers.forEach(threads, (n + block - 1) / block, b -> {
            int end = Math.min(n, (b + 1) * block);
            for (int i = b * block; i < end; i++) {
                double depths = 0.0;
                for (IsolationTree tree : trees) {
                    depths += tree.pathLength(data, d, i);
                }
                // sklearn: one training sample gives 0 / 0; np.divide(..., out=ones) makes the ratio 1 (score -0.5)
                double ratio = denominator != 0 ? depths / denominator : 1.0;
                scores[i] = -Math.pow(2, -ratio);
            }
        });
        return scores;
    }

    /** {@code psi} distinct row indices out of {@code n}, uniformly (sklearn: sample_without_replacement). */
    static int[] subsample(int n, int psi, SplittableRandom rng) {
        if ((long) psi * 4 >= n) { // partial Fisher-Yates
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            for (int i = 0; i < psi; i++) {
                int j = i + rng.nextInt(n - i);
                int tmp = all[i];
                all[i] = all[j];
                all[j] = tmp;
            }
            return Arrays.copyOf(all, psi);
        }
        BitSet taken = new BitSet(n); // few of many: rejection
        int[] out = new int[psi];
        int k = 0;
        while (k < psi) {
            int r = rng.nextInt(n);
            if (!taken.get(r)) {
                taken.set(r);
                out[k++] = r;
            }
        }
        return out;
    }

    /** {@code np.percentile(a, q)} with numpy 1.24's default 'linear' method (its lerp included). */
    static double percentileLinear(double[] a, double q) {
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

        /** The forest's random seed (default 0): same seed, same scores, whatever the thread count. */
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
