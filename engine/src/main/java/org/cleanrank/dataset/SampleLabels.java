package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import java.util.List;

/**
 * The class label of every sample, as text and as integer codes, the way CleanPatrick's
 * {@code Fitzpatrick17kDataset} prepares them: a missing label (pandas NaN) becomes {@code 'undefined'},
 * then {@code pd.factorize} numbers the labels in order of first appearance.
 *
 * @param column the CSV column the labels came from
 * @param names the label of each sample, in sample order
 * @param codes the code of each sample; {@code classes.get(codes[i])} is {@code names[i]}
 * @param classes the distinct labels, code order
 */
public record SampleLabels(String column, List<String> names, int[] codes, List<String> classes) {
    /** What the reference puts for a missing label. */
    public static final String UNDEFINED = "undefined";

    /** Labels from raw CSV fields: pandas NA tokens become {@link #UNDEFINED}; other text is kept as is. */
    static SampleLabels factorize(String column, String[] raw) {
        String[] names = new String[raw.length];
        int[] codes = new int[raw.length];
        Object2IntLinkedOpenHashMap<String> code = new Object2IntLinkedOpenHashMap<>();
        for (int i = 0; i < raw.length; i++) {
            names[i] = CsvValues.isNa(raw[i]) ? UNDEFINED : raw[i];
            codes[i] = code.computeIfAbsent(names[i], k -> code.size());
        }
        return new SampleLabels(column, List.of(names), codes, List.copyOf(code.keySet()));
    }

    /** A copy of the codes. */
    @Override
    public int[] codes() {
        return codes.clone();
    }

    public String name(int sample) {
        return names.get(sample);
    }

    public int code(int sample) {
        return codes[sample];
    }
}
