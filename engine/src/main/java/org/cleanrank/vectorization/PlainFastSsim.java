package org.cleanrank.vectorization;

import org.cleanrank.parity.NumpySum;

/**
 * The scalar twin: product image, {@link FastSsimImage#boxMean box filter}, map and
 * {@link org.cleanrank.parity.NumpySum#sum(float[], int, int) pairwise mean}, step by step as the reference computes them, into
 * per-thread scratch buffers.
 */
final class PlainFastSsim extends FastSsimKernel {
    private static final class Scratch {
        int[] prod = new int[0];
        int[] rows = new int[0];
        float[] cross = new float[0];
        float[] map = new float[0];

        Scratch size(int n) {
            if (prod.length < n) {
                prod = new int[n];
                rows = new int[n];
                cross = new float[n];
                map = new float[n];
            }
            return this;
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public float score(FastSsimImage a, FastSsimImage b) {
        FastSsimImage.checkSameSize(a, b);
        int n = a.px.length;
        Scratch s = scratch.get().size(n);
        int[] prod = s.prod;
        for (int i = 0; i < n; i++) {
            prod[i] = a.px[i] * b.px[i];
        }
        float[] cross = s.cross;
        FastSsimImage.boxMean(prod, a.w, a.h, s.rows, cross);
        float[] map = s.map;
        for (int i = 0; i < n; i++) {
            float m12 = a.mu[i] * b.mu[i];
            float s12 = cross[i] - m12;
            float num = (2f * m12 + FastSsimImage.C1) * (2f * s12 + FastSsimImage.C2);
            float den = (a.muSq[i] + b.muSq[i] + FastSsimImage.C1) * (a.sigmaSq[i] + b.sigmaSq[i] + FastSsimImage.C2);
            map[i] = num / den;
        }
        return NumpySum.sum(map, 0, n) / (float) n;
    }
}
