package org.cleanrank.spark;

import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.cleanrank.CleanRankException;
import org.cleanrank.cli.IdKeyedInputs;
import org.cleanrank.cli.LabelsOption;
import org.cleanrank.cli.OutputFolderOption;
import org.cleanrank.cli.PairsOption;
import org.cleanrank.cli.StderrProgress;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.detect.SelfCleanShares;
import org.cleanrank.io.RankingFiles;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.cleanrank.vectorization.VectorizationProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "selfclean",
        mixinStandardHelpOptions = true,
        description = {
            "SelfClean's three rankings, the all-pairs pass as a Spark job; the same files as ./cleanrank selfclean:",
            "DIR/near_duplicates.csv (rank,i,j,distance), DIR/off_topic.csv and, with labels, DIR/label_errors.csv"
                    + " (rank,index,score), with id columns when the rows have ids. The folder appears complete"
                    + " or not at all."
        })
final class SparkSelfCleanCommand implements Callable<Integer> {
    @Mixin
    SparkRunOptions run;

    @Mixin
    InputOptions input;

    @Mixin
    LabelsOption labels;

    @Mixin
    OutputFolderOption out;

    @Mixin
    PairsOption pairs;

    @Override
    public Integer call() throws java.io.IOException {
        if (pairs.count == SelfClean.ALL_PAIRS) {
            throw new CleanRankException("--pairs all: the Spark job keeps the K closest pairs (every pair would pass"
                    + " through the driver); give --pairs K, or run ./cleanrank selfclean --pairs all");
        }
        StderrProgress progress = run.progress();
        JobInput in = input.isNpy() ? input.readNpy(2, "ranking") : null;
        int[] lab = in == null || labels.path == null
                ? null
                : IdKeyedInputs.labels(labels.path, in.ids(), in.matrix().n());
        try (SparkSession spark = run.session("cleanrank selfclean");
                OutputFolder folder = new OutputFolder(out.dir)) {
            if (in == null) {
                in = input.readTable(spark, 2);
                lab = labels.path == null
                        ? null
                        : IdKeyedInputs.labels(
                                labels.path, in.ids(), in.matrix().n());
            }
            PackedEmbeddings m = in.matrix();
            int n = m.n();
            long k = pairs.count;
            EmbeddingKernels kernels = VectorizationProvider.getInstance().embeddingKernels();
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int block = DistributedPairPass.blockRows(jsc, n, run.blockRows);
            progress.message("loaded " + n + " x " + m.dim() + " from " + input.embeddings + "; Spark "
                    + spark.version() + " master " + jsc.master() + ", blocks of " + block + " rows; driver kernels "
                    + kernels.name() + " (" + VectorizationProvider.reason() + ")");
            SelfCleanShares.Merge merge = new SelfCleanShares.Merge(m, k, lab, kernels);
            Broadcast<SelfCleanShares.Inputs> shareInputs = jsc.broadcast(merge.shareInputs());
            DistributedPairPass.run(
                    jsc,
                    m,
                    block,
                    (DistributedPairPass.ShareTask<SelfCleanShares.Part>)
                            (share, local, threads) -> SelfCleanShares.compute(
                                    share,
                                    local,
                                    shareInputs.value(),
                                    VectorizationProvider.getInstance().embeddingKernels(),
                                    threads),
                    merge::add,
                    progress);
            shareInputs.destroy();
            SelfClean.Result r = merge.finish(Runtime.getRuntime().availableProcessors(), false, progress);
            RankingFiles.writePairs(folder.file("near_duplicates.csv"), r.nearDuplicates(), in.ids(), null);
            RankingFiles.writeSamples(folder.file("off_topic.csv"), r.offTopic(), in.ids(), null);
            if (r.labelErrors() != null) {
                RankingFiles.writeSamples(folder.file("label_errors.csv"), r.labelErrors(), in.ids(), null);
            } else {
                System.err.println("cleanrank: no label-error ranking: " + r.labelErrorsSkipped());
            }
            folder.commit();
            progress.message("wrote " + out.dir);
        }
        return 0;
    }
}
