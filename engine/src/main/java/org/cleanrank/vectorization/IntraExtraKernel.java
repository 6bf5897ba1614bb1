package org.cleanrank.vectorization;

/**
 * The label-error pass's per-tile reductions (SelfClean's intra/extra distance ratio), in two twins: for one
 * row of a distance tile, the smallest distance to a sample of the same label, the smallest and the largest
 * distance to a sample of another label, folded both into the row's accumulators and into each column's
 * ({@link Accumulators}). Minima and maxima do not depend on the order they are taken in, so the twins agree bit
 * for bit (distances are finite and never -0.0); the Panama twin takes a whole vector of columns per
 * instruction with label masks instead of a branch per pair.
 */
public interface IntraExtraKernel {
    /**
     * Per sample (column) and for the current row: the same-label minimum and the other-label minimum and
     * maximum, starting at +inf, +inf and -inf.
     */
    final class Accumulators {
        public final float[] minSame;
        public final float[] minDiff;
        public final float[] maxDiff;
        /** The current row's three, read and written by {@link #row}. */
        public float rowMinSame, rowMinDiff, rowMaxDiff;

        public Accumulators(int n) {
            minSame = new float[n];
            minDiff = new float[n];
            maxDiff = new float[n];
            java.util.Arrays.fill(minSame, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(minDiff, Float.POSITIVE_INFINITY);
            java.util.Arrays.fill(maxDiff, Float.NEGATIVE_INFINITY);
        }
    }

    /**
     * Folds distances {@code d[off + (j - from)]} for columns {@code j} in {@code [from, to)} of a row whose
     * label is {@code label} into the columns' accumulators (by {@code labels[j]}) and the row's.
     */
    void row(float[] d, int off, int from, int to, int label, int[] labels, Accumulators acc);

    /** A short name for logs and benchmark reports. */
    String name();

    /** The plain-Java twin: one branch per pair. */
    IntraExtraKernel PLAIN = new IntraExtraKernel() {
        @Override
        public void row(float[] d, int off, int from, int to, int label, int[] labels, Accumulators acc) {
            float same = acc.rowMinSame, diff = acc.rowMinDiff, max = acc.rowMaxDiff;
            for (int j = from; j < to; j++) {
                float v = d[off + j - from];
                if (labels[j] == label) {
                    same = Math.min(same, v);
                    acc.minSame[j] = Math.min(acc.minSame[j], v);
                } else {
                    diff = Math.min(diff, v);
                    max = Math.max(max, v);
                    acc.minDiff[j] = Math.min(acc.minDiff[j], v);
                    acc.maxDiff[j] = Math.max(acc.maxDiff[j], v);
                }
            }
            acc.rowMinSame = same;
            acc.rowMinDiff = diff;
            acc.rowMaxDiff = max;
        }

        @Override
        public String name() {
            return "plain";
        }
    };
}
