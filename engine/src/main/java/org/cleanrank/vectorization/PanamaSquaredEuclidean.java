package org.cleanrank.vectorization;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link SquaredEuclideanKernel} (256-bit = one panel of four float64 points): four
 * broadcast points times two panels is eight independent accumulators per step, six loads per eight FMAs.
 * Each lane is the plain twin's FMA chain for one pair, so the results are bit-identical.
 */
final class PanamaSquaredEuclidean implements SquaredEuclideanKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_128;
    private static final int W = PANEL;

    PanamaSquaredEuclidean() {
        if (S.length() != W) {
            throw new IllegalStateException("panel width " + W + " != vector length " + S.length());
        }
    }

    @Override
    public String name() {
        return "panama-4x64";
    }

    @Override
    public void tile(double[] p, double[] norms, int dim, int pi0, int pi1, int pj0, int pj1, float[] out) {
        int width = (pj1 - pj0) * W;
        for (int pi = pi0; pi < pi1; pi++) {
            int a = pi * dim * W;
            int rowOut = (pi - pi0) * W * width;
            int pj = pj0;
            for (; pj + 1 < pj1; pj += 2) {
                block4x2(p, norms, dim, a, pi * W, pj, out, rowOut + (pj - pj0) * W, width);
            }
            if (pj < pj1) {
                block4x1(p, norms, dim, a, pi * W, pj, out, rowOut + (pj - pj0) * W, width);
            }
        }
    }

    private static void block4x2(
            double[] p, double[] norms, int dim, int a, int i, int pj, float[] out, int o, int width) {
        int b0 = pj * dim * W, b1 = b0 + dim * W;
        DoubleVector c00 = DoubleVector.zero(S),
                c01 = DoubleVector.zero(S),
                c10 = DoubleVector.zero(S),
                c11 = DoubleVector.zero(S);
        DoubleVector c20 = DoubleVector.zero(S),
                c21 = DoubleVector.zero(S),
                c30 = DoubleVector.zero(S),
                c31 = DoubleVector.zero(S);
        for (int k = 0; k < dim; k++) {
            int kw = k * W;
            DoubleVector v0 = DoubleVector.fromArray(S, p, b0 + kw);
            DoubleVector v1 = DoubleVector.fromArray(S, p, b1 + kw);
            DoubleVector a0 = DoubleVector.broadcast(S, p[a + kw]);
            DoubleVector a1 = DoubleVector.broadcast(S, p[a + kw + 1]);
            DoubleVector a2 = DoubleVector.broadcast(S, p[a + kw + 2]);
            DoubleVector a3 = DoubleVector.broadcast(S, p[a + kw + 3]);
            c00 = a0.fma(v0, c00);
            c01 = a0.fma(v1, c01);
            c10 = a1.fma(v0, c10);
            c11 = a1.fma(v1, c11);
            c20 = a2.fma(v0, c20);
            c21 = a2.fma(v1, c21);
            c30 = a3.fma(v0, c30);
            c31 = a3.fma(v1, c31);
        }
        int j = pj * W;
        DoubleVector y0 = DoubleVector.fromArray(S, norms, j);
        DoubleVector y1 = DoubleVector.fromArray(S, norms, j + W);
        store(c00, norms[i], y0, out, o);
        store(c01, norms[i], y1, out, o + W);
        store(c10, norms[i + 1], y0, out, o + width);
        store(c11, norms[i + 1], y1, out, o + width + W);
        store(c20, norms[i + 2], y0, out, o + 2 * width);
        store(c21, norms[i + 2], y1, out, o + 2 * width + W);
        store(c30, norms[i + 3], y0, out, o + 3 * width);
        store(c31, norms[i + 3], y1, out, o + 3 * width + W);
    }

    private static void block4x1(
            double[] p, double[] norms, int dim, int a, int i, int pj, float[] out, int o, int width) {
        int b0 = pj * dim * W;
        DoubleVector c0 = DoubleVector.zero(S),
                c1 = DoubleVector.zero(S),
                c2 = DoubleVector.zero(S),
                c3 = DoubleVector.zero(S);
        for (int k = 0; k < dim; k++) {
            int kw = k * W;
            DoubleVector v0 = DoubleVector.fromArray(S, p, b0 + kw);
            c0 = DoubleVector.broadcast(S, p[a + kw]).fma(v0, c0);
            c1 = DoubleVector.broadcast(S, p[a + kw + 1]).fma(v0, c1);
            c2 = DoubleVector.broadcast(S, p[a + kw + 2]).fma(v0, c2);
            c3 = DoubleVector.broadcast(S, p[a + kw + 3]).fma(v0, c3);
        }
        DoubleVector y0 = DoubleVector.fromArray(S, norms, pj * W);
        store(c0, norms[i], y0, out, o);
        store(c1, norms[i + 1], y0, out, o + width);
        store(c2, norms[i + 2], y0, out, o + 2 * width);
        store(c3, norms[i + 3], y0, out, o + 3 * width);
    }

    /** {@link SquaredEuclideanKernel#fromDot} lane-wise: ((-2 dot) + xx) + yy, to float32, clipped at 0. */
    private static void store(DoubleVector dot, double xx, DoubleVector yy, float[] out, int o) {
        DoubleVector d = dot.mul(-2.0).add(xx).add(yy);
        FloatVector f = (FloatVector) d.convertShape(VectorOperators.D2F, F, 0);
        f.max(0f).intoArray(out, o);
    }
}
