package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.io.Embeddings;
import org.cleanrank.io.Labels;
import org.cleanrank.io.RankingFiles;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vector.KernelProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "selfclean",
        mixinStandardHelpOptions = true,
        description = {
            "SelfClean's three rankings on an embedding matrix, as CleanPatrick runs them.",
            "Writes DIR/near_duplicates.csv (rank,i,j,distance), DIR/off_topic.csv and, with labels,"
                    + " DIR/label_errors.csv (rank,index,score). Rows are 0-based."
        })
final class SelfCleanCommand implements Callable<Integer> {
    @Option(
            names = "--embeddings",
            required = true,
            paramLabel = "E.npy",
            description = "N x D float32/float64 .npy (memory-mapped)")
    Path embeddings;

    @Option(
            names = "--labels",
            paramLabel = "L.npy|L.csv",
            description = "one label per row: integer .npy, or CSV with a 'label' column")
    Path labels;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    Path out;

    @Option(
            names = "--pairs",
            defaultValue = "1000",
            paramLabel = "K|all",
            description =
                    "near-duplicate pairs to keep: the K closest (default ${DEFAULT-VALUE}) or 'all' (N(N-1)/2 rows)")
    String pairs;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (default: all cores)")
    int threads;

    @Option(names = "--quiet", description = "no progress on stderr")
    boolean quiet;

    @Override
    public Integer call() {
        long k = parsePairs(pairs);
        StderrProgress progress = new StderrProgress(!quiet);
        PackedEmbeddings m = Embeddings.load(embeddings);
        int[] lab = labels == null ? null : Labels.load(labels, m.n());
        progress.message("loaded " + m.n() + " x " + m.dim() + " from " + embeddings + "; kernels "
                + KernelProvider.get().name() + " (" + KernelProvider.reason() + ")");
        SelfClean.Result r = SelfClean.builder()
                .topPairs(k)
                .threads(threads)
                .progress(progress)
                .build()
                .run(m, lab);
        RankingFiles.writePairs(out.resolve("near_duplicates.csv"), r.nearDuplicates());
        RankingFiles.writeSamples(out.resolve("off_topic.csv"), r.offTopic());
        if (r.labelErrors() != null) {
            RankingFiles.writeSamples(out.resolve("label_errors.csv"), r.labelErrors());
        } else {
            System.err.println("cleanrank: no label-error ranking: " + r.labelErrorsSkipped());
        }
        progress.message("wrote " + out);
        return 0;
    }

    static long parsePairs(String s) {
        if (s.equalsIgnoreCase("all")) {
            return SelfClean.ALL_PAIRS;
        }
        try {
            long k = Long.parseLong(s.trim());
            if (k < 0 || k > Integer.MAX_VALUE - 16) {
                throw new NumberFormatException();
            }
            return k;
        } catch (NumberFormatException e) {
            throw new CleanRankException("--pairs " + s + ": expected a count >= 0 or 'all'");
        }
    }
}
