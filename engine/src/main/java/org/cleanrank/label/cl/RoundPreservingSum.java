package org.cleanrank.label.cl;

import java.util.function.Function;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.parity.NumpySum;

/**
 * cleanlab's {@code internal.util.round_preserving_sum} / {@code round_preserving_row_totals}: round
 * half to even, then move the rounding surplus onto the entries with the largest (or smallest)
 * fractional remainders. Which entries move when remainders tie (equal counts in a row give equal
 * remainders) is decided by {@code np.argsort(floats - ints)[::-increment]}, numpy's unstable
 * quicksort read backwards for an increment of +1; {@link NumpyArgsort} reproduces it so the rounded
 * matrix is the reference's, not just one of the equally valid roundings.
 */
public final class RoundPreservingSum {
    /** cleanlab's FLOATING_POINT_COMPARISON for "sums differ". */
    private static final double EPS = 1e-6;

    private RoundPreservingSum() {}

    /** One row: integers (as numpy's {@code astype(int)}) whose sum is the rounded sum of {@code floats}. */
    public static long[] round(double[] floats) {
        return round(floats, NumpyArgsort::quicksort);
    }

    /** With another argsort for the remainders (tests show the reference needs numpy's). */
    static long[] round(double[] floats, Function<double[], int[]> argsort) {
        int len = floats.length;
        double[] ints = new double[len];
        for (int i = 0; i < len; i++) {
            ints[i] = Math.rint(floats[i]); // ndarray.round(): half to even, like Math.rint
        }
        double origSum = Math.rint(NumpySum.sum(floats));
        double intSum = Math.rint(NumpySum.sum(ints));
        double[] remainders = new double[len];
        while (Math.abs(intSum - origSum) > EPS) {
            double diff = Math.rint(origSum - intSum);
            int increment = diff < 0.0 ? -1 : 1;
            int changes = (int) Math.min(Math.abs(diff), len);
            for (int i = 0; i < len; i++) {
                remainders[i] = floats[i] - ints[i];
            }
            int[] order = argsort.apply(remainders);
            for (int c = 0; c < changes; c++) {
                // [::-1] (largest remainder first) to add, [::1] (smallest first) to subtract
                int i = increment > 0 ? order[len - 1 - c] : order[c];
                ints[i] += increment;
            }
            intSum = Math.rint(NumpySum.sum(ints));
        }
        long[] out = new long[len];
        for (int i = 0; i < len; i++) {
            out[i] = (long) ints[i];
        }
        return out;
    }

    /** {@code round_preserving_row_totals}: {@link #round(double[])} applied to each row. */
    public static long[][] roundRows(double[][] matrix) {
        return roundRows(matrix, NumpyArgsort::quicksort);
    }

    static long[][] roundRows(double[][] matrix, Function<double[], int[]> argsort) {
        long[][] out = new long[matrix.length][];
        for (int r = 0; r < matrix.length; r++) {
            out[r] = round(matrix[r], argsort);
        }
        return out;
    }
}
