package org.cleanrank.label.cl;

import java.util.Arrays;
import java.util.function.Function;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.parity.NumpySum;

/**
 * cleanlab's confident joint ({@code count.compute_confident_joint}): {@code counts[given][true]}, the
 * number of samples with that given label that are confidently predicted as that true class.
 *
 * <p>A sample is confident in class j when {@code p_j >= t_j - 1e-6}, t_j the class's confident
 * threshold (the mean self-confidence of the samples labelled j). With one confident class that class is
 * its true-label guess; with several, the row's argmax; with none the sample is not counted. The
 * diagonal is then clipped to at least 1, and the calibrated joint rescales each row to the label
 * counts and the whole to n, rounded by {@link RoundPreservingSum} (numpy's tie order included).
 *
 * @param counts C x C, indexed {@code [given label][guessed true label]}
 * @param thresholds the per-class thresholds used ({@code get_confident_thresholds})
 * @param offDiagonalIndices samples counted off the diagonal, increasing (cleanlab's
 *     {@code return_indices_of_off_diagonals}, the {@code confident_learning} filter's raw issues)
 * @param calibrated whether {@code counts} went through {@code calibrate_confident_joint}
 */
public record ConfidentJoint(long[][] counts, double[] thresholds, int[] offDiagonalIndices, boolean calibrated) {
    /** cleanlab's FLOATING_POINT_COMPARISON, subtracted from the thresholds. */
    static final double THRESHOLD_SLACK = 1e-6;
    /** cleanlab's CONFIDENT_THRESHOLDS_LOWER_BOUND (2 * FLOATING_POINT_COMPARISON). */
    static final double THRESHOLD_LOWER_BOUND = 2e-6;
    /** get_confident_thresholds' BIG_VALUE for a class nobody carries: no probability reaches it. */
    static final double MISSING_CLASS_THRESHOLD = 2;
    /** cleanlab's TINY_VALUE guarding divisions. */
    private static final double TINY_VALUE = 1e-100;

    /** {@code compute_confident_joint(labels, pred_probs, calibrate=...)} with the default thresholds. */
    public static ConfidentJoint compute(LabeledProbabilities p, boolean calibrate) {
        return compute(p, confidentThresholds(p), calibrate);
    }

    /** {@code compute_confident_joint(labels, pred_probs, thresholds=..., calibrate=...)}. */
    public static ConfidentJoint compute(LabeledProbabilities p, double[] thresholds, boolean calibrate) {
        int n = p.size();
        int k = p.classes();
        if (thresholds.length != k) {
            throw new IllegalArgumentException(
                    "thresholds has " + thresholds.length + " entries for " + k + " classes");
        }
        double[] d = p.data();
        double[] cut = new double[k];
        for (int c = 0; c < k; c++) {
            cut[c] = thresholds[c] - THRESHOLD_SLACK;
        }
        long[][] joint = new long[k][k];
        int[] off = new int[n];
        int nOff = 0;
        for (int i = 0; i < n; i++) {
            int row = i * k;
            int confident = 0;
            int firstConfident = -1;
            int argmax = 0;
            for (int c = 0; c < k; c++) {
                double v = d[row + c];
                if (v >= cut[c]) {
                    if (confident++ == 0) {
                        firstConfident = c;
                    }
                }
                if (v > d[row + argmax]) { // np.argmax: first maximum
                    argmax = c;
                }
            }
            if (confident == 0) {
                continue; // an outlier: confident in no class, not counted
            }
            int guess = confident > 1 ? argmax : firstConfident;
            int given = p.label(i);
            joint[given][guess]++;
            if (guess != given) {
                off[nOff++] = i;
            }
        }
        for (int c = 0; c < k; c++) {
            // "Guarantee at least one correctly labeled example is represented in every class"
            joint[c][c] = Math.max(joint[c][c], 1);
        }
        if (calibrate) {
            joint = calibrate(joint, p.labelCounts());
        }
        return new ConfidentJoint(joint, thresholds.clone(), Arrays.copyOf(off, nOff), calibrate);
    }

    /**
     * {@code get_confident_thresholds}: per class the mean predicted probability of that class over the
     * samples labelled with it ({@code np.mean}: numpy's pairwise sum over the selected values, divided
     * by their count); {@value #MISSING_CLASS_THRESHOLD} for a class nobody carries; clipped below at 2e-6.
     */
    public static double[] confidentThresholds(LabeledProbabilities p) {
        int k = p.classes();
        int[][] members = p.membersByClass();
        double[] t = new double[k];
        double[] buf = new double[p.size()];
        for (int c = 0; c < k; c++) {
            int[] m = members[c];
            if (m.length == 0) {
                t[c] = MISSING_CLASS_THRESHOLD;
            } else {
                for (int j = 0; j < m.length; j++) {
                    buf[j] = p.get(m[j], c);
                }
                t[c] = NumpySum.sum(buf, 0, m.length) / m.length;
            }
            t[c] = Math.max(t[c], THRESHOLD_LOWER_BOUND);
        }
        return t;
    }

    /**
     * {@code calibrate_confident_joint}: row i scaled to {@code labelCounts[i]} ({@code cj / rowsum *
     * count}), then the matrix to the total count ({@code / np.sum(all) * n}, numpy's pairwise sum over
     * the row-major matrix), then {@code round_preserving_row_totals}.
     */
    public static long[][] calibrate(long[][] joint, int[] labelCounts) {
        return calibrate(joint, labelCounts, NumpyArgsort::quicksort);
    }

    /** With another argsort inside round_preserving_sum (tests show the reference needs numpy's). */
    static long[][] calibrate(long[][] joint, int[] labelCounts, Function<double[], int[]> argsort) {
        int k = joint.length;
        double[] flat = new double[k * k];
        long total = 0;
        for (int i = 0; i < k; i++) {
            long rowSum = 0;
            for (int j = 0; j < k; j++) {
                rowSum += joint[i][j];
            }
            double denom = Math.max((double) rowSum, TINY_VALUE);
            for (int j = 0; j < k; j++) {
                flat[i * k + j] = (double) joint[i][j] / denom * labelCounts[i];
            }
            total += labelCounts[i];
        }
        double sum = Math.max(NumpySum.sum(flat), TINY_VALUE);
        double[][] rows = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i][j] = flat[i * k + j] / sum * total;
            }
        }
        return RoundPreservingSum.roundRows(rows, argsort);
    }

    public int classes() {
        return counts.length;
    }

    /** Samples given label {@code given} and confidently (after calibration: estimated) of class {@code trueClass}. */
    public long count(int given, int trueClass) {
        return counts[given][trueClass];
    }
}
