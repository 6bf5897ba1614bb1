package org.cleanrank.label.noiserank;

import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.Float32Norm;
import org.cleanrank.parity.NumpySum;

/**
 * Step 3 of NoiseRank ({@code NoiseRankDetector.dependence_graph}): the score of sample i is
 * {@code sum_j w_ij / (b + |x_i - p_j|^e)} over all prototypes j, higher = more likely mislabelled, with
 * <ul>
 *   <li>w_ij = -1 if y_i = y_j (same given label);</li>
 *   <li>else 1 - alpha if y'_j = y_j (the prototype's vote agrees with its label);</li>
 *   <li>else alpha if y'_j != y_i;</li>
 *   <li>else alpha * b_factor (the prototype was voted into sample i's label).</li>
 * </ul>
 * Unlike the vote, the distance here is the PLAIN L2 norm, evaluated as numpy does on float32 arrays
 * ({@link Float32Norm}); {@code b + dist^e} is float32 too, the division and the sum over prototypes are
 * float64 (numpy's pairwise sum over the prototype axis, in prototype order). Scores reproduce the
 * reference bit for bit on the goldens and do not depend on the thread count.
 */
public final class DependenceGraph {
    private final double b;
    private final double e;
    private final double alpha;
    private final double bFactor;
    private final int threads;

    public DependenceGraph(double b, double e, double alpha, double bFactor, int threads) {
        this.b = b;
        this.e = e;
        this.alpha = alpha;
        this.bFactor = bFactor;
        this.threads = threads;
    }

    /**
     * Scores of every sample.
     *
     * @param predictions y'_j, the voted label of each prototype ({@link PrototypeVote})
     */
    public double[] scores(
            FloatMatrix x, int[] labels, FloatMatrix prototypes, int[] prototypeLabels, int[] predictions) {
        int n = x.rows();
        int d = x.cols();
        int np = prototypes.rows();
        if (labels.length != n) {
            throw new CleanRankException(
                    labels.length + " labels for " + n + " embedding rows; give exactly one label per row");
        }
        if (prototypes.cols() != d) {
            throw new CleanRankException("prototypes have " + prototypes.cols() + " features but the embeddings have "
                    + d + "; give prototypes in the embedding space");
        }
        if (prototypeLabels.length != np || predictions.length != np) {
            throw new CleanRankException(np + " prototypes but " + prototypeLabels.length + " prototype labels and "
                    + predictions.length + " predictions; give one of each per prototype row");
        }
        // numpy: c11 * (-1) + c10 * (1 - alpha) + c01 * alpha + c00 * alpha * b_factor; one term is non-zero
        double same = -1.0;
        double agreed = 1.0 - alpha;
        double other = alpha;
        double votedIntoMine = alpha * bFactor;
        float fb = (float) b;
        float[] xs = x.data();
        float[] ps = prototypes.data();
        double[] out = new double[n];
        ParallelTasks.forEach(n, threads, i -> {
            double[] terms = new double[np];
            float[] squares = new float[d];
            int yi = labels[i];
            for (int j = 0; j < np; j++) {
                int yj = prototypeLabels[j];
                int yjp = predictions[j];
                double w;
                if (yi == yj) {
                    w = same;
                } else if (yjp == yj) {
                    w = agreed;
                } else if (yjp != yi) {
                    w = other;
                } else {
                    w = votedIntoMine;
                }
                float dist = Float32Norm.distance(xs, i * d, ps, j * d, d, squares);
                float denom = fb + PrototypeVote.power(dist, e);
                terms[j] = w / denom;
            }
            out[i] = NumpySum.sum(terms);
        });
        return out;
    }
}
