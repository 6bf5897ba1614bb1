package org.cleanrank.detect;

import java.util.Arrays;

/**
 * The labels SelfClean's label-error ranking runs on, or why there is none: no labels, or a single
 * label value (the reference warns and skips the ranking).
 *
 * @param labels one code per sample, or null when the ranking is skipped
 * @param skipped why it is skipped, else null
 */
public record LabelUse(int[] labels, String skipped) {
    /** Checks {@code labels} (may be null) for {@code n} samples. */
    public static LabelUse of(int[] labels, int n) {
        if (labels == null) {
            return new LabelUse(null, "no labels given: can't find label errors without labels");
        }
        if (labels.length != n) {
            throw new IllegalArgumentException(labels.length + " labels for " + n + " samples");
        }
        if (Arrays.stream(labels).distinct().count() < 2) {
            return new LabelUse(null, "only one label value: can't detect label errors with only one label");
        }
        return new LabelUse(labels, null);
    }
}
