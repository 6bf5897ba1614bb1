package org.cleanrank.cli.benchmark;

import java.nio.file.Path;
import org.cleanrank.eval.NearDuplicateEvaluation.AnnotatedPairs;
import org.cleanrank.io.FloatMatrix;

/**
 * Everything a benchmark run needs, in one sample order (the dataset's metadata order): identifiers,
 * labels, the three kinds of ground truth, and the inputs the detectors read. Embeddings and images may
 * cover only some samples; detectors then run on the samples they have and say so.
 *
 * @param ids sample identifiers (md5hash)
 * @param labelNames published label per sample
 * @param labels label codes 0..C-1 per sample (published labels, errors included)
 * @param offTopic 1 = off-topic sample
 * @param labelError 1 = label error
 * @param nearDuplicatePairs the annotated pairs (lower triangle order) with 0/1 labels, or null
 * @param nearDuplicatePairsUnavailable why there are none to evaluate (then the pair detectors are skipped)
 * @param images image file per sample, null where none was found
 * @param embeddings rows in sample order for the samples in {@code embeddingSamples}, or null
 * @param embeddingSamples samples that have an embedding row (ascending), or null
 */
public record BenchmarkData(
        String name,
        String[] ids,
        String[] labelNames,
        int[] labels,
        int[] offTopic,
        int[] labelError,
        AnnotatedPairs nearDuplicatePairs,
        String nearDuplicatePairsUnavailable,
        Path[] images,
        FloatMatrix embeddings,
        int[] embeddingSamples) {

    public int n() {
        return ids.length;
    }

    public boolean hasEmbeddings() {
        return embeddings != null;
    }

    public boolean hasImages() {
        if (images == null) {
            return false;
        }
        for (Path p : images) {
            if (p != null) {
                return true;
            }
        }
        return false;
    }
}
