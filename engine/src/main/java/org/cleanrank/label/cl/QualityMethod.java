package org.cleanrank.label.cl;

/** The {@code method} of cleanlab's {@code rank.get_label_quality_scores} (lower score = more likely mislabeled). */
public enum QualityMethod implements CleanlabOption {
    /** p(given label | x): cleanlab's default and CleanLearning's {@code label_quality} column. */
    SELF_CONFIDENCE,
    /** (p(given label) - max p(other label) + 1) / 2. */
    NORMALIZED_MARGIN,
    /** log(1 + h) / max(h, 1e-6) with h = normalized entropy / max(self-confidence, 1e-6). */
    CONFIDENCE_WEIGHTED_ENTROPY;

    /** Parses cleanlab's name (case-insensitive, '-' accepted for '_'). */
    public static QualityMethod parse(String name) {
        return CleanlabOption.parse(QualityMethod.class, name, "label quality method");
    }
}
