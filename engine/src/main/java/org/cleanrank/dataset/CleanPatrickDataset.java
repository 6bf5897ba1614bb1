package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A loaded CleanPatrick benchmark: the samples of Fitzpatrick17k in the reference order with their labels
 * and skin types, and the ground truth of the three issue types (off-topic, label error per sample;
 * near-duplicate per pair).
 *
 * <p>Sample i is row i of fitzpatrick17k.csv (three-file release) or of the consolidated table, as
 * CleanPatrick's reader orders its {@code df_ot}, {@code df_lb} and {@code nd_matrix}.
 */
public final class CleanPatrickDataset {
    private final CleanPatrickFormat format;
    private final List<Path> files;
    private final List<String> ids;
    private final Object2IntOpenHashMap<String> index;
    private final SampleLabels labels;
    private final int[] fitzpatrick;
    private final byte[] offTopic;
    private final byte[] labelError;
    private final int[][] nearDuplicateGroups;
    private final int[][] negativeGroups;
    private final PairLabels pairLabels;

    CleanPatrickDataset(
            CleanPatrickFormat format,
            List<Path> files,
            List<String> ids,
            SampleLabels labels,
            int[] fitzpatrick,
            byte[] offTopic,
            byte[] labelError,
            int[][] nearDuplicateGroups,
            int[][] negativeGroups,
            PairLabels pairLabels) {
        this.format = format;
        this.files = List.copyOf(files);
        this.ids = List.copyOf(ids);
        this.index = Md5.index(ids);
        this.labels = labels;
        this.fitzpatrick = fitzpatrick;
        this.offTopic = offTopic;
        this.labelError = labelError;
        this.nearDuplicateGroups = nearDuplicateGroups;
        this.negativeGroups = negativeGroups;
        this.pairLabels = pairLabels;
    }

    /** Loads the release in {@code dirOrFile}, detecting its format (see {@link CleanPatrickFormat}). */
    public static CleanPatrickDataset load(Path dirOrFile) {
        return load(dirOrFile, LoadOptions.defaults());
    }

    public static CleanPatrickDataset load(Path dirOrFile, LoadOptions options) {
        CleanPatrickFormat.Located at = CleanPatrickFormat.locate(dirOrFile, options);
        return at.format() == CleanPatrickFormat.THREE_FILE
                ? CleanPatrickFormat.readThreeFile(at.location(), at.metadataCsv(), options)
                : CleanPatrickFormat.readConsolidated(at.location(), options);
    }

    public CleanPatrickFormat format() {
        return format;
    }

    /** The files read. */
    public List<Path> files() {
        return files;
    }

    public int size() {
        return ids.size();
    }

    /** md5hash of every sample (lower case), in sample order. */
    public List<String> ids() {
        return ids;
    }

    public String id(int sample) {
        return ids.get(sample);
    }

    /** The sample with this md5hash (either case), or -1. */
    public int indexOf(String md5hash) {
        return index.getInt(md5hash.strip().toLowerCase(Locale.ROOT));
    }

    public SampleLabels labels() {
        return labels;
    }

    /** Fitzpatrick skin type per sample (1-6; -1 unknown). A copy. */
    public int[] fitzpatrick() {
        return fitzpatrick.clone();
    }

    /** 1 where the sample is off-topic. A copy. */
    public byte[] offTopic() {
        return offTopic.clone();
    }

    /** 1 where the sample's published label is wrong. A copy. */
    public byte[] labelError() {
        return labelError.clone();
    }

    /**
     * Near-duplicate groups as sample indices: the label-1 rows of near_duplicates.csv (file order, hash
     * order within a row), or the consolidated table's cliques of two or more (order of first appearance).
     */
    public int[][] nearDuplicateGroups() {
        return deepCopy(nearDuplicateGroups);
    }

    /** Annotated negative groups (label-0 rows of near_duplicates.csv); none for the consolidated table. */
    public int[][] negativeGroups() {
        return deepCopy(negativeGroups);
    }

    /** Pair ground truth: 1 near-duplicate, 0 annotated negative, NaN not annotated. */
    public PairLabels pairLabels() {
        return pairLabels;
    }

    public int offTopicCount() {
        return count(offTopic);
    }

    public int labelErrorCount() {
        return count(labelError);
    }

    /** One line: what was loaded and how much of each issue it holds. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "CleanPatrick (%s, %s): %d samples, %d classes (%s), %d off-topic, %d label errors, "
                        + "%d near-duplicate groups (%d pairs), %s",
                format == CleanPatrickFormat.THREE_FILE ? "three-file release" : "consolidated table",
                files.get(0).getFileName(),
                size(),
                labels.classes().size(),
                labels.column(),
                offTopicCount(),
                labelErrorCount(),
                nearDuplicateGroups.length,
                pairLabels.positivePairCount(),
                pairLabels.everyPairLabelled()
                        ? "every other pair negative"
                        : negativeGroups.length + " negative groups ("
                                + (pairLabels.annotatedPairCount() - pairLabels.positivePairCount())
                                + " annotated negative pairs)");
    }

    @Override
    public String toString() {
        return summary();
    }

    private static int count(byte[] b) {
        int c = 0;
        for (byte x : b) {
            c += x;
        }
        return c;
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int k = 0; k < a.length; k++) {
            out[k] = a[k].clone();
        }
        return out;
    }
}
