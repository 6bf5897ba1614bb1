package org.cleanrank.label.noiserank;

import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;

/**
 * Step 2 of NoiseRank ({@code NoiseRankDetector.weighted_knn_predictions_faiss}): each prototype's label
 * is predicted by a weighted vote of its k nearest samples ({@link FlatL2Search}, faiss IndexFlatL2).
 *
 * <p>As the reference computes it: weight = float32 {@code 1 / (b + dist^e)} with dist the float32 value
 * faiss returns (a SQUARED distance, see {@link VoteKernel}); the weights are summed per neighbour label in
 * float64 ({@code vote_dict.get(label, 0) + weight} promotes the numpy float32 to a Python float) and
 * the label with the largest sum wins; on equal sums the label met first in neighbour order
 * ({@code max} over a dict in insertion order).
 */
public final class PrototypeVote {
    private final int k;
    private final double b;
    private final double e;
    private final VoteKernel kernel;
    private final int threads;

    /** The reference vote: squared distances as faiss returns them. */
    public PrototypeVote(int k, double b, double e, int threads) {
        this(k, b, e, VoteKernel.SQUARED_L2_AS_FAISS, threads);
    }

    public PrototypeVote(int k, double b, double e, VoteKernel kernel, int threads) {
        if (k < 1) {
            throw new CleanRankException("NoiseRank k = " + k + "; the vote needs k >= 1 neighbours");
        }
        this.k = k;
        this.b = b;
        this.e = e;
        this.kernel = kernel;
        this.threads = threads;
    }

    /** The nearest samples of each prototype. */
    public Neighbours neighbours(FloatMatrix x, FloatMatrix prototypes) {
        return FlatL2Search.search(x, prototypes, k, threads);
    }

    /** Predicted label y'_j of each prototype. */
    public int[] predict(FloatMatrix x, int[] labels, FloatMatrix prototypes) {
        if (labels.length != x.rows()) {
            throw new CleanRankException(
                    labels.length + " labels for " + x.rows() + " embedding rows; give exactly one label per row");
        }
        return predict(neighbours(x, prototypes), labels);
    }

    /** The vote over given neighbours. */
    public int[] predict(Neighbours nn, int[] labels) {
        int kk = nn.k();
        int[] out = new int[nn.queries()];
        int[] seen = new int[kk];
        double[] sums = new double[kk];
        float fb = (float) b; // a Python scalar meets a float32 array: the addition is float32
        for (int p = 0; p < out.length; p++) {
            int distinct = 0;
            for (int r = 0; r < kk; r++) {
                float dist = nn.squaredDistance(p, r);
                if (kernel == VoteKernel.PLAIN_L2) {
                    dist = (float) Math.sqrt(dist);
                }
                float w = 1f / (fb + power(dist, e));
                int label = labels[nn.index(p, r)];
                int s = 0;
                while (s < distinct && seen[s] != label) {
                    s++;
                }
                if (s == distinct) {
                    seen[distinct] = label;
                    sums[distinct] = 0.0;
                    distinct++;
                }
                sums[s] += w;
            }
            int best = 0;
            for (int s = 1; s < distinct; s++) {
                if (sums[s] > sums[best]) {
                    best = s;
                }
            }
            out[p] = seen[best];
        }
        return out;
    }

    /**
     * numpy's float32 {@code v ** e}: e = 1 returns v, e = 2 squares in float32 (numpy's fast paths);
     * other exponents go through double {@code pow} rounded to float32, which may differ from C's powf by
     * an ulp.
     */
    static float power(float v, double e) {
        if (e == 1.0) {
            return v;
        }
        if (e == 2.0) {
            return v * v;
        }
        return (float) Math.pow(v, e);
    }
}
