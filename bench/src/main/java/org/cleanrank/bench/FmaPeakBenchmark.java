package org.cleanrank.bench;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
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

/**
 * This machine's single-core float FMA peak as the JVM reaches it: twelve independent 256-bit FMA
 * chains that never touch memory (enough to cover FMA latency x throughput). Same unit as
 * {@link PairKernelBenchmark}: lane-FMAs per microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class FmaPeakBenchmark {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int STEPS = 1000;
    private static final int CHAINS = 12;

    private float a;
    private float b;

    @Setup
    public void setup() {
        a = 0.999f;
        b = 1e-4f;
    }

    @Benchmark
    @OperationsPerInvocation(STEPS * CHAINS * 8)
    public float peak() {
        FloatVector va = FloatVector.broadcast(S, a);
        FloatVector vb = FloatVector.broadcast(S, b);
        FloatVector c0 = FloatVector.zero(S),
                c1 = FloatVector.zero(S),
                c2 = FloatVector.zero(S),
                c3 = FloatVector.zero(S);
        FloatVector c4 = FloatVector.zero(S),
                c5 = FloatVector.zero(S),
                c6 = FloatVector.zero(S),
                c7 = FloatVector.zero(S);
        FloatVector c8 = FloatVector.zero(S),
                c9 = FloatVector.zero(S),
                c10 = FloatVector.zero(S),
                c11 = FloatVector.zero(S);
        for (int i = 0; i < STEPS; i++) {
            c0 = c0.fma(va, vb);
            c1 = c1.fma(va, vb);
            c2 = c2.fma(va, vb);
            c3 = c3.fma(va, vb);
            c4 = c4.fma(va, vb);
            c5 = c5.fma(va, vb);
            c6 = c6.fma(va, vb);
            c7 = c7.fma(va, vb);
            c8 = c8.fma(va, vb);
            c9 = c9.fma(va, vb);
            c10 = c10.fma(va, vb);
            c11 = c11.fma(va, vb);
        }
        return c0.add(c1)
                .add(c2)
                .add(c3)
                .add(c4)
                .add(c5)
                .add(c6)
                .add(c7)
                .add(c8)
                .add(c9)
                .add(c10)
                .add(c11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
