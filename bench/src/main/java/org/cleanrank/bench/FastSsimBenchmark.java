package org.cleanrank.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.vectorization.FastSsimKernel;
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
 * CleanPatrick's fast SSIM, plain vs Panama twin (bit-identical). {@link #allPairs2000}: all 1,999,000
 * pairs of 2,000 random 64x64 thumbnails ({@code Random(1).nextBytes} per thumbnail) on all cores,
 * single shot; the reference's Python loop takes 222 s for this on this machine. {@link #pairsOneThread}:
 * one thread's kernel throughput (all 2,016 pairs of 64 thumbnails per operation, data in cache),
 * reported in pairs per microsecond. {@link Plain} and {@link Panama} measure the twin the production provider
 * gives under {@code -Dcleanrank.kernels=plain} and {@code panama}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = "-Xmx4g")
public abstract class FastSsimBenchmark {
    static final int SMALL = 64;
    static final int SMALL_PAIRS = SMALL * (SMALL - 1) / 2;

    private List<Raster8> thumbs;
    private FastSsimKernel kernel;
    private FastSsim.Prepared small;

    @Fork(jvmArgsPrepend = AskedKernels.PLAIN, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Plain extends FastSsimBenchmark {}

    @Fork(jvmArgsPrepend = AskedKernels.PANAMA, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Panama extends FastSsimBenchmark {}

    @Setup
    public void setup() {
        kernel = AskedKernels.provider(this).fastSsim();
        thumbs = RandomThumbnails.first(2000);
        small = FastSsim.prepare(thumbs.subList(0, SMALL), kernel);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public float[] allPairs2000() {
        return FastSsim.distanceMatrix(thumbs, Runtime.getRuntime().availableProcessors(), kernel);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(SMALL_PAIRS)
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public void pairsOneThread(Blackhole bh) {
        for (int i = 1; i < SMALL; i++) {
            for (int j = 0; j < i; j++) {
                bh.consume(small.distance(i, j));
            }
        }
    }
}
