package org.cleanrank.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.SkimageSsim;
import org.cleanrank.vectorization.SkimageSsimKernel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * scikit-image SSIM (uniform defaults and the Gaussian variant), plain vs Panama twin (bit-identical): all
 * 2,016 pairs of 64 random 64 x 64 thumbnails ({@code Random(1).nextBytes}) on one thread per operation,
 * reported in pairs per microsecond. {@link Plain} and {@link Panama} measure the twin the production provider
 * gives under {@code -Dcleanrank.kernels=plain} and {@code panama}.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = "-Xmx2g")
public abstract class SkimageSsimBenchmark {
    static final int N = 64;

    @Param({"uniform", "gaussian"})
    public String variant;

    private List<Raster8> thumbs;
    private SkimageSsimKernel kernel;
    private SkimageSsim cfg;

    @Fork(jvmArgsPrepend = AskedKernels.PLAIN, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Plain extends SkimageSsimBenchmark {}

    @Fork(jvmArgsPrepend = AskedKernels.PANAMA, jvmArgsAppend = AskedKernels.VECTOR_MODULE)
    public static class Panama extends SkimageSsimBenchmark {}

    @Setup
    public void setup() {
        kernel = AskedKernels.provider(this).skimageSsim();
        cfg = variant.equals("uniform") ? SkimageSsim.UNIFORM : SkimageSsim.GAUSSIAN;
        thumbs = RandomThumbnails.first(N);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(N * (N - 1) / 2)
    public double[] allPairsOneThread() {
        return cfg.distanceMatrix(thumbs, 1, kernel);
    }
}
