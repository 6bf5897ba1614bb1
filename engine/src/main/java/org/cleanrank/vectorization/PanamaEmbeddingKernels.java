package org.cleanrank.vectorization;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin (jdk.incubator.vector, the CPU's preferred float vectors: 512-bit = one panel of sixteen
 * points per vector where the CPU has AVX-512, 256-bit = half a panel on AVX2).
 *
 * <p>The tile kernel is a register-blocked outer product: four points of one panel (broadcast) times two
 * column vectors (both halves of one panel on 256-bit vectors, two whole panels on 512-bit ones) gives
 * eight independent accumulators, six loads per eight FMAs (on 512-bit vectors an 8 x 2 block: sixteen
 * accumulators, ten loads per sixteen FMAs). Each lane of each accumulator is exactly the
 * plain twin's FMA chain for one pair, so results are bit-identical to {@link PlainEmbeddingKernels} at
 * every vector width.
 */
final class PanamaEmbeddingKernels implements EmbeddingKernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int W = PANEL;
    /** Lanes per vector: W (512-bit) or W / 2 (256-bit). */
    private static final int L = S.length();
    /** 512-bit vectors: AVX-512 has 32 vector registers, enough for an 8 x 2 block of accumulators. */
    private static final boolean WIDE = L == W;

    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final FloatVector TWO = FloatVector.broadcast(S, 2f);
    private static final FloatVector ZERO = FloatVector.zero(S);

    PanamaEmbeddingKernels() {
        if (W % L != 0 || L < 8) {
            throw new UnsupportedOperationException("panel width " + W + " does not split into " + L + "-lane vectors");
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
        int vectors = width / L;
        for (int pi = pi0; pi < pi1; pi++) {
            int aBase = pi * dim * W;
            for (int c0 = 0; c0 < W; c0 += 4) {
                int rowOut = ((pi - pi0) * W + c0) * width;
                int v = 0;
                if (WIDE && (c0 & 4) == 0) {
                    // 32 registers: eight rows at once, then skip the next four
                    for (; v + 1 < vectors; v += 2) {
                        block8x2(
                                pa,
                                aBase + c0,
                                pb,
                                columnBase(pj0, v, dim),
                                columnBase(pj0, v + 1, dim),
                                dim,
                                out,
                                rowOut + v * L,
                                width,
                                distance);
                    }
                    if (v < vectors) {
                        int b = columnBase(pj0, v, dim);
                        block4x1(pa, aBase + c0, pb, b, dim, out, rowOut + v * L, width, distance);
                        block4x1(pa, aBase + c0 + 4, pb, b, dim, out, rowOut + 4 * width + v * L, width, distance);
                    }
                    c0 += 4;
                    continue;
                }
                for (; v + 1 < vectors; v += 2) {
                    block4x2(
                            pa,
                            aBase + c0,
                            pb,
                            columnBase(pj0, v, dim),
                            columnBase(pj0, v + 1, dim),
                            dim,
                            out,
                            rowOut + v * L,
                            width,
                            distance);
                }
                if (v < vectors) {
                    block4x1(pa, aBase + c0, pb, columnBase(pj0, v, dim), dim, out, rowOut + v * L, width, distance);
                }
            }
        }
    }

    /** Offset of column vector {@code v} (counted from panel {@code pj0}) at dimension 0. */
    private static int columnBase(int pj0, int v, int dim) {
        int point = v * L;
        return (pj0 + point / W) * dim * W + point % W;
    }

    private static void store(FloatVector sim, boolean distance, float[] out, int o) {
        (distance ? toDistance(sim) : sim).intoArray(out, o);
    }

    /**
     * Keep this one method with its stores inline and its accumulators starting from {@code FloatVector.zero}:
     * moving the stores into a helper, or starting from a shared constant, made C2 stop intrinsifying it
     * (measured: 4.3-4.5 instead of 52-56 G lane-FMA/s), so the repetition is the price of the speed.
     */
    private static void block8x2(
            float[] pa, int a, float[] pb, int b0, int b1, int dim, float[] out, int o, int width, boolean distance) {
        FloatVector c00 = FloatVector.zero(S),
                c01 = FloatVector.zero(S),
                c10 = FloatVector.zero(S),
                c11 = FloatVector.zero(S),
                c20 = FloatVector.zero(S),
                c21 = FloatVector.zero(S),
                c30 = FloatVector.zero(S),
                c31 = FloatVector.zero(S),
                c40 = FloatVector.zero(S),
                c41 = FloatVector.zero(S),
                c50 = FloatVector.zero(S),
                c51 = FloatVector.zero(S),
                c60 = FloatVector.zero(S),
                c61 = FloatVector.zero(S),
                c70 = FloatVector.zero(S),
                c71 = FloatVector.zero(S);
        for (int k = 0; k < dim; k++) {
            int kw = k * W;
            FloatVector v0 = FloatVector.fromArray(S, pb, b0 + kw);
            FloatVector v1 = FloatVector.fromArray(S, pb, b1 + kw);
            FloatVector a0 = FloatVector.broadcast(S, pa[a + kw]);
            c00 = a0.fma(v0, c00);
            c01 = a0.fma(v1, c01);
            FloatVector a1 = FloatVector.broadcast(S, pa[a + kw + 1]);
            c10 = a1.fma(v0, c10);
            c11 = a1.fma(v1, c11);
            FloatVector a2 = FloatVector.broadcast(S, pa[a + kw + 2]);
            c20 = a2.fma(v0, c20);
            c21 = a2.fma(v1, c21);
            FloatVector a3 = FloatVector.broadcast(S, pa[a + kw + 3]);
            c30 = a3.fma(v0, c30);
            c31 = a3.fma(v1, c31);
            FloatVector a4 = FloatVector.broadcast(S, pa[a + kw + 4]);
            c40 = a4.fma(v0, c40);
            c41 = a4.fma(v1, c41);
            FloatVector a5 = FloatVector.broadcast(S, pa[a + kw + 5]);
            c50 = a5.fma(v0, c50);
            c51 = a5.fma(v1, c51);
            FloatVector a6 = FloatVector.broadcast(S, pa[a + kw + 6]);
            c60 = a6.fma(v0, c60);
            c61 = a6.fma(v1, c61);
            FloatVector a7 = FloatVector.broadcast(S, pa[a + kw + 7]);
            c70 = a7.fma(v0, c70);
            c71 = a7.fma(v1, c71);
        }
        store(c00, distance, out, o);
        store(c01, distance, out, o + L);
        store(c10, distance, out, o + width);
        store(c11, distance, out, o + width + L);
        store(c20, distance, out, o + 2 * width);
        store(c21, distance, out, o + 2 * width + L);
        store(c30, distance, out, o + 3 * width);
        store(c31, distance, out, o + 3 * width + L);
        store(c40, distance, out, o + 4 * width);
        store(c41, distance, out, o + 4 * width + L);
        store(c50, distance, out, o + 5 * width);
        store(c51, distance, out, o + 5 * width + L);
        store(c60, distance, out, o + 6 * width);
        store(c61, distance, out, o + 6 * width + L);
        store(c70, distance, out, o + 7 * width);
        store(c71, distance, out, o + 7 * width + L);
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
        store(c01, distance, out, o + L);
        store(c10, distance, out, o + width);
        store(c11, distance, out, o + width + L);
        store(c20, distance, out, o + 2 * width);
        store(c21, distance, out, o + 2 * width + L);
        store(c30, distance, out, o + 3 * width);
        store(c31, distance, out, o + 3 * width + L);
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
        int vectors = (p1 - p0) * W / L;
        int v = 0;
        for (; v + 3 < vectors; v += 4) {
            int b0 = columnBase(p0, v, dim), b1 = columnBase(p0, v + 1, dim);
            int b2 = columnBase(p0, v + 2, dim), b3 = columnBase(p0, v + 3, dim);
            FloatVector c0 = FloatVector.zero(S),
                    c1 = FloatVector.zero(S),
                    c2 = FloatVector.zero(S),
                    c3 = FloatVector.zero(S);
            for (int k = 0; k < dim; k++) {
                FloatVector xv = FloatVector.broadcast(S, x[k]);
                int kw = k * W;
                c0 = xv.fma(FloatVector.fromArray(S, panels, b0 + kw), c0);
                c1 = xv.fma(FloatVector.fromArray(S, panels, b1 + kw), c1);
                c2 = xv.fma(FloatVector.fromArray(S, panels, b2 + kw), c2);
                c3 = xv.fma(FloatVector.fromArray(S, panels, b3 + kw), c3);
            }
            int o = v * L;
            toDistance(c0).intoArray(out, o);
            toDistance(c1).intoArray(out, o + L);
            toDistance(c2).intoArray(out, o + 2 * L);
            toDistance(c3).intoArray(out, o + 3 * L);
        }
        for (; v < vectors; v++) {
            int b = columnBase(p0, v, dim);
            FloatVector c0 = FloatVector.zero(S);
            for (int k = 0; k < dim; k++) {
                c0 = FloatVector.broadcast(S, x[k]).fma(FloatVector.fromArray(S, panels, b + k * W), c0);
            }
            toDistance(c0).intoArray(out, v * L);
        }
    }
}
