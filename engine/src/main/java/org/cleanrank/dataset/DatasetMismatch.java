package org.cleanrank.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * How well a set of files or rows matches the samples of a dataset: a report, not an exception, so the
 * caller decides whether a mismatch stops a run. Each issue has a count and up to
 * {@value #MAX_EXAMPLES} examples.
 *
 * @param subject what was matched ("images", "embedding rows")
 * @param samples number of samples
 * @param matched samples that found a file / row
 * @param missing samples without a file / row (examples: md5 hashes)
 * @param unknown files / rows that name no sample (examples: relative paths, or "row k: hash")
 * @param duplicates samples named by more than one file / row (the first, in path / row order, is used)
 * @param wrongContent files whose bytes do not hash to their name (only when md5 checking was asked for)
 */
public record DatasetMismatch(
        String subject, int samples, int matched, Issue missing, Issue unknown, Issue duplicates, Issue wrongContent) {
    public static final int MAX_EXAMPLES = 5;

    /** One kind of mismatch: what it is ("samples without an image"), how many, a few examples. */
    public record Issue(String what, int count, List<String> examples) {
        @Override
        public String toString() {
            return what + ": " + count
                    + (examples.isEmpty()
                            ? ""
                            : " (e.g. " + String.join(", ", examples) + (count > examples.size() ? ", ..." : "") + ")");
        }
    }

    public boolean isEmpty() {
        return missing.count == 0 && unknown.count == 0 && duplicates.count == 0 && wrongContent.count == 0;
    }

    /** One line, e.g. "images: 36 of 37 samples matched; samples without an image: 1 (e.g. ...)". */
    public String summary() {
        if (isEmpty()) {
            return subject + ": all " + samples + " samples matched";
        }
        List<String> parts = new ArrayList<>();
        for (Issue i : List.of(missing, unknown, duplicates, wrongContent)) {
            if (i.count > 0) {
                parts.add(i.toString());
            }
        }
        return subject + ": " + matched + " of " + samples + " samples matched; " + String.join("; ", parts);
    }

    @Override
    public String toString() {
        return summary();
    }

    /** Counts issues and keeps the first examples. */
    static final class Tally {
        private final String what;
        private int count;
        private final List<String> examples = new ArrayList<>();

        Tally(String what) {
            this.what = what;
        }

        void add(String example) {
            if (count++ < MAX_EXAMPLES) {
                examples.add(example);
            }
        }

        int count() {
            return count;
        }

        Issue issue() {
            return new Issue(what, count, List.copyOf(examples));
        }
    }
}
