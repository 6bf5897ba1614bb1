package org.cleanrank.label.cl;

import java.util.Locale;
import org.cleanrank.CleanRankException;

/** The {@code method} of cleanlab's {@code rank.get_label_quality_scores} (lower score = more likely mislabeled). */
public enum QualityMethod {
    /** p(given label | x): cleanlab's default and CleanLearning's {@code label_quality} column. */
    SELF_CONFIDENCE,
    /** (p(given label) - max p(other label) + 1) / 2. */
    NORMALIZED_MARGIN,
    /** log(1 + h) / max(h, 1e-6) with h = normalized entropy / max(self-confidence, 1e-6). */
    CONFIDENCE_WEIGHTED_ENTROPY;

    /** The name cleanlab uses, e.g. {@code self_confidence}. */
    public String referenceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses cleanlab's name (case-insensitive, '-' accepted for '_'). */
    public static QualityMethod parse(String name) {
        for (QualityMethod m : values()) {
            if (m.referenceName().equalsIgnoreCase(name.replace('-', '_'))) {
                return m;
            }
        }
        throw new CleanRankException("unknown label quality method '" + name
                + "': use self_confidence, normalized_margin or confidence_weighted_entropy");
    }
}
