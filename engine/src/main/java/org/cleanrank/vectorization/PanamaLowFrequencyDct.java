package org.cleanrank.vectorization;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The SIMD twin of {@link LowFrequencyDct}: eight chains side by side, two 4-lane double vectors. */
final class PanamaLowFrequencyDct extends LowFrequencyDct {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    @Override
    public String name() {
        return "panama";
    }

    @Override
    public double[] block(byte[] px) {
        double[] t = new double[N * K];
        for (int r = 0; r < N; r++) {
            DoubleVector lo = DoubleVector.zero(S);
            DoubleVector hi = DoubleVector.zero(S);
            for (int j = 0; j < N; j++) {
                DoubleVector x = DoubleVector.broadcast(S, px[r * N + j] & 0xFF);
                lo = lo.add(x.mul(DoubleVector.fromArray(S, BASIS_T, j * K)));
                hi = hi.add(x.mul(DoubleVector.fromArray(S, BASIS_T, j * K + 4)));
            }
            lo.intoArray(t, r * K);
            hi.intoArray(t, r * K + 4);
        }
        snapFirstPass(px, t);
        double[] c = new double[K * K];
        for (int k = 0; k < K; k++) {
            DoubleVector lo = DoubleVector.zero(S);
            DoubleVector hi = DoubleVector.zero(S);
            for (int n = 0; n < N; n++) {
                DoubleVector b = DoubleVector.broadcast(S, BASIS[k * N + n]);
                lo = lo.add(b.mul(DoubleVector.fromArray(S, t, n * K)));
                hi = hi.add(b.mul(DoubleVector.fromArray(S, t, n * K + 4)));
            }
            lo.intoArray(c, k * K);
            hi.intoArray(c, k * K + 4);
        }
        snapSecondPass(t, c);
        return c;
    }
}
