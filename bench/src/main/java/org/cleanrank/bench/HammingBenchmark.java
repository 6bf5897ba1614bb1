package org.cleanrank.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cleanrank.hash.HammingNearDuplicates;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.vectorization.HammingKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * All-pairs Hamming distances of 100,000 64-bit hashes (5 billion pairs) with a top-100,000 ranking, both twins:
 * {@link Plain} under {@code -Dcleanrank.kernels=plain}, {@link Panama} under {@code -Dcleanrank.kernels=panama}
 * with {@code -Dcleanrank.kernels.hamming=panama} (the Panama provider keeps the plain Hamming twin otherwise).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgs = "-Xmx4g")
public abstract class HammingBenchmark {
    private long[] hashes;
    private HammingKernels kernels;

    @Fork(jvmArgsPrepend = AskedKernels.PLAIN, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Plain extends HammingBenchmark {}

    @Fork(
            jvmArgsPrepend = {AskedKernels.PANAMA, AskedKernels.PANAMA_HAMMING},
            jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Panama extends HammingBenchmark {}

    @Setup
    public void setup() {
        kernels = AskedKernels.provider(this).hammingKernels();
        Random r = new Random(1);
        hashes = new long[100_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = i % 10 == 0 && i > 0 ? hashes[i - 1] ^ (1L << r.nextInt(64)) : r.nextLong();
        }
    }

    @Benchmark
    public PairRanking top100kOf100k() {
        return HammingNearDuplicates.rank(hashes, 1, hashes.length, 100_000, false, 0, kernels, Progress.NONE);
    }
}
