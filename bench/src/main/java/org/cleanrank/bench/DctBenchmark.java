package org.cleanrank.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cleanrank.vectorization.LowFrequencyDct;
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
 * The pHash DCT stage alone (8 x 8 low-frequency block of a 32 x 32 image), plain vs Panama twin: hashes/us.
 * {@link Plain} and {@link Panama} measure the twin the production provider gives under
 * {@code -Dcleanrank.kernels=plain} and {@code panama}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class DctBenchmark {
    private LowFrequencyDct dct;
    private byte[] px;

    @Fork(jvmArgsPrepend = AskedKernels.PLAIN, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Plain extends DctBenchmark {}

    @Fork(jvmArgsPrepend = AskedKernels.PANAMA, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Panama extends DctBenchmark {}

    @Setup
    public void setup() {
        dct = AskedKernels.provider(this).lowFrequencyDct();
        px = new byte[32 * 32];
        new Random(5).nextBytes(px);
    }

    @Benchmark
    public double[] block() {
        return dct.block(px);
    }
}
