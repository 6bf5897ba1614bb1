package org.cleanrank.spark;

import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.cleanrank.CleanRankException;
import org.cleanrank.cli.StderrProgress;
import org.cleanrank.io.NpyWriter;
import org.cleanrank.knn.KnnShares;
import org.cleanrank.knn.NeighbourLists;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.VectorizationProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "knn",
        mixinStandardHelpOptions = true,
        description = {
            "Exact k nearest neighbours by cosine similarity of every row among the other rows (itself too with"
                    + " --include-self), the pair pass as a Spark job; the same files as ./cleanrank knn:",
            "DIR/indices.npy (int32, rows x k) and DIR/similarities.npy (float32, rows x k), sorted by similarity"
                    + " descending, equal similarities by ascending index, short lists padded with -1 and"
                    + " -3.4028235e38. The folder appears complete or not at all."
        })
final class SparkKnnCommand implements Callable<Integer> {
    @Mixin
    SparkRunOptions run;

    @Mixin
    InputOptions input;

    @Option(names = "--k", required = true, paramLabel = "K", description = "neighbours per row (>= 1)")
    int k;

    @Option(names = "--include-self", description = "each row is a candidate for its own list")
    boolean includeSelf;

    @Option(names = "--queries", paramLabel = "Q.npy", description = "not in the Spark job: use ./cleanrank knn")
    String queries;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created if missing)")
    java.nio.file.Path out;

    @Override
    public Integer call() throws java.io.IOException {
        if (k < 1) {
            throw new CleanRankException("--k " + k + ": expected a number of neighbours >= 1");
        }
        if (queries != null) {
            throw new CleanRankException(
                    "--queries: the Spark job runs self-search only; run ./cleanrank knn --queries");
        }
        StderrProgress progress = run.progress();
        JobInput in = input.isNpy() ? input.readNpy(1, "kNN") : null;
        try (SparkSession spark = run.session("cleanrank knn");
                OutputFolder folder = new OutputFolder(out)) {
            if (in == null) {
                in = input.readTable(spark, 1);
            }
            PackedEmbeddings m = in.matrix();
            int n = m.n();
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            int block = DistributedPairPass.blockRows(jsc, n, run.blockRows);
            progress.message("loaded " + n + " x " + m.dim() + " from " + input.embeddings + "; Spark "
                    + spark.version() + " master " + jsc.master() + ", blocks of " + block + " rows");
            int candidates = includeSelf ? n : n - 1;
            if (k > candidates) {
                progress.message("k = " + k + " > " + candidates + " candidates per row: lists padded with -1");
            }
            int kept = KnnShares.kept(n, k, includeSelf);
            KnnShares.Merge merge = new KnnShares.Merge(n, k, kept);
            boolean self = includeSelf;
            DistributedPairPass.run(
                    jsc,
                    m,
                    block,
                    (DistributedPairPass.ShareTask<KnnShares.Part>) (share, local, threads) -> KnnShares.compute(
                            share,
                            local,
                            kept,
                            self,
                            VectorizationProvider.getInstance().embeddingKernels(),
                            threads),
                    merge::add,
                    progress);
            NeighbourLists nn = merge.finish();
            NpyWriter.writeInt32(folder.file("indices.npy"), nn.indices(), nn.rows(), k);
            NpyWriter.writeFloat32(folder.file("similarities.npy"), nn.similarities(), nn.rows(), k);
            folder.commit();
            progress.message("wrote " + out.resolve("indices.npy") + " and similarities.npy");
        }
        return 0;
    }
}
