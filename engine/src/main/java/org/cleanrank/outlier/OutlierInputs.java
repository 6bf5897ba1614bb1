package org.cleanrank.outlier;

import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;

/** Checks shared by the PyOD detectors ({@link PyodDetector#rank} is the one way they rank). */
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
}
