package org.cleanrank.bench;

import java.util.concurrent.TimeUnit;
import org.cleanrank.fixtures.SyntheticDataset;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pairwise tile kernel, one thread: one 128 x 128 tile of D = 384 per invocation. Score unit is
 * fused multiply-adds per microsecond (x 2 = MFLOP/s; / 1000 = GFMA/s). Compare with the machine's FMA peak
 * from the C yardstick {@code bench/native/fma_peak.sh} (12 independent FMA chains). {@link Plain} and {@link Panama} measure the twin the
 * production provider gives under {@code -Dcleanrank.kernels=plain} and {@code panama}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public abstract class PairKernelBenchmark {
    private static final int DIM = 384;
    private static final int TILE = PairEngine.TILE_PANELS * PackedEmbeddings.PANEL;

    private EmbeddingKernels kernels;
    private PackedEmbeddings m;
    private float[] out;

    @Fork(jvmArgsPrepend = AskedKernels.PLAIN, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Plain extends PairKernelBenchmark {}

    @Fork(jvmArgsPrepend = AskedKernels.PANAMA, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Panama extends PairKernelBenchmark {}

    /** The Panama twin on 256-bit vectors (half a panel per vector), as it runs on an AVX2-only CPU. */
    @Fork(
            jvmArgsPrepend = {AskedKernels.PANAMA, AskedKernels.AVX2_WIDTH},
            jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Panama256 extends Panama {}

    @Setup
    public void setup() {
        kernels = AskedKernels.provider(this).embeddingKernels();
        SyntheticDataset d = SyntheticDataset.generate(2 * TILE, DIM, 10, 1);
        m = PackedEmbeddings.normalise("bench", d.n(), d.dim(), d::readRow);
        out = new float[TILE * TILE];
    }

    @Benchmark
    @OperationsPerInvocation(TILE * TILE * DIM)
    public void tile(Blackhole bh) {
        kernels.distanceTile(
                m.panels(),
                m.dim(),
                0,
                PairEngine.TILE_PANELS,
                PairEngine.TILE_PANELS,
                2 * PairEngine.TILE_PANELS,
                out);
        bh.consume(out);
    }
}
