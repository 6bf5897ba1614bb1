package org.cleanrank.vectorization;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin (jdk.incubator.vector, 256-bit float vectors = one panel of eight points).
 *
 * <p>The tile kernel is a register-blocked outer product: four points of one panel (broadcast) times
 * two panels (sixteen points) gives eight independent accumulators, six loads per eight FMAs. Each lane
 * of each accumulator is exactly the plain twin's FMA chain for one pair, so results are bit-identical
 * to {@link PlainEmbeddingKernels}.
 */
final class PanamaEmbeddingKernels implements EmbeddingKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int W = PANEL;
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector TWO = FloatVector.broadcast(S, 2f);
    private static final FloatVector ZERO = FloatVector.zero(S);

    PanamaEmbeddingKernels() {
        if (S.length() != W) {
            throw new IllegalStateException("panel width " + W + " != vector length " + S.length());
        }
    }

    @Override
    public String name() {
        return "panama-" + S.length() + "x32";
    }

    @Override
    public float distance(float[] p, int dim, int a, int b) {
        return SelfCleanDistance.fromSimilarity(PlainEmbeddingKernels.similarity(p, a, p, b, dim));
    }

    private static FloatVector toDistance(FloatVector sim) {
        return ONE.sub(sim.add(ONE).div(TWO)).max(ZERO).min(ONE);
    }

    @Override
    public void distanceTile(float[] panels, int dim, int pi0, int pi1, int pj0, int pj1, float[] out) {
        tile(panels, pi0, pi1, panels, pj0, pj1, dim, out, true);
    }

    @Override
    public void similarityTile(float[] a, int pi0, int pi1, float[] b, int pj0, int pj1, int dim, float[] out) {
        tile(a, pi0, pi1, b, pj0, pj1, dim, out, false);
    }

    /** Rows from panels {@code pa}, columns from {@code pb}; {@code distance} picks the output transform. */
    private static void tile(
            float[] pa, int pi0, int pi1, float[] pb, int pj0, int pj1, int dim, float[] out, boolean distance) {
        int width = (pj1 - pj0) * W;
        for (int pi = pi0; pi < pi1; pi++) {
            int aBase = pi * dim * W;
            for (int c0 = 0; c0 < W; c0 += 4) {
                int rowOut = ((pi - pi0) * W + c0) * width;
                int pj = pj0;
                for (; pj + 1 < pj1; pj += 2) {
                    block4x2(
                            pa,
                            aBase + c0,
                            pb,
                            pj * dim * W,
                            (pj + 1) * dim * W,
                            dim,
                            out,
                            rowOut + (pj - pj0) * W,
                            width,
                            distance);
                }
                if (pj < pj1) {
                    block4x1(pa, aBase + c0, pb, pj * dim * W, dim, out, rowOut + (pj - pj0) * W, width, distance);
                }
            }
        }
    }

    private static void store(FloatVector sim, boolean distance, float[] out, int o) {
        (distance ? toDistance(sim) : sim).intoArray(out, o);
    }

    private static void block4x2(
            float[] pa, int a, float[] pb, int b0, int b1, int dim, float[] out, int o, int width, boolean distance) {
        FloatVector c00 = FloatVector.zero(S),
                c01 = FloatVector.zero(S),
                c10 = FloatVector.zero(S),
                c11 = FloatVector.zero(S),
                c20 = FloatVector.zero(S),
                c21 = FloatVector.zero(S),
                c30 = FloatVector.zero(S),
                c31 = FloatVector.zero(S);
        for (int k = 0; k < dim; k++) {
            int kw = k * W;
            FloatVector v0 = FloatVector.fromArray(S, pb, b0 + kw);
            FloatVector v1 = FloatVector.fromArray(S, pb, b1 + kw);
            FloatVector a0 = FloatVector.broadcast(S, pa[a + kw]);
            FloatVector a1 = FloatVector.broadcast(S, pa[a + kw + 1]);
            FloatVector a2 = FloatVector.broadcast(S, pa[a + kw + 2]);
            FloatVector a3 = FloatVector.broadcast(S, pa[a + kw + 3]);
            c00 = a0.fma(v0, c00);
            c01 = a0.fma(v1, c01);
            c10 = a1.fma(v0, c10);
            c11 = a1.fma(v1, c11);
            c20 = a2.fma(v0, c20);
            c21 = a2.fma(v1, c21);
            c30 = a3.fma(v0, c30);
            c31 = a3.fma(v1, c31);
        }
        store(c00, distance, out, o);
        store(c01, distance, out, o + W);
        store(c10, distance, out, o + width);
        store(c11, distance, out, o + width + W);
        store(c20, distance, out, o + 2 * width);
        store(c21, distance, out, o + 2 * width + W);
        store(c30, distance, out, o + 3 * width);
        store(c31, distance, out, o + 3 * width + W);
    }

    private static void block4x1(
            float[] pa, int a, float[] pb, int b0, int dim, float[] out, int o, int width, boolean distance) {
        FloatVector c0 = FloatVector.zero(S),
                c1 = FloatVector.zero(S),
                c2 = FloatVector.zero(S),
                c3 = FloatVector.zero(S);
        for (int k = 0; k < dim; k++) {
            int kw = k * W;
            FloatVector v0 = FloatVector.fromArray(S, pb, b0 + kw);
            c0 = FloatVector.broadcast(S, pa[a + kw]).fma(v0, c0);
            c1 = FloatVector.broadcast(S, pa[a + kw + 1]).fma(v0, c1);
            c2 = FloatVector.broadcast(S, pa[a + kw + 2]).fma(v0, c2);
            c3 = FloatVector.broadcast(S, pa[a + kw + 3]).fma(v0, c3);
        }
        store(c0, distance, out, o);
        store(c1, distance, out, o + width);
        store(c2, distance, out, o + 2 * width);
        store(c3, distance, out, o + 3 * width);
    }

    @Override
    public void distanceRow(float[] x, float[] panels, int dim, int p0, int p1, float[] out) {
        int stride = dim * W;
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            int b = p * stride;
            FloatVector c0 = FloatVector.zero(S),
                    c1 = FloatVector.zero(S),
                    c2 = FloatVector.zero(S),
                    c3 = FloatVector.zero(S);
            for (int k = 0; k < dim; k++) {
                FloatVector xv = FloatVector.broadcast(S, x[k]);
                int kw = b + k * W;
                c0 = xv.fma(FloatVector.fromArray(S, panels, kw), c0);
                c1 = xv.fma(FloatVector.fromArray(S, panels, kw + stride), c1);
                c2 = xv.fma(FloatVector.fromArray(S, panels, kw + 2 * stride), c2);
                c3 = xv.fma(FloatVector.fromArray(S, panels, kw + 3 * stride), c3);
            }
            int o = (p - p0) * W;
            toDistance(c0).intoArray(out, o);
            toDistance(c1).intoArray(out, o + W);
            toDistance(c2).intoArray(out, o + 2 * W);
            toDistance(c3).intoArray(out, o + 3 * W);
        }
        for (; p < p1; p++) {
            int b = p * stride;
            FloatVector c0 = FloatVector.zero(S);
            for (int k = 0; k < dim; k++) {
                c0 = FloatVector.broadcast(S, x[k]).fma(FloatVector.fromArray(S, panels, b + k * W), c0);
            }
            toDistance(c0).intoArray(out, (p - p0) * W);
        }
    }
}
