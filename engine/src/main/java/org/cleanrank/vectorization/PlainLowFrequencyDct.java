package org.cleanrank.vectorization;

/** The plain twin of {@link LowFrequencyDct}: one multiply-then-add chain per coefficient. */
final class PlainLowFrequencyDct extends LowFrequencyDct {
    @Override
    public String name() {
        return "plain";
    }

    @Override
    public double[] block(byte[] px) {
        double[] t = new double[N * K];
        for (int r = 0; r < N; r++) {
            for (int k = 0; k < K; k++) {
                double s = 0;
                for (int j = 0; j < N; j++) {
                    s = s + (px[r * N + j] & 0xFF) * BASIS_T[j * K + k];
                }
                t[r * K + k] = s;
            }
        }
        snapFirstPass(px, t);
        double[] c = new double[K * K];
        for (int k = 0; k < K; k++) {
            for (int l = 0; l < K; l++) {
                double s = 0;
                for (int n = 0; n < N; n++) {
                    s = s + BASIS[k * N + n] * t[n * K + l];
                }
                c[k * K + l] = s;
            }
        }
        snapSecondPass(t, c);
        return c;
    }
}
