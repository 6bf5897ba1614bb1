package org.cleanrank.label.cl;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;

/**
 * {@code pandas.factorize(labels)} for integer labels: codes 0, 1, ... in order of first appearance
 * (not in sorted order), as CleanPatrick's ConfidentLearningDetector reindexes before calling cleanlab.
 *
 * @param codes the code of each sample
 * @param uniques {@code uniques[code]} = the original label
 */
public record LabelReindexing(int[] codes, long[] uniques) {
    public static LabelReindexing factorize(long[] labels) {
        Long2IntOpenHashMap codeOf = new Long2IntOpenHashMap();
        codeOf.defaultReturnValue(-1);
        int[] codes = new int[labels.length];
        long[] uniques = new long[Math.min(labels.length, 16)];
        int next = 0;
        for (int i = 0; i < labels.length; i++) {
            int code = codeOf.putIfAbsent(labels[i], next);
            if (code == -1) {
                code = next++;
                if (code == uniques.length) {
                    uniques = Arrays.copyOf(uniques, uniques.length * 2);
                }
                uniques[code] = labels[i];
            }
            codes[i] = code;
        }
        return new LabelReindexing(codes, Arrays.copyOf(uniques, next));
    }

    public static LabelReindexing factorize(int[] labels) {
        long[] l = new long[labels.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels[i];
        }
        return factorize(l);
    }

    /** Number of distinct labels = number of classes after reindexing. */
    public int classes() {
        return uniques.length;
    }
}
