package org.cleanrank.label.noiserank;

import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.rank.SampleRanking;

/**
 * CleanPatrick's NoiseRank label-error detector ({@code NoiseRankDetector.get_ranking(dataset=None,
 * emb_space=X, labels=y)}, Digital-Dermatology/CleanPatrick {@code src/detectors/label_errors/noise_rank.py}):
 * <ol>
 *   <li>class prototypes by k-means ({@link KMeansPrototypes});</li>
 *   <li>a predicted label for every prototype by a weighted vote of its k nearest samples
 *       ({@link PrototypeVote}, faiss IndexFlatL2: SQUARED distances in the weight);</li>
 *   <li>a score per sample from the dependence graph ({@link DependenceGraph}, PLAIN distances);</li>
 *   <li>the ranking: scores descending, equal scores in increasing sample index (Python's stable
 *       {@code sorted(..., reverse=True)}).</li>
 * </ol>
 * Defaults as the reference: k = 5, b = 1, e = 1, alpha = 0.5, b_factor = 1.0, seed = 42.
 *
 * <pre>{@code
 * SampleRanking r = NoiseRank.builder().build().rank(FloatMatrix.load(emb), labels);
 * }</pre>
 */
public final class NoiseRank {
    private final int k;
    private final double b;
    private final double e;
    private final double alpha;
    private final double bFactor;
    private final long seed;
    private final VoteKernel voteKernel;
    private final int threads;

    private NoiseRank(Builder bd) {
        this.k = bd.k;
        this.b = bd.b;
        this.e = bd.e;
        this.alpha = bd.alpha;
        this.bFactor = bd.bFactor;
        this.seed = bd.seed;
        this.voteKernel = bd.voteKernel;
        this.threads = ParallelTasks.resolve(bd.threads);
    }

    /** The reference defaults. */
    public NoiseRank() {
        this(new Builder());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All stages' outputs. */
    public record Result(
            Prototypes prototypes, Neighbours neighbours, int[] predictions, double[] scores, SampleRanking ranking) {}

    /** The ranking with k-means prototypes (most likely mislabelled first). */
    public SampleRanking rank(FloatMatrix x, int[] labels) {
        return run(x, labels).ranking();
    }

    /** The ranking with given prototypes (skips k-means), e.g. the reference's own. */
    public SampleRanking rank(FloatMatrix x, int[] labels, FloatMatrix prototypes, int[] prototypeLabels) {
        return run(x, labels, prototypes, prototypeLabels).ranking();
    }

    /** Every stage, with k-means prototypes. */
    public Result run(FloatMatrix x, int[] labels) {
        check(x, labels);
        Prototypes p = new KMeansPrototypes(seed, threads).generate(x, labels);
        return stages(x, labels, p);
    }

    /** Every stage, with given prototypes. */
    public Result run(FloatMatrix x, int[] labels, FloatMatrix prototypes, int[] prototypeLabels) {
        check(x, labels);
        if (prototypeLabels.length != prototypes.rows()) {
            throw new CleanRankException(prototypes.rows() + " prototypes but " + prototypeLabels.length
                    + " prototype labels; give one label per prototype row");
        }
        if (prototypes.rows() == 0) {
            throw new CleanRankException("no prototypes given; NoiseRank needs at least one");
        }
        checkFinite(prototypes, "prototypes");
        return stages(x, labels, new Prototypes(prototypes, prototypeLabels, 0, new int[0]));
    }

    private Result stages(FloatMatrix x, int[] labels, Prototypes p) {
        PrototypeVote vote = new PrototypeVote(k, b, e, voteKernel, threads);
        Neighbours nn = vote.neighbours(x, p.centers());
        int[] predictions = vote.predict(nn, labels);
        double[] scores = new DependenceGraph(b, e, alpha, bFactor, threads)
                .scores(x, labels, p.centers(), p.labels(), predictions);
        return new Result(p, nn, predictions, scores, ranking(scores));
    }

    /** Scores descending, ties in increasing index: {@code np.argsort(-scores, kind='stable')}. */
    static SampleRanking ranking(double[] scores) {
        double[] negated = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            negated[i] = -scores[i];
        }
        int[] order = NumpyArgsort.stable(negated);
        double[] ranked = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            ranked[r] = scores[order[r]];
        }
        return new SampleRanking(order, ranked);
    }

    private void check(FloatMatrix x, int[] labels) {
        if (labels.length != x.rows()) {
            throw new CleanRankException(labels.length + " labels for " + x.rows()
                    + " embedding rows; give exactly one label per row, in row order");
        }
        if (k > x.rows()) {
            throw new CleanRankException("NoiseRank k = " + k + " neighbours but there are " + x.rows()
                    + " samples; choose k <= " + x.rows());
        }
        checkFinite(x, "embeddings");
    }

    private static void checkFinite(FloatMatrix m, String what) {
        float[] a = m.data();
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                throw new CleanRankException(what + " row " + i / m.cols() + " column " + i % m.cols() + " is " + a[i]
                        + "; remove or impute non-finite values");
            }
        }
    }

    public static final class Builder {
        private int k = 5;
        private double b = 1;
        private double e = 1;
        private double alpha = 0.5;
        private double bFactor = 1.0;
        private long seed = 42;
        private VoteKernel voteKernel = VoteKernel.SQUARED_L2_AS_FAISS;
        private int threads;

        private Builder() {}

        /** Neighbours in the prototype vote (default 5). */
        public Builder k(int v) {
            if (v < 1) {
                throw new CleanRankException("NoiseRank k = " + v + "; choose k >= 1");
            }
            k = v;
            return this;
        }

        /** Bias in the kernels {@code 1 / (b + dist^e)} (default 1). */
        public Builder b(double v) {
            b = v;
            return this;
        }

        /** Exponent in the kernels (default 1). */
        public Builder e(double v) {
            e = v;
            return this;
        }

        /** Dependence-graph weight alpha (default 0.5). */
        public Builder alpha(double v) {
            alpha = v;
            return this;
        }

        /** Dependence-graph factor on alpha when a prototype was voted into the sample's label (default 1). */
        public Builder bFactor(double v) {
            bFactor = v;
            return this;
        }

        /** k-means seed (default 42); not numpy's random stream, see {@link KMeans}. */
        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /**
         * The vote's distance; default {@link VoteKernel#SQUARED_L2_AS_FAISS} (the reference).
         * {@link VoteKernel#PLAIN_L2} is NOT the reference.
         */
        public Builder voteKernel(VoteKernel v) {
            voteKernel = v;
            return this;
        }

        /** Worker threads; 0 = all cores. Results do not depend on it. */
        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public NoiseRank build() {
            return new NoiseRank(this);
        }
    }
}
