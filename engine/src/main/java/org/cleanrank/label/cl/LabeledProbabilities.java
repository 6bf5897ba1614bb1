package org.cleanrank.label.cl;

import org.cleanrank.CleanRankException;

/**
 * Out-of-fold predicted probabilities ({@code pred_probs}, n x C, row-major) with the given label of
 * each sample: the input of every Confident Learning stage, validated once.
 *
 * <p>Checks are cleanlab's {@code assert_valid_inputs} (labels in 0..C-1, at least two distinct labels
 * unless all are 0, values within [-1e-6, 1 + 1e-6]) plus what cleanlab silently accepts but would turn
 * into garbage: NaN or infinite values (numpy's min/max comparisons let NaN through) and rows that are
 * not probability distributions (sum off 1 by more than {@value #ROW_SUM_TOLERANCE}).
 *
 * <p>The row-major array is used as given, not copied: do not modify it afterwards.
 */
public final class LabeledProbabilities {
    /** Allowed |row sum - 1|: loose enough for float32 softmax outputs over a thousand classes. */
    public static final double ROW_SUM_TOLERANCE = 1e-4;
    /** cleanlab's FLOATING_POINT_COMPARISON slack on the [0, 1] range check. */
    static final double RANGE_SLACK = 1e-6;

    private final double[] probs;
    private final int n;
    private final int classes;
    private final int[] labels;
    private int[][] members;

    private LabeledProbabilities(double[] probs, int n, int classes, int[] labels) {
        this.probs = probs;
        this.n = n;
        this.classes = classes;
        this.labels = labels;
    }

    /** {@code predProbs} row-major n x {@code classes}, n = {@code labels.length}. */
    public static LabeledProbabilities of(double[] predProbs, int classes, int[] labels) {
        if (predProbs == null || labels == null) {
            throw new CleanRankException("pred_probs and labels are required: pass both arrays");
        }
        if (classes < 1) {
            throw new CleanRankException("pred_probs has " + classes + " columns: pass at least one class column");
        }
        if (labels.length == 0) {
            throw new CleanRankException("labels is empty: Confident Learning needs at least one sample");
        }
        if ((long) labels.length * classes != predProbs.length) {
            throw new CleanRankException("pred_probs has " + predProbs.length + " values but labels has "
                    + labels.length + " samples x " + classes + " classes = " + (long) labels.length * classes
                    + ": pass one pred_probs row per label");
        }
        LabeledProbabilities p = new LabeledProbabilities(predProbs, labels.length, classes, labels.clone());
        p.validate();
        p.groupByClass();
        return p;
    }

    /** One row per sample, every row of the same length C. */
    public static LabeledProbabilities of(double[][] predProbs, int[] labels) {
        if (predProbs == null || labels == null) {
            throw new CleanRankException("pred_probs and labels are required: pass both arrays");
        }
        if (predProbs.length != labels.length) {
            throw new CleanRankException("pred_probs has " + predProbs.length + " rows but labels has " + labels.length
                    + " samples: pass one pred_probs row per label");
        }
        if (predProbs.length == 0) {
            throw new CleanRankException("labels is empty: Confident Learning needs at least one sample");
        }
        int c = predProbs[0].length;
        double[] flat = new double[Math.multiplyExact(predProbs.length, c)];
        for (int i = 0; i < predProbs.length; i++) {
            if (predProbs[i].length != c) {
                throw new CleanRankException("pred_probs row " + i + " has " + predProbs[i].length
                        + " columns but row 0 has " + c + ": pass a rectangular n x C matrix");
            }
            System.arraycopy(predProbs[i], 0, flat, i * c, c);
        }
        return of(flat, c, labels);
    }

    private void validate() {
        boolean allZero = true;
        int first = labels[0];
        boolean twoDistinct = false;
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y < 0 || y >= classes) {
                throw new CleanRankException("labels[" + i + "] = " + y + " but pred_probs has " + classes
                        + " columns: labels must be class indices 0.." + (classes - 1)
                        + " matching pred_probs' columns (reindex them with LabelReindexing)");
            }
            allZero &= y == 0;
            twoDistinct |= y != first;
        }
        if (!twoDistinct && !allZero) {
            // cleanlab's assert_valid_class_labels: "Labels must contain at least 2 classes."
            throw new CleanRankException("labels hold a single class (" + first
                    + "): Confident Learning needs at least 2 classes among the labels");
        }
        for (int i = 0; i < n; i++) {
            double sum = 0.0;
            int row = i * classes;
            for (int c = 0; c < classes; c++) {
                double v = probs[row + c];
                if (!Double.isFinite(v)) {
                    throw new CleanRankException("pred_probs[" + i + ", " + c + "] is " + v
                            + ": pass finite predicted probabilities (no NaN or infinity)");
                }
                if (v < -RANGE_SLACK || v > 1 + RANGE_SLACK) {
                    throw new CleanRankException("pred_probs[" + i + ", " + c + "] = " + v
                            + " is outside [0, 1]: pass probabilities (e.g. softmax outputs), not logits");
                }
                sum += v;
            }
            if (Math.abs(sum - 1.0) > ROW_SUM_TOLERANCE) {
                throw new CleanRankException("pred_probs row " + i + " sums to " + sum + " (must be 1 within "
                        + ROW_SUM_TOLERANCE + "): pass normalised predicted probabilities, one distribution per row");
            }
        }
    }

    public int size() {
        return n;
    }

    public int classes() {
        return classes;
    }

    public int label(int i) {
        return labels[i];
    }

    public double get(int i, int c) {
        return probs[i * classes + c];
    }

    /** The given labels (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** The row-major array itself (not a copy). */
    double[] data() {
        return probs;
    }

    int[] labelArray() {
        return labels;
    }

    /** Samples of each given class in increasing index order: numpy's {@code pred_probs[labels == k]}. */
    int[][] membersByClass() {
        return members;
    }

    private void groupByClass() {
        int[] counts = labelCounts();
        int[][] m = new int[classes][];
        for (int k = 0; k < classes; k++) {
            m[k] = new int[counts[k]];
        }
        int[] fill = new int[classes];
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            m[y][fill[y]++] = i;
        }
        members = m;
    }

    /** Samples per given class, 0 for classes nobody carries (cleanlab's value_counts_fill_missing_classes). */
    int[] labelCounts() {
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }
}
