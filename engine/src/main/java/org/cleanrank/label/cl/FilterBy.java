package org.cleanrank.label.cl;

import java.util.Locale;
import org.cleanrank.CleanRankException;

/** The {@code filter_by} methods of cleanlab's {@code filter.find_label_issues} that are ported. */
public enum FilterBy {
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

    /** The name cleanlab uses, e.g. {@code prune_by_noise_rate}. */
    public String referenceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FilterBy parse(String name) {
        for (FilterBy f : values()) {
            if (f.referenceName().equalsIgnoreCase(name.replace('-', '_'))) {
                return f;
            }
        }
        throw new CleanRankException("unknown filter_by '" + name + "': use prune_by_noise_rate, prune_by_class,"
                + " both, confident_learning or predicted_neq_given");
    }
}
