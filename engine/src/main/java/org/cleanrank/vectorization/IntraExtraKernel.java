package org.cleanrank.vectorization;

/**
 * The label-error pass's per-tile reductions (SelfClean's intra/extra distance ratio), in two twins: for one
 * row {@code i} of a distance tile, the smallest distance to a sample of the same label, the smallest and the
 * largest distance to a sample of another label, folded both into row {@code i}'s accumulators and into each
 * column's. Minima and maxima do not depend on the order they are taken in, so the twins agree bit for bit
 * (distances are finite and never -0.0); the Panama twin takes a whole vector of columns per instruction with
 * label masks instead of a branch per pair.
 */
public interface IntraExtraKernel {
    /** Index of the same-label minimum in {@code rowAcc}. */
    int MIN_SAME = 0;
    /** Index of the other-label minimum in {@code rowAcc}. */
    int MIN_DIFF = 1;
    /** Index of the other-label maximum in {@code rowAcc}. */
    int MAX_DIFF = 2;

    /**
     * Folds distances {@code d[off + (j - from)]} for columns {@code j} in {@code [from, to)} of a row whose
     * label is {@code label}: into the column accumulators {@code minSame[j]}, {@code minDiff[j]},
     * {@code maxDiff[j]} (by {@code labels[j]}) and into the row's own {@code rowAcc[MIN_SAME..MAX_DIFF]}.
     */
    void row(
            float[] d,
            int off,
            int from,
            int to,
            int label,
            int[] labels,
            float[] minSame,
            float[] minDiff,
            float[] maxDiff,
            float[] rowAcc);

    /** A short name for logs and benchmark reports. */
    String name();

    /** The plain-Java twin: one branch per pair. */
    IntraExtraKernel PLAIN = new IntraExtraKernel() {
        @Override
        public void row(
                float[] d,
                int off,
                int from,
                int to,
                int label,
                int[] labels,
                float[] minSame,
                float[] minDiff,
                float[] maxDiff,
                float[] rowAcc) {
            float same = rowAcc[MIN_SAME], diff = rowAcc[MIN_DIFF], max = rowAcc[MAX_DIFF];
            for (int j = from; j < to; j++) {
                float v = d[off + j - from];
                if (labels[j] == label) {
                    same = Math.min(same, v);
                    minSame[j] = Math.min(minSame[j], v);
                } else {
                    diff = Math.min(diff, v);
                    max = Math.max(max, v);
                    minDiff[j] = Math.min(minDiff[j], v);
                    maxDiff[j] = Math.max(maxDiff[j], v);
                }
            }
            rowAcc[MIN_SAME] = same;
            rowAcc[MIN_DIFF] = diff;
            rowAcc[MAX_DIFF] = max;
        }

        @Override
        public String name() {
            return "plain";
        }
    };
}
