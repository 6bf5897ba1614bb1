package org.cleanrank.cli.benchmark;

import java.util.Arrays;
import org.cleanrank.cli.neighbours.KnnNeighbours;
import org.cleanrank.cli.neighbours.SuspectedLabels;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * The suspected label of every sample of a run ({@link SuspectedLabels#vote}, over the samples that have an
 * embedding, with the run's packed embeddings): what the audit page and the benchmark report's label-error
 * cards show beside the given label.
 */
public final class RunSuspectedLabels {
    private RunSuspectedLabels() {}

    /**
     * Per sample (the run's sample order) the suspected label's name, null for a sample without an embedding;
     * null altogether when the run has no labels or fewer than 2 samples with an embedding (nothing to vote on).
     */
    public static String[] of(RunContext ctx) {
        BenchmarkData data = ctx.data();
        int[] embedded = data.embeddingSamples();
        if (!data.hasEmbeddings()
                || embedded == null
                || embedded.length < 2
                || data.labels() == null
                || data.labelNames() == null) {
            return null;
        }
        int[] codes = new int[embedded.length];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = data.labels()[embedded[k]];
        }
        int[] votes = SuspectedLabels.vote(
                new KnnNeighbours(
                        Detectors.packed(ctx, embedded),
                        VectorizationProvider.getInstance().embeddingKernels(),
                        ctx.threads(),
                        ctx.progress()),
                codes);
        // a voted code is some embedded sample's code: name it after that sample's label
        String[] nameOfCode = new String[Arrays.stream(codes).max().orElseThrow() + 1];
        for (int k = 0; k < codes.length; k++) {
            nameOfCode[codes[k]] = data.labelNames()[embedded[k]];
        }
        String[] out = new String[data.n()];
        for (int k = 0; k < votes.length; k++) {
            out[embedded[k]] = nameOfCode[votes[k]];
        }
        return out;
    }
}
