package org.cleanrank.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.Labels;
import org.cleanrank.io.NpyArray;
import org.cleanrank.label.cl.ConfidentLearning;
import org.cleanrank.label.cl.LabeledProbabilities;
import org.cleanrank.label.classify.CrossValidatedProbabilities;
import org.cleanrank.label.noiserank.NoiseRank;
import org.cleanrank.outlier.PyodEcod;
import org.cleanrank.outlier.PyodHbos;
import org.cleanrank.outlier.PyodIForest;
import org.cleanrank.outlier.PyodKnn;
import org.cleanrank.rank.SampleRanking;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each baseline on the golden cases (fixtures/golden/baselines, run from the repository root), the same
 * calls the reference timed ({@code reference_seconds} in each case's metrics.json): PyOD's four detectors
 * fit + scores + ranking, Confident Learning from the recorded out-of-fold probabilities (the filter and
 * the ranking) and end to end (10-fold AdaBoost + CL), NoiseRank end to end (k-means prototypes, vote,
 * dependence graph). All threads of the machine, as a user runs them.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BaselineBenchmark {
    @Param({"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    public String golden;

    private FloatMatrix x;
    private int[] labels;
    private LabeledProbabilities predProbs;
    private int threads;

    @Setup
    public void setup() {
        Path dir = Path.of("fixtures/golden/baselines", golden);
        x = FloatMatrix.load(dir.resolve("embeddings.npy"));
        labels = Labels.load(dir.resolve("labels.npy"), x.rows());
        try (NpyArray p = NpyArray.open(dir.resolve("cl_e2e_pred_probs.npy"));
                NpyArray l = NpyArray.open(dir.resolve("cl_e2e_reindexed_labels.npy"))) {
            int n = (int) p.shape()[0];
            int c = (int) p.shape()[1];
            double[] d = new double[n * c];
            for (int i = 0; i < d.length; i++) {
                d[i] = p.getDouble(i);
            }
            int[] lab = new int[n];
            for (int i = 0; i < n; i++) {
                lab[i] = (int) l.getLong(i);
            }
            predProbs = LabeledProbabilities.of(d, c, lab);
        }
        threads = Runtime.getRuntime().availableProcessors();
    }

    @Benchmark
    public SampleRanking knn() {
        return PyodKnn.builder().threads(threads).build().rank(x);
    }

    @Benchmark
    public SampleRanking ecod() {
        return PyodEcod.builder().threads(threads).build().rank(x);
    }

    @Benchmark
    public SampleRanking hbos() {
        return PyodHbos.builder().threads(threads).build().rank(x);
    }

    @Benchmark
    public SampleRanking iforest() {
        return PyodIForest.builder().seed(0).threads(threads).build().rank(x);
    }

    /** CleanLearning's filter + label quality + ranking from the probabilities AdaBoost produced. */
    @Benchmark
    public ConfidentLearning.Result clFromPredProbs() {
        return new ConfidentLearning().analyze(predProbs);
    }

    /** CleanPatrick's ConfidentLearningDetector end to end: 10-fold AdaBoost (SAMME.R, 50 stumps) + CL. */
    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public SampleRanking clEndToEnd() {
        int[] codes = predProbs.labels();
        double[][] p = CrossValidatedProbabilities.adaBoost(x, codes, 10, 0, threads, null);
        return new ConfidentLearning().rankAll(LabeledProbabilities.of(p, codes));
    }

    @Benchmark
    public SampleRanking noiseRank() {
        return NoiseRank.builder().seed(42).threads(threads).build().rank(x, labels);
    }

    /** For scale: SelfClean's three rankings on the same set (top 1,000 pairs). */
    @Benchmark
    public SelfClean.Result selfClean() {
        return SelfClean.builder()
                .threads(threads)
                .topPairs(1000)
                .build()
                .run(
                        org.cleanrank.io.Embeddings.load(
                                Path.of("fixtures/golden/baselines", golden, "embeddings.npy")),
                        labels);
    }
}
