package org.cleanrank.vectorization;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link PlainSkimageSsim} (jdk.incubator.vector, 4 double lanes along x), bit-identical to
 * it: every lane performs the scalar twin's multiplications and additions in the same order (no fused
 * multiply-add), the correlation's border columns (where 'reflect' folds the taps) are computed by the scalar
 * code, and lane l of the map accumulator is the scalar twin's partial sum s_l.
 */
final class PanamaSkimageSsim extends SkimageSsimKernel {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_256;
    private static final int L = 4;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    PanamaSkimageSsim() {
        if (D.length() != L) {
            throw new IllegalStateException("needs 256-bit vectors");
        }
    }

    @Override
    public String name() {
        return "panama-" + D.vectorBitSize();
    }

    @Override
    public double score(SkimageSsimWindow cfg, SkimageSsimImage a, SkimageSsimImage b) {
        SkimageSsimImage.checkSameSize(a, b);
        int w = a.w, h = a.h, n = w * h;
        Scratch s = scratch.get().size(n);
        double[] prod = s.prod, t = s.t, uxy = s.uxy, pa = a.px, pb = b.px;
        int i = 0;
        for (; i <= n - L; i += L) {
            DoubleVector.fromArray(D, pa, i)
                    .mul(DoubleVector.fromArray(D, pb, i))
                    .intoArray(prod, i);
        }
        for (; i < n; i++) {
            prod[i] = pa[i] * pb[i];
        }
        filter(cfg, prod, w, h, t, uxy);
        return cfg.mean(mapSum(cfg, a, b, uxy), w, h);
    }

    /** {@link SkimageSsimWindow#filter} lane by lane along x. */
    private static void filter(SkimageSsimWindow cfg, double[] v, int w, int h, double[] t, double[] out) {
        double[] wt = cfg.weights();
        int r = wt.length / 2;
        for (int y = 0; y < h; y++) {
            int x = 0, row = y * w;
            for (; x <= w - L; x += L) {
                DoubleVector acc = DoubleVector.zero(D);
                for (int k = -r; k <= r; k++) {
                    acc = acc.add(DoubleVector.fromArray(D, v, SkimageSsimWindow.reflect(y + k, h) * w + x)
                            .mul(wt[k + r]));
                }
                acc.intoArray(t, row + x);
            }
            for (; x < w; x++) {
                t[row + x] = SkimageSsimWindow.axis0(wt, v, w, h, y, x);
            }
        }
        for (int y = 0; y < h; y++) {
            int row = y * w;
            // lanes x .. x + 3 read columns x - r .. x + 3 + r: inside the row only away from the borders
            int x = 0;
            for (; x < Math.min(r, w); x++) {
                out[row + x] = SkimageSsimWindow.axis1(wt, t, w, y, x);
            }
            for (; x + L - 1 + r < w; x += L) {
                DoubleVector acc = DoubleVector.zero(D);
                for (int k = -r; k <= r; k++) {
                    acc = acc.add(DoubleVector.fromArray(D, t, row + x + k).mul(wt[k + r]));
                }
                acc.intoArray(out, row + x);
            }
            for (; x < w; x++) {
                out[row + x] = SkimageSsimWindow.axis1(wt, t, w, y, x);
            }
        }
    }

    private static double mapSum(SkimageSsimWindow cfg, SkimageSsimImage a, SkimageSsimImage b, double[] uxy) {
        int w = a.w, h = a.h, pad = cfg.pad();
        double covNorm = cfg.covNorm();
        double[] uxA = a.ux, uxB = b.ux, vxA = a.vx, vxB = b.vx;
        DoubleVector acc = DoubleVector.zero(D);
        double rest = 0;
        for (int y = pad; y < h - pad; y++) {
            int x = pad, row = y * w;
            for (; x + L <= w - pad; x += L) {
                int i = row + x;
                DoubleVector ux = DoubleVector.fromArray(D, uxA, i), uy = DoubleVector.fromArray(D, uxB, i);
                DoubleVector uxuy = ux.mul(uy);
                DoubleVector vxy = DoubleVector.fromArray(D, uxy, i).sub(uxuy).mul(covNorm);
                // 2 * ux * uy is (2 * ux) * uy in Java's left-to-right order
                DoubleVector a1 = ux.mul(2.0).mul(uy).add(SkimageSsimWindow.C1);
                DoubleVector a2 = vxy.mul(2.0).add(SkimageSsimWindow.C2);
                DoubleVector b1 = ux.mul(ux).add(uy.mul(uy)).add(SkimageSsimWindow.C1);
                DoubleVector b2 = DoubleVector.fromArray(D, vxA, i)
                        .add(DoubleVector.fromArray(D, vxB, i))
                        .add(SkimageSsimWindow.C2);
                acc = acc.add(a1.mul(a2).div(b1.mul(b2)));
            }
            for (; x < w - pad; x++) {
                rest += cfg.mapAt(a, b, uxy, row + x);
            }
        }
        return ((acc.lane(0) + acc.lane(1)) + (acc.lane(2) + acc.lane(3))) + rest;
    }
}
