package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.dataset.RowIds;
import org.cleanrank.detect.AutoCleaning;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.io.Embeddings;
import org.cleanrank.io.RankingFiles;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.VectorizationProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "selfclean",
        mixinStandardHelpOptions = true,
        description = {
            "SelfClean's three rankings on an embedding matrix, as CleanPatrick runs them.",
            "Writes DIR/near_duplicates.csv (rank,i,j,distance), DIR/off_topic.csv and, with labels,"
                    + " DIR/label_errors.csv (rank,index,score). Rows are 0-based; with --ids each file also"
                    + " names them (id_i,id_j / id). With --auto-cleaning each file gets an auto_issue column"
                    + " (1 = flagged by SelfClean's automatic cleaning) and DIR/auto_cleaning.json the decision."
        })
final class SelfCleanCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(
            names = "--embeddings",
            required = true,
            paramLabel = "E.npy",
            description = "N x D float32/float64 .npy (memory-mapped)")
    Path embeddings;

    @Mixin
    LabelsOption labels;

    @Mixin
    IdsOption ids;

    @Option(
            names = "--auto-cleaning",
            description = "SelfClean's automatic cleaning (auto_cleaning=True): flag the items its fraction_cut"
                    + " rule decides on, per issue type")
    boolean autoCleaning;

    @Option(
            names = "--near-duplicate-cut-off",
            defaultValue = "0.01",
            paramLabel = "A",
            description = "--auto-cleaning: contamination guess alpha for near-duplicates, in (0, 1) (squared over"
                    + " the N(N-1)/2 pairs; default ${DEFAULT-VALUE})")
    double nearDuplicateCutOff;

    @Option(
            names = "--off-topic-cut-off",
            defaultValue = "0.01",
            paramLabel = "A",
            description = "--auto-cleaning: alpha for off-topic samples, in (0, 1) (default ${DEFAULT-VALUE})")
    double offTopicCutOff;

    @Option(
            names = "--label-error-cut-off",
            defaultValue = "0.01",
            paramLabel = "A",
            description = "--auto-cleaning: alpha for label errors, in (0, 1) (default ${DEFAULT-VALUE})")
    double labelErrorCutOff;

    @Option(
            names = "--significance-level",
            defaultValue = "0.05",
            paramLabel = "Q",
            description = "--auto-cleaning: significance level q, in (0, 1] (default ${DEFAULT-VALUE})")
    double significanceLevel;

    @Mixin
    OutputFolderOption out;

    @Mixin
    PairsOption pairs;

    @Override
    public Integer call() {
        AutoCleaning.Settings auto = autoCleaning ? autoCleaningSettings() : null;
        StderrProgress progress = run.progress();
        PackedEmbeddings m = Embeddings.load(embeddings);
        RowIds rowIds = IdKeyedInputs.ids(ids.path, m.n());
        int[] lab = labels.path == null ? null : IdKeyedInputs.labels(labels.path, rowIds, m.n());
        progress.message("loaded " + m.n() + " x " + m.dim() + " from " + embeddings + "; kernels "
                + VectorizationProvider.getInstance().embeddingKernels().name() + " (" + VectorizationProvider.reason()
                + ")");
        SelfClean.Result r = SelfClean.builder()
                .topPairs(pairs.count)
                .threads(run.threadsOrAllCores())
                .progress(progress)
                .build()
                .run(m, lab);
        AutoCleaning.Report a = null;
        if (auto != null) {
            int t = run.threadCount();
            a = AutoCleaning.apply(
                    r,
                    m.n(),
                    auto,
                    AutoCleaning.pairDistances(
                            r, m, VectorizationProvider.getInstance().embeddingKernels(), t, progress));
            AutoCleaningJson.write(out.resolve("auto_cleaning.json"), a);
            progress.message("auto-cleaning flagged " + a.nearDuplicates().flagged() + " near-duplicate pairs, "
                    + a.offTopic().flagged() + " off-topic samples"
                    + (a.labelErrors() == null ? "" : ", " + a.labelErrors().flagged() + " label errors"));
        }
        RankingFiles.writePairs(
                out.resolve("near_duplicates.csv"),
                r.nearDuplicates(),
                rowIds,
                a == null ? null : a.nearDuplicates().flaggedRanks());
        RankingFiles.writeSamples(
                out.resolve("off_topic.csv"),
                r.offTopic(),
                rowIds,
                a == null ? null : a.offTopic().flaggedRanks());
        if (r.labelErrors() != null) {
            RankingFiles.writeSamples(
                    out.resolve("label_errors.csv"),
                    r.labelErrors(),
                    rowIds,
                    a == null ? null : a.labelErrors().flaggedRanks());
        } else {
            System.err.println("cleanrank: no label-error ranking: " + r.labelErrorsSkipped());
        }
        progress.message("wrote " + out.dir);
        return 0;
    }

    private AutoCleaning.Settings autoCleaningSettings() {
        try {
            return new AutoCleaning.Settings(nearDuplicateCutOff, offTopicCutOff, labelErrorCutOff, significanceLevel);
        } catch (IllegalArgumentException e) {
            throw new CleanRankException("--auto-cleaning: " + e.getMessage());
        }
    }
}
