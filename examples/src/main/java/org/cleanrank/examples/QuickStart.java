package org.cleanrank.examples;

import java.nio.file.Path;
import java.util.Map;
import org.cleanrank.detect.AutoCleaning;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.io.Embeddings;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.Labels;
import org.cleanrank.knn.ExactKnn;
import org.cleanrank.knn.NeighbourLists;
import org.cleanrank.label.cl.ConfidentLearning;
import org.cleanrank.label.cl.LabeledProbabilities;
import org.cleanrank.label.classify.CrossValidatedProbabilities;
import org.cleanrank.label.noiserank.NoiseRank;
import org.cleanrank.outlier.PyodKnn;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * README's "Using the engine from Java", line for line: {@code QuickStart emb.npy labels.(npy|csv) truth.npy} runs it
 * and prints one line per step. The reactor compiles it and {@code QuickStartTest} runs it on a golden set.
 */
public final class QuickStart {
    private QuickStart() {}

    public static void main(String[] args) {
        Path emb = Path.of(args[0]);
        Path lab = Path.of(args[1]);
        // --- README snippet starts here ---
        PackedEmbeddings m = Embeddings.load(emb); // memory-mapped .npy, normalised
        int[] labels = Labels.load(lab, m.n()); // or null
        SelfClean.Result r = SelfClean.builder().topPairs(1000).build().run(m, labels);
        AutoCleaning.Report a = AutoCleaning.apply(
                r,
                m.n(),
                AutoCleaning.Settings.defaults(),
                AutoCleaning.pairDistances(
                        r, m, VectorizationProvider.getInstance().embeddingKernels(), 0, Progress.NONE));
        int[] truth = Labels.load(Path.of(args[2]), m.n()); // 1 = a real label error, per sample
        int[] truthInRankOrder = new int[r.labelErrors().size()];
        for (int k = 0; k < truthInRankOrder.length; k++) {
            truthInRankOrder[k] = truth[r.labelErrors().index(k)];
        }
        Map<String, Double> metrics = RankingMetrics.compute(truthInRankOrder);

        FloatMatrix x = FloatMatrix.load(emb); // raw float32 rows, as PyOD/cleanlab see them
        SampleRanking knn = PyodKnn.defaults().rank(x); // also PyodEcod, PyodHbos, PyodIForest
        SampleRanking nr = NoiseRank.builder().seed(42).build().rank(x, labels);
        NeighbourLists nn = ExactKnn.builder().k(10).build().selfSearch(m); // or .search(queries, m)
        double[][] p = CrossValidatedProbabilities.adaBoost(x, labels, 10, 0, 0, null); // CleanPatrick's classifier
        SampleRanking cl = new ConfidentLearning().rankAll(LabeledProbabilities.of(p, labels));
        // --- README snippet ends here ---
        System.out.println("near-duplicates: closest pair " + r.nearDuplicates().i(0) + ","
                + r.nearDuplicates().j(0));
        System.out.println("off-topic: most isolated row " + r.offTopic().index(0) + ", auto-cleaning flags "
                + a.offTopic().flagged());
        System.out.println(
                "label errors: most suspicious row " + r.labelErrors().index(0));
        System.out.println("label errors against the truth: AP " + metrics.get("AP"));
        System.out.println("PyOD KNN: " + knn.index(0) + ", NoiseRank: " + nr.index(0) + ", CL: " + cl.index(0));
        System.out.println("kNN: row 0's nearest other row " + nn.index(0, 0) + " at cosine " + nn.similarity(0, 0));
    }
}
