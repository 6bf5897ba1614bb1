package org.cleanrank.outlier;

import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.rank.SampleRanking;

/** A PyOD detector as CleanPatrick runs it: one decision score per sample, and the ranking PyOD's users take. */
public interface PyodDetector {
    /** {@code decision_scores_} in sample order (higher = more outlying). */
    double[] decisionScores(FloatMatrix x);

    /**
     * Most outlying first: PyOD's {@code np.argsort(-clf.decision_scores_)} (numpy's quicksort tie order), with
     * the scores carried along in rank order.
     */
    default SampleRanking rank(FloatMatrix x) {
        double[] scores = decisionScores(x);
        int[] order = NumpyArgsort.quicksortDescending(scores);
        double[] ranked = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            ranked[r] = scores[order[r]];
        }
        return new SampleRanking(order, ranked);
    }
}
