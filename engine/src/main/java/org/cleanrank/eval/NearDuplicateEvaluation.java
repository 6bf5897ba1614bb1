package org.cleanrank.eval;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntArrayList;

/**
 * CleanPatrick's near-duplicate evaluation ({@code src/evaluate.py}, {@code get_sorted_labels}): the
 * strictly lower triangle (i &gt; j, row-major) of the pair-label and distance matrices, pairs whose
 * label is NaN (not annotated) dropped, labels sorted by ascending distance. The reference's sort is
 * unstable; ties here keep triangle order (a stable sort).
 */
public final class NearDuplicateEvaluation {
    private NearDuplicateEvaluation() {}

    /** Ground truth in ranking order from n x n row-major matrices. */
    public static int[] sortedLabels(int n, double[] labels, float[] distances) {
        IntArrayList pos = new IntArrayList();
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (!Double.isNaN(labels[i * n + j])) {
                    pos.add(i * n + j);
                }
            }
        }
        int[] p = pos.toIntArray();
        IntArrays.mergeSort(p, (a, b) -> Float.compare(distances[a], distances[b]) == 0 ? 0
                : (distances[a] < distances[b] ? -1 : 1));
        int[] out = new int[p.length];
        for (int r = 0; r < p.length; r++) {
            double v = labels[p[r]];
            if (v != 0.0 && v != 1.0) {
                throw new IllegalArgumentException("pair label " + v + " at " + (p[r] / n) + "," + (p[r] % n) + " is not 0, 1 or NaN");
            }
            out[r] = (int) v;
        }
        return out;
    }
}
