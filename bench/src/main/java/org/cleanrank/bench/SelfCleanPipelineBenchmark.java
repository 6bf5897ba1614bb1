package org.cleanrank.bench;

import java.util.concurrent.TimeUnit;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.fixtures.SyntheticDataset;
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
 * SelfClean's three rankings end to end (all cores) on the synthetic CleanPatrick-like set at
 * Fitzpatrick17k's size: N = 16,577, D = 384, the demo generator (20 classes, seed 42), so `./cleanrank demo --n 16577 --out DIR` writes the same data for the reference run. {@code pairs = -1} is the full ranking of
 * all 137 million pairs (what the reference computes); 100000 keeps the top 100,000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx8g"})
public class SelfCleanPipelineBenchmark {
    @Param({"16577"})
    public int n;

    @Param({"100000", "-1"})
    public long pairs;

    private PackedEmbeddings m;
    private int[] labels;

    @Setup
    public void setup() {
        SyntheticDataset d = SyntheticDataset.generate(n, 384, 20, 42); // = ./cleanrank demo --n N --out DIR
        m = PackedEmbeddings.normalise("bench", d.n(), d.dim(), d::readRow);
        labels = d.labels();
    }

    @Benchmark
    public SelfClean.Result selfclean() {
        return SelfClean.builder().topPairs(pairs).build().run(m, labels);
    }
}
