package org.cleanrank.outlier;

import java.util.List;
import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.SquaredEuclideanKernel;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * PyOD's {@code KNN()} as CleanPatrick runs it ({@code clf.fit(X); np.argsort(-clf.decision_scores_)}):
 * the decision score of a sample is its Euclidean distance to the {@code nNeighbors}-th nearest OTHER
 * sample (method 'largest', minkowski p=2).
 *
 * <p>scikit-learn 1.2.1 picks brute force for d &gt; 15 (or n_neighbors &gt;= n // 2) and, for float32 rows, gets the squared distances
 * in float64 from |x|^2 - 2 x.y + |y|^2 and rounds them to float32; the score is the float64 square root
 * of that float32 value (so scores agree with exact distances only to ~3e-8, and two samples that are
 * each other's k-th neighbour tie exactly). We reproduce those roundings; the pair space is streamed
 * through {@link PairEngine} with a per-worker k-smallest list per row, never an N x N matrix. Otherwise
 * sklearn uses a KD tree with plain float64 distances; {@link Float64NeighbourScan} reproduces those.
 */
public final class PyodKnn implements PyodDetector {
    private static final String NAME = "PyOD KNN";
    private final int nNeighbors;
    private final int threads;
    private final SquaredEuclideanKernel kernel;
    private final Progress progress;

    private PyodKnn(Builder b) {
        if (b.nNeighbors < 1) {
            throw new CleanRankException(NAME + ": nNeighbors = " + b.nNeighbors + "; it must be at least 1");
        }
        this.nNeighbors = b.nNeighbors;
        this.progress = b.progress;
        this.threads = OutlierInputs.threads(b.threads);
        this.kernel = b.kernel != null
                ? b.kernel
                : VectorizationProvider.getInstance().squaredEuclidean();
    }

    /** {@code KNN()} with PyOD's defaults (n_neighbors=5), all cores. */
    public static PyodKnn defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int nNeighbors() {
        return nNeighbors;
    }

    @Override
    public double[] decisionScores(FloatMatrix x) {
        OutlierInputs.require(x, NAME, 2);
        int n = x.rows();
        int k = nNeighbors;
        if (k >= n) {
            // sklearn: "Expected n_neighbors < n_samples_fit" (the query asks for k + 1 including the sample itself)
            throw new CleanRankException(NAME + ": nNeighbors = " + k + " needs at least " + (k + 1) + " samples, got "
                    + n + "; lower nNeighbors below " + n);
        }
        if (!bruteForce(n, x.cols(), k)) {
            return Float64NeighbourScan.kthDistances(x, k, threads);
        }
        SquaredEuclideanTiles tiles = new SquaredEuclideanTiles(x, kernel);
        List<KSmallestDistances> parts =
                new PairEngine(threads).run(tiles, w -> new KSmallestDistances(n, k), progress);
        float[] kth = KSmallestDistances.kth(parts, n, k);
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.sqrt((double) kth[i]); // float64 sqrt of the float32 squared distance
        }
        return scores;
    }

    /**
     * sklearn's NearestNeighbors(algorithm='auto') choice: brute force when d &gt; 15 or n_neighbors &gt;= n // 2,
     * else a KD tree, whose distances are plain float64 (no float32 rounding).
     */
    static boolean bruteForce(int n, int d, int k) {
        return d > 15 || k >= n / 2;
    }

    public static final class Builder {
        private int nNeighbors = 5;
        private int threads = 0;
        private SquaredEuclideanKernel kernel;
        private Progress progress = Progress.NONE;

        private Builder() {}

        /** Pairs done, reported by the brute-force pass (default: none). */
        public Builder progress(Progress p) {
            this.progress = p;
            return this;
        }

        /** PyOD's n_neighbors (default 5). */
        public Builder nNeighbors(int k) {
            this.nNeighbors = k;
            return this;
        }

        /** Worker threads; 0 (default) = all available processors. Results do not depend on it. */
        public Builder threads(int t) {
            this.threads = t;
            return this;
        }

        /** The distance kernel twin (default: the {@link VectorizationProvider}'s; tests compare twins). */
        public Builder kernel(SquaredEuclideanKernel k) {
            this.kernel = k;
            return this;
        }

        public PyodKnn build() {
            return new PyodKnn(this);
        }
    }
}
