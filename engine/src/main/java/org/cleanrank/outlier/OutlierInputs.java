package org.cleanrank.outlier;

import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.rank.SampleRanking;

/** Checks shared by the PyOD detectors, and the one way they turn decision scores into a ranking. */
final class OutlierInputs {
    private OutlierInputs() {}

    /** Every value finite and at least {@code minRows} rows; a CleanRankException naming the detector otherwise. */
    static void require(FloatMatrix x, String detector, int minRows) {
        if (x.rows() < minRows) {
            throw new CleanRankException(detector + ": " + x.rows() + " samples; it needs at least " + minRows);
        }
        if (x.cols() < 1) {
            throw new CleanRankException(detector + ": the embeddings have no features (D = 0)");
        }
        float[] a = x.data();
        for (int i = 0; i < a.length; i++) {
            if (!Float.isFinite(a[i])) {
                throw new CleanRankException(detector + ": row " + i / x.cols() + " column " + i % x.cols() + " is "
                        + a[i] + "; remove or impute non-finite embedding values");
            }
        }
    }

    static int threads(int requested) {
        return requested > 0 ? requested : Runtime.getRuntime().availableProcessors();
    }

    /**
     * PyOD's {@code np.argsort(-clf.decision_scores_)} (numpy's quicksort tie order) with the scores carried
     * along in rank order.
     */
    static SampleRanking ranking(double[] scores) {
        int[] order = NumpyArgsort.quicksortDescending(scores);
        double[] ranked = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            ranked[r] = scores[order[r]];
        }
        return new SampleRanking(order, ranked);
    }
}
