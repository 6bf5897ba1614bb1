package org.cleanrank.eval;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.cleanrank.parity.NumpyArgsort;

/**
 * CleanPatrick's near-duplicate evaluation ({@code src/evaluate.py}, {@code get_sorted_labels}): the
 * strictly lower triangle (i &gt; j, row-major) of the pair-label and distance matrices, pairs whose
 * label is NaN (not annotated) dropped, then {@code labels[mask][np.argsort(distances[mask])]}. The sort
 * is numpy's unstable quicksort over the annotated pairs only, reproduced by {@link NumpyArgsort}, so tied
 * distances (Hamming counts tie a lot) come out in the reference's order and the metrics agree exactly.
 *
 * <p>Only annotated pairs matter, so {@link #sortedLabels(AnnotatedPairs, PairDistance)} never needs the
 * N x N matrices: it asks for the distances of the annotated pairs alone.
 */
public final class NearDuplicateEvaluation {
    private NearDuplicateEvaluation() {}

    /** The annotated pairs in the reference's order (lower triangle, row-major) with their 0/1 labels. */
    public record AnnotatedPairs(int[] i, int[] j, int[] label) {
        public int size() {
            return i.length;
        }
    }

    /** Distance of pair (i, j), i &gt; j, as the detector computes it. */
    @FunctionalInterface
    public interface PairDistance {
        double distance(int i, int j);
    }

    /** Ground truth in ranking order from n x n row-major matrices (float32 distances). */
    public static int[] sortedLabels(int n, double[] labels, float[] distances) {
        return sortedLabels(annotated(n, labels), (i, j) -> distances[i * n + j]);
    }

    /** Ground truth in ranking order from n x n row-major matrices (float64 distances). */
    public static int[] sortedLabels(int n, double[] labels, double[] distances) {
        return sortedLabels(annotated(n, labels), (i, j) -> distances[i * n + j]);
    }

    /** Ground truth in ranking order: the annotated pairs' labels sorted as numpy sorts their distances. */
    public static int[] sortedLabels(AnnotatedPairs pairs, PairDistance distance) {
        double[] d = new double[pairs.size()];
        for (int p = 0; p < d.length; p++) {
            d[p] = distance.distance(pairs.i()[p], pairs.j()[p]);
        }
        int[] order = NumpyArgsort.quicksort(d);
        int[] out = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            out[r] = pairs.label()[order[r]];
        }
        return out;
    }

    /** The annotated pairs of an n x n pair-label matrix (NaN = not annotated, else 0 or 1). */
    public static AnnotatedPairs annotated(int n, double[] labels) {
        IntArrayList is = new IntArrayList();
        IntArrayList js = new IntArrayList();
        IntArrayList ls = new IntArrayList();
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double v = labels[i * n + j];
                if (Double.isNaN(v)) {
                    continue;
                }
                if (v != 0.0 && v != 1.0) {
                    throw new IllegalArgumentException(
                            "pair label " + v + " at " + i + "," + j + " is not 0, 1 or NaN");
                }
                is.add(i);
                js.add(j);
                ls.add((int) v);
            }
        }
        return new AnnotatedPairs(is.toIntArray(), js.toIntArray(), ls.toIntArray());
    }
}
