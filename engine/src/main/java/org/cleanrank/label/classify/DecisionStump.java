package org.cleanrank.label.classify;

/**
 * A fitted depth-1 CART tree (sklearn {@code DecisionTreeClassifier(max_depth=1)}, gini): samples with
 * {@code x[feature] <= threshold} fall in leaf 0, the others in leaf 1; a stump that found no split has
 * one leaf ({@code feature == -1}). Leaf class probabilities are the leaf's weighted class fractions, as
 * sklearn's {@code predict_proba} normalises the tree's {@code value}.
 *
 * <p>Fit with {@link #fit}; the split search itself is {@link StumpSearch}.
 */
public final class DecisionStump {
    private final int feature;
    private final double threshold;
    private final double[][] leafProba;

    DecisionStump(int feature, double threshold, double[][] leafProba) {
        this.feature = feature;
        this.threshold = threshold;
        this.leafProba = leafProba;
    }

    /**
     * Fits on a training set with the sample weights {@code weights} (all &gt; 0, as AdaBoost's clipping
     * guarantees) and the splitter state sklearn draws as {@code random_state.randint(0, 2^31 - 1)};
     * the state fixes the order features are visited in, which decides exact ties.
     */
    static DecisionStump fit(SortedColumns cols, double[] weights, long randRState) {
        return new StumpSearch(cols, 1).fit(weights, randRState);
    }

    /** The split feature, or -1 for a single-leaf stump. */
    public int feature() {
        return feature;
    }

    /** sklearn's threshold: the midpoint of the two float32 values around the split, in float64. */
    public double threshold() {
        return threshold;
    }

    public int leafCount() {
        return leafProba.length;
    }

    /** Class probabilities of leaf 0 (left, or the only leaf) or 1 (right). Not a copy. */
    double[] leafProba(int leaf) {
        return leafProba[leaf];
    }

    /** The leaf a sample with this feature value falls in (the float32 value compared in float64). */
    public int leafOf(float value) {
        return feature < 0 || value <= threshold ? 0 : 1;
    }

    /** The class probabilities of a sample (a copy). */
    public double[] predictProba(float[] row) {
        return leafProba[feature < 0 ? 0 : leafOf(row[feature])].clone();
    }
}
