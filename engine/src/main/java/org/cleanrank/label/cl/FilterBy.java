package org.cleanrank.label.cl;

/** The {@code filter_by} methods of cleanlab's {@code filter.find_label_issues} that are ported. */
public enum FilterBy implements CleanlabOption {
    /** cleanlab's default: per off-diagonal joint cell (given k, true j), the samples of k with the largest p_j - p_k. */
    PRUNE_BY_NOISE_RATE,
    /** per class k, the samples of k with the smallest p_k, as many as the joint says are not truly k. */
    PRUNE_BY_CLASS,
    /** flagged by both of the above. */
    BOTH,
    /** the samples counted off the diagonal of the confident joint. */
    CONFIDENT_LEARNING,
    /** argmax(pred_probs) != given label. */
    PREDICTED_NEQ_GIVEN;

    /** Parses cleanlab's name (case-insensitive, '-' accepted for '_'). */
    public static FilterBy parse(String name) {
        return CleanlabOption.parse(FilterBy.class, name, "filter_by");
    }
}
