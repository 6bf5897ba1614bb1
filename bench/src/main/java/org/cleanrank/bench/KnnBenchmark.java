package org.cleanrank.bench;

import java.util.concurrent.TimeUnit;
import org.cleanrank.fixtures.SyntheticDataset;
import org.cleanrank.knn.ExactKnn;
import org.cleanrank.knn.NeighbourLists;
import org.cleanrank.pairs.PackedEmbeddings;
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
 * Exact kNN self-search (self excluded), all cores, on the synthetic CleanPatrick-like set: the issue's
 * target is N = 50,000, D = 384, k = 10 against FAISS {@code IndexFlatIP}'s search call
 * ({@code bench/reference/time_faiss_knn.py}). {@code threads = 1} with {@code n = 10000} isolates the
 * per-core cost of the pass (kernel plus the per-row top-k) for comparison with
 * {@link PairKernelBenchmark}'s kernel alone: the pass does N(N+1)/2 x D multiply-adds.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class KnnBenchmark {
    @Param({"50000", "10000"})
    public int n;

    @Param({"10"})
    public int k;

    @Param({"0", "1"})
    public int threads;

    private PackedEmbeddings m;

    @Setup
    public void setup() {
        SyntheticDataset d = SyntheticDataset.generate(n, 384, 20, 42);
        m = PackedEmbeddings.normalise("bench", d.n(), d.dim(), d::readRow);
    }

    /** One whole search per measurement: seconds, the first run (JIT warm-up) discarded. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public NeighbourLists selfSearch() {
        return ExactKnn.builder().k(k).threads(threads).build().selfSearch(m);
    }
}
