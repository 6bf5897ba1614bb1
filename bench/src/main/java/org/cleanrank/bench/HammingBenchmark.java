package org.cleanrank.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cleanrank.hash.HammingKernelProvider;
import org.cleanrank.hash.HammingKernels;
import org.cleanrank.hash.HammingNearDuplicates;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
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
 * All-pairs Hamming distances of 100,000 64-bit hashes (5 billion pairs) with a top-100,000 ranking, both twins.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class HammingBenchmark {
    @Param({"plain", "panama"})
    public String twin;

    private long[] hashes;

    @Setup
    public void setup() {
        Random r = new Random(1);
        hashes = new long[100_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = i % 10 == 0 && i > 0 ? hashes[i - 1] ^ (1L << r.nextInt(64)) : r.nextLong();
        }
    }

    @Benchmark
    public PairRanking top100kOf100k() {
        HammingKernels k = twin.equals("plain") ? HammingKernelProvider.plain() : HammingKernelProvider.panamaOrNull();
        return HammingNearDuplicates.rank(hashes, 1, hashes.length, 100_000, false, 0, k, Progress.NONE);
    }
}
