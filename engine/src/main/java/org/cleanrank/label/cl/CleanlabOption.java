package org.cleanrank.label.cl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.cleanrank.CleanRankException;

/**
 * An option value ported from cleanlab ({@link FilterBy}, {@link QualityMethod}): cleanlab names it by the
 * constant's name in lower case.
 */
public interface CleanlabOption {
    /** The constant's Java name (an enum's {@code name()}). */
    String name();

    /** The name cleanlab uses, e.g. {@code prune_by_noise_rate} or {@code self_confidence}. */
    default String referenceName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant cleanlab calls {@code name} (case-insensitive, '-' accepted for '_'); any other name is a
     * one-line error listing them all: "unknown {@code option} 'name': use a, b or c".
     */
    static <E extends Enum<E> & CleanlabOption> E parse(Class<E> type, String name, String option) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            if (e.referenceName().equalsIgnoreCase(name.replace('-', '_'))) {
                return e;
            }
            names.add(e.referenceName());
        }
        String last = names.removeLast();
        throw new CleanRankException(
                "unknown " + option + " '" + name + "': use " + String.join(", ", names) + " or " + last);
    }
}
