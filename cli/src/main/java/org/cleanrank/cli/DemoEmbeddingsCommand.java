package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.fixtures.SyntheticDataset;
import org.cleanrank.io.NpyWriter;
import org.cleanrank.io.RankingFiles;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.VectorizationProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo-embeddings",
        mixinStandardHelpOptions = true,
        description = {
            "SelfClean at scale on a synthetic embedding set (embeddings only, no images).",
            "A seeded synthetic CleanPatrick-like embedding set (default 2,000 x 384, 20 classes, planted"
                    + " near-duplicates, off-topic samples and label errors), SelfClean's three rankings, and"
                    + " CleanPatrick's metric table per issue type. --out writes the set (.npy) and the rankings"
                    + " (the input of bench/reference/time_selfclean.py)."
        })
final class DemoEmbeddingsCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "also write the dataset (.npy) and the rankings (.csv) here")
    Path out;

    @Option(names = "--n", defaultValue = "2000", paramLabel = "N", description = "samples (default ${DEFAULT-VALUE})")
    int n;

    @Option(
            names = "--dim",
            defaultValue = "384",
            paramLabel = "D",
            description = "embedding dimension (default ${DEFAULT-VALUE})")
    int dim;

    @Mixin
    DemoSeedOption seed;

    @Option(
            names = "--pairs",
            defaultValue = "all",
            paramLabel = "K|all",
            converter = PairsOption.Count.class,
            description =
                    "near-duplicate pairs to rank: 'all' (default; the near-duplicate metrics then cover every pair) or the K closest")
    long pairs;

    @Option(
            names = "--write-only",
            description =
                    "only write the set (.npy files) to --out, without running SelfClean: how the scaling benchmark makes its inputs")
    boolean writeOnly;

    @Override
    public Integer call() {
        if (n < 10 || dim < 2) {
            throw new CleanRankException("--n " + n + " --dim " + dim + ": the synthetic set needs --n 10 or more"
                    + " samples and --dim 2 or more");
        }
        if (writeOnly && out == null) {
            throw new CleanRankException("--write-only writes the set to --out DIR; give --out");
        }
        SyntheticDataset d = SyntheticDataset.generate(n, dim, 20, seed.value);
        StderrProgress progress = run.progress();
        if (writeOnly) {
            writeSet(d);
            progress.message("wrote the " + n + " x " + dim + " set to " + out);
            return 0;
        }
        progress.message("kernels "
                + VectorizationProvider.getInstance().embeddingKernels().name() + "; synthetic set " + n + " x " + dim
                + ", seed " + seed.value);
        PackedEmbeddings m = PackedEmbeddings.normalise("synthetic", d.n(), d.dim(), d::readRow);
        long t0 = System.nanoTime();
        SelfClean.Result r = SelfClean.builder()
                .topPairs(pairs)
                .threads(run.threadsOrAllCores())
                .progress(progress)
                .build()
                .run(m, d.labels());
        double secs = (System.nanoTime() - t0) / 1e9;

        PairRanking nd = r.nearDuplicates();
        int[] ndTruth = new int[nd.size()];
        for (int k = 0; k < nd.size(); k++) {
            ndTruth[k] = d.nearDuplicate(nd.i(k), nd.j(k)) ? 1 : 0;
        }
        Map<String, Double> ndM = RankingMetrics.compute(ndTruth);
        Map<String, Double> otM = RankingMetrics.compute(inOrder(r.offTopic(), d.offTopic()));
        Map<String, Double> leM = RankingMetrics.compute(inOrder(r.labelErrors(), d.labelError()));

        System.out.printf("SelfClean on the synthetic CleanPatrick-like set (N=%d, D=%d): %.2f s%n%n", n, dim, secs);
        System.out.printf("%-18s %10s %10s %10s%n", "metric", "near-dup", "off-topic", "label-err");
        for (String key : ndM.keySet()) {
            if (key.equals("n")) {
                continue;
            }
            System.out.printf("%-18s %10.4f %10.4f %10.4f%n", key, ndM.get(key), value(otM, key), value(leM, key));
        }
        System.out.printf(
                "%-18s %10d %10d %10d%n",
                "ranked items", nd.size(), r.offTopic().size(), r.labelErrors().size());
        if (out != null) {
            writeSet(d);
            RankingFiles.writeAtomically(out.resolve("truth_samples.csv"), w -> {
                w.write("index,off_topic,label_error,clique\n");
                for (int i = 0; i < d.n(); i++) {
                    w.write(i + "," + d.offTopic()[i] + "," + d.labelError()[i] + "," + d.ndClique()[i] + "\n");
                }
            });
            RankingFiles.writePairs(out.resolve("near_duplicates.csv"), nd);
            RankingFiles.writeSamples(out.resolve("off_topic.csv"), r.offTopic());
            RankingFiles.writeSamples(out.resolve("label_errors.csv"), r.labelErrors());
            progress.message("wrote dataset and rankings to " + out);
        }
        return 0;
    }

    private void writeSet(SyntheticDataset d) {
        NpyWriter.writeFloat32(out.resolve("embeddings.npy"), d.embeddings(), d.n(), d.dim());
        NpyWriter.writeInt32(out.resolve("labels.npy"), d.labels(), d.n());
        NpyWriter.writeInt32(out.resolve("truth_off_topic.npy"), d.offTopic(), d.n());
        NpyWriter.writeInt32(out.resolve("truth_label_error.npy"), d.labelError(), d.n());
        NpyWriter.writeInt32(out.resolve("truth_nd_clique.npy"), d.ndClique(), d.n());
    }

    private static double value(Map<String, Double> m, String k) {
        Double v = m.get(k);
        return v == null ? Double.NaN : v;
    }

    private static int[] inOrder(SampleRanking r, int[] truth) {
        int[] t = new int[r.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = truth[r.index(k)];
        }
        return t;
    }
}
