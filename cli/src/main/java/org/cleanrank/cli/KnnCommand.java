package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.io.Embeddings;
import org.cleanrank.io.NpyWriter;
import org.cleanrank.knn.ExactKnn;
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
            "Exact k nearest neighbours by cosine similarity (FAISS IndexFlatIP on L2-normalised rows).",
            "Without --queries: every row of E against the other rows (itself too with --include-self).",
            "Writes DIR/indices.npy (int32, rows x k, 0-based rows of E) and DIR/similarities.npy (float32,"
                    + " rows x k, descending; equal similarities by ascending index). Short lists are padded"
                    + " with index -1 and similarity -3.4028235e38, as FAISS pads."
        })
final class KnnCommand implements Callable<Integer> {
    @Option(
            names = "--embeddings",
            required = true,
            paramLabel = "E.npy",
            description = "the base: N x D float32/float64 .npy")
    Path embeddings;

    @Option(
            names = "--queries",
            paramLabel = "Q.npy",
            description = "M x D rows to search for in the base (default: the base itself)")
    Path queries;

    @Option(names = "--k", required = true, paramLabel = "K", description = "neighbours per row (>= 1)")
    int k;

    @Option(names = "--include-self", description = "self-search: each row is a candidate for its own list")
    boolean includeSelf;

    @Mixin
    OutputFolderOption out;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        if (k < 1) {
            throw new CleanRankException("--k " + k + ": expected a number of neighbours >= 1");
        }
        if (queries != null && includeSelf) {
            throw new CleanRankException("--include-self applies to self-search only; drop it or --queries");
        }
        StderrProgress progress = run.progress();
        PackedEmbeddings base = Embeddings.load(embeddings, 1, "kNN");
        PackedEmbeddings q = queries == null ? base : Embeddings.load(queries, 1, "kNN");
        if (q.dim() != base.dim()) {
            throw new CleanRankException(queries + ": D = " + q.dim() + " but " + embeddings + " has D = " + base.dim()
                    + "; embed queries and base with the same model");
        }
        progress.message(
                "loaded " + base.n() + " x " + base.dim() + (queries == null ? "" : " and " + q.n() + " queries")
                        + "; kernels "
                        + VectorizationProvider.getInstance().embeddingKernels().name() + " ("
                        + VectorizationProvider.reason() + ")");
        int candidates = queries != null || includeSelf ? base.n() : base.n() - 1;
        if (k > candidates) {
            progress.message("k = " + k + " > " + candidates + " candidates per row: lists padded with -1");
        }
        ExactKnn knn = ExactKnn.builder()
                .k(k)
                .includeSelf(includeSelf)
                .threads(run.threadsOrAllCores())
                .progress(progress)
                .build();
        NeighbourLists nn = queries == null ? knn.selfSearch(base) : knn.search(q, base);
        NpyWriter.writeInt32(out.resolve("indices.npy"), nn.indices(), nn.rows(), k);
        NpyWriter.writeFloat32(out.resolve("similarities.npy"), nn.similarities(), nn.rows(), k);
        progress.message("wrote " + out.resolve("indices.npy") + " and similarities.npy");
        return 0;
    }
}
