package org.cleanrank.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.cleanrank.image.cv.LowFrequencyDct;
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

/** The pHash DCT stage alone (8 x 8 low-frequency block of a 32 x 32 image), plain vs Panama twin: hashes/us. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DctBenchmark {
    @Param({"plain", "panama"})
    public String twin;

    private LowFrequencyDct dct;
    private byte[] px;

    @Setup
    public void setup() {
        dct = twin.equals("plain") ? LowFrequencyDct.plain() : LowFrequencyDct.best();
        px = new byte[32 * 32];
        new Random(5).nextBytes(px);
    }

    @Benchmark
    public double[] block() {
        return dct.block(px);
    }
}
