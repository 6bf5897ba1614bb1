package org.cleanrank.vectorization;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link PlainFastSsim} (jdk.incubator.vector, 8 float lanes), bit-identical to it. Every
 * box sum is an integer below 2^24, so float arithmetic on it is exact and the order of additions is free:
 * <ul>
 *   <li>vertical first, straight from the pixels: per image the pixels are stored as floats, padded by 3
 *       reflected pixels on every side ({@link FastSsimImage#padF}), so a product is an exact float and
 *       the window rows of output row y are padded rows y .. y + 6. The column sums of every output row
 *       come from one flat loop, {@code col[y] = fma(a[y + 6], b[y + 6], col[y - 1]) - a[y - 1] * b[y - 1]}
 *       (row by row over whole padded rows, so one long loop with affine indexes);</li>
 *   <li>then per output vector the 7-tap horizontal sum of the column sums (unaligned loads) and the
 *       division by 49 as {@code fma(s, 1/49f, s * INV_AREA_LO)}: the reference's {@code (float)(s * (1./49))}
 *       for every possible sum (checked for each in FastSsimTwinsTest), two operations and no divide;</li>
 *   <li>the SSIM map with lane-wise float32 operations in the scalar order; {@code 2f * x + c} as
 *       {@code fma(x, 2, c)} (2x is exact, so one rounding either way); mu^2 recomputed as mu*mu, the float32
 *       product {@link FastSsimImage} stores; {@code num / den} a true division;</li>
 *   <li>numpy's pairwise sum, fused with the map: when the width is a multiple of 8, every leaf of numpy's
 *       recursion (splits at multiples of 8, leaves of at most 128) is a run of whole vectors, so a leaf's 8
 *       accumulators are the 8 lanes of one vector started at -0 (the exact additive identity, so lane j
 *       equals numpy's r_j = a[j] + a[j+8] + ...); the leaf sums are combined by numpy's recursion at the
 *       end. The map is never stored. Other widths store the box means and sum the map with the same
 *       leaves, the remainders scalar.</li>
 * </ul>
 */
final class PanamaFastSsim extends FastSsimKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final int L = 8;
    private static final int R = FastSsimImage.K / 2;
    private static final int PW_BLOCKSIZE = 128;
    private static final float AREA = FastSsimImage.K * FastSsimImage.K;
    private static final float INV_AREA = 1f / AREA;
    /**
     * 1/49 - INV_AREA rounded to float: {@code fma(s, INV_AREA, s * INV_AREA_LO)} equals the reference's
     * {@code (float)(s * (1./49))} for every integer box sum s in 0 .. 49 * 255^2 (checked for every one in
     * FastSsimTwinsTest): two operations, no divide.
     */
    static final float INV_AREA_LO = (float) (1.0 / 49 - INV_AREA);

    private static final FloatVector INV_AREA_V = FloatVector.broadcast(F, INV_AREA);

    private static final class Scratch {
        float[] col = new float[0];
        float[] cross = new float[0];
        float[] leafSums = new float[0];
        /** Vector index (flat index / 8) one past the end of each leaf, in order; fused layout only. */
        int[] leafEnd = new int[0];

        final float[] lanes = new float[L];
        final int[] cursor = new int[1];
        int w = -1, h = -1;

        Scratch size(int w, int h, int stride) {
            if (w != this.w || h != this.h) {
                int n = w * h;
                col = new float[h * stride];
                cross = new float[n];
                int leaves = countLeaves(n);
                leafSums = new float[leaves];
                leafEnd = new int[leaves];
                if (w % L == 0) {
                    fillLeafEnds(0, n, leafEnd, new int[1]);
                }
                this.w = w;
                this.h = h;
            }
            return this;
        }
    }

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    PanamaFastSsim() {
        if (F.length() != L) {
            throw new IllegalStateException("needs 256-bit vectors");
        }
    }

    @Override
    public String name() {
        return "panama-" + F.vectorBitSize();
    }

    @Override
    public float score(FastSsimImage a, FastSsimImage b) {
        FastSsimImage.checkSameSize(a, b);
        int w = a.w, h = a.h, n = w * h;
        Scratch s = scratch.get().size(w, h, a.padStride);
        columnSums(a.padF, b.padF, s.col, a.padStride, h);
        float total;
        if (w % L == 0) {
            fused(a, b, s);
            s.cursor[0] = 0;
            total = combine(s.leafSums, n, s.cursor);
        } else {
            for (int y = 0; y < h; y++) {
                boxRow(s.col, y * a.padStride, w, s.cross, y * w);
            }
            total = pwMap(a, b, s.cross, 0, n, s.lanes);
        }
        return (0f + total) / (float) n;
    }

    /**
     * col[y][x] = the sum of the padded product image over padded rows y .. y + 6 (the 7 reflected rows
     * around output row y), for every padded column: row 0 from its 7 rows, then one flat loop moving each
     * column down a row (plus the entering row's products, minus the leaving row's). Every value is an
     * integer below 2^24, so the fma adds the exact product and nothing rounds.
     */
    private static void columnSums(float[] pa, float[] pb, float[] col, int stride, int h) {
        for (int x = 0; x < stride; x += L) {
            FloatVector acc = FloatVector.fromArray(F, pa, x).mul(FloatVector.fromArray(F, pb, x));
            for (int k = 1; k < FastSsimImage.K; k++) {
                acc = FloatVector.fromArray(F, pa, k * stride + x)
                        .fma(FloatVector.fromArray(F, pb, k * stride + x), acc);
            }
            acc.intoArray(col, x);
        }
        int in = (FastSsimImage.K - 1) * stride, out = -stride, end = h * stride;
        for (int p = stride; p < end; p += L) {
            FloatVector c = FloatVector.fromArray(F, pa, p + in)
                    .fma(FloatVector.fromArray(F, pb, p + in), FloatVector.fromArray(F, col, p - stride));
            c.sub(FloatVector.fromArray(F, pa, p + out).mul(FloatVector.fromArray(F, pb, p + out)))
                    .intoArray(col, p);
        }
    }

    /** The correctly rounded {@code s / 49f} of an exact integer sum s below 2^24, without a divide. */
    private static FloatVector div49(FloatVector sum) {
        return sum.fma(INV_AREA_V, sum.mul(INV_AREA_LO));
    }

    /** The 7-tap sums of the column-sum row at col[c ..], divided by 49, into cross[off .. off + w). */
    private static void boxRow(float[] col, int c, int w, float[] cross, int off) {
        int x = 0;
        for (; x <= w - L; x += L) {
            FloatVector v = FloatVector.fromArray(F, col, c + x).add(FloatVector.fromArray(F, col, c + x + 1));
            FloatVector u = FloatVector.fromArray(F, col, c + x + 2).add(FloatVector.fromArray(F, col, c + x + 3));
            FloatVector t = FloatVector.fromArray(F, col, c + x + 4).add(FloatVector.fromArray(F, col, c + x + 5));
            div49(v.add(u).add(t.add(FloatVector.fromArray(F, col, c + x + 6)))).intoArray(cross, off + x);
        }
        for (; x < w; x++) {
            float sum = 0f;
            for (int k = 0; k < FastSsimImage.K; k++) {
                sum += col[c + x + k];
            }
            cross[off + x] = sum / AREA;
        }
    }

    /**
     * The map in flat order, vector by vector into the leaf accumulator; width a multiple of 8. One loop over
     * the output vectors, the column-sum index stepping over each row's padding.
     */
    private static void fused(FastSsimImage a, FastSsimImage b, Scratch s) {
        int w = a.w, n = w * a.h;
        float[] col = s.col, muA = a.mu, muB = b.mu, sgA = a.sigmaSq, sgB = b.sigmaSq;
        float[] leafSums = s.leafSums, lanes = s.lanes;
        int[] leafEnd = s.leafEnd;
        // constants as loop-invariant registers (measured ~5% faster than static final vectors)
        FloatVector negZero = FloatVector.broadcast(F, -0f);
        FloatVector inv = FloatVector.broadcast(F, INV_AREA), invLo = FloatVector.broadcast(F, INV_AREA_LO);
        FloatVector c1 = FloatVector.broadcast(F, FastSsimImage.C1), c2 = FloatVector.broadcast(F, FastSsimImage.C2);
        FloatVector two = FloatVector.broadcast(F, 2f);
        FloatVector acc = negZero;
        int leaf = 0, nextEnd = leafEnd[0] * L;
        int p = 0, xv = 0, perRow = w / L, skip = a.padStride - w;
        for (int i = 0; i < n; i += L) {
            FloatVector v = FloatVector.fromArray(F, col, p).add(FloatVector.fromArray(F, col, p + 1));
            FloatVector u = FloatVector.fromArray(F, col, p + 2).add(FloatVector.fromArray(F, col, p + 3));
            FloatVector t = FloatVector.fromArray(F, col, p + 4).add(FloatVector.fromArray(F, col, p + 5));
            FloatVector sum = v.add(u).add(t.add(FloatVector.fromArray(F, col, p + 6)));
            FloatVector cross = sum.fma(inv, sum.mul(invLo)); // div49, inlined by hand
            p += L;
            if (++xv == perRow) {
                xv = 0;
                p += skip;
            }
            FloatVector ma = FloatVector.fromArray(F, muA, i), mb = FloatVector.fromArray(F, muB, i);
            FloatVector m12 = ma.mul(mb);
            FloatVector s12 = cross.sub(m12);
            FloatVector num = m12.fma(two, c1).mul(s12.fma(two, c2));
            FloatVector den = ma.mul(ma)
                    .add(mb.mul(mb))
                    .add(c1)
                    .mul(FloatVector.fromArray(F, sgA, i)
                            .add(FloatVector.fromArray(F, sgB, i))
                            .add(c2));
            acc = acc.add(num.div(den));
            if (i + L == nextEnd) {
                acc.intoArray(lanes, 0);
                leafSums[leaf++] = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
                        + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
                acc = negZero;
                if (leaf < leafEnd.length) {
                    nextEnd = leafEnd[leaf] * L;
                }
            }
        }
    }

    /** Leaves of numpy's pairwise_sum over n elements. */
    private static int countLeaves(int n) {
        if (n <= PW_BLOCKSIZE) {
            return 1;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return countLeaves(n2) + countLeaves(n - n2);
    }

    /** The leaves' ends as vector indices (every leaf a multiple of 8 long when n is). */
    private static void fillLeafEnds(int off, int n, int[] ends, int[] k) {
        if (n <= PW_BLOCKSIZE) {
            ends[k[0]++] = (off + n) / L;
            return;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        fillLeafEnds(off, n2, ends, k);
        fillLeafEnds(off + n2, n - n2, ends, k);
    }

    /** numpy's recursion over the leaf sums, left before right. */
    private static float combine(float[] leafSums, int n, int[] k) {
        if (n <= PW_BLOCKSIZE) {
            return leafSums[k[0]++];
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        float left = combine(leafSums, n2, k);
        return left + combine(leafSums, n - n2, k);
    }

    /** One element of the SSIM map, in the order of {@link PlainFastSsim}. */
    private static float mapAt(FastSsimImage a, FastSsimImage b, float[] cross, int i) {
        float m12 = a.mu[i] * b.mu[i];
        float s12 = cross[i] - m12;
        float num = (2f * m12 + FastSsimImage.C1) * (2f * s12 + FastSsimImage.C2);
        float den = (a.muSq[i] + b.muSq[i] + FastSsimImage.C1) * (a.sigmaSq[i] + b.sigmaSq[i] + FastSsimImage.C2);
        return num / den;
    }

    /**
     * numpy's pairwise_sum (see {@link org.cleanrank.parity.NumpySum#sum(float[], int, int)}) of the SSIM map over stored box means (widths that
     * are not a multiple of 8): the 8 accumulators of a leaf are the lanes of one vector started at -0.
     */
    private static float pwMap(FastSsimImage a, FastSsimImage b, float[] cross, int off, int n, float[] lanes) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += mapAt(a, b, cross, off + i);
            }
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            float[] muA = a.mu, muB = b.mu, sgA = a.sigmaSq, sgB = b.sigmaSq;
            int end = off + n - (n % 8);
            FloatVector acc = FloatVector.broadcast(F, -0f);
            int i;
            for (i = off; i < end; i += 8) {
                FloatVector ma = FloatVector.fromArray(F, muA, i), mb = FloatVector.fromArray(F, muB, i);
                FloatVector m12 = ma.mul(mb);
                FloatVector s12 = FloatVector.fromArray(F, cross, i).sub(m12);
                FloatVector num = m12.fma(2f, FastSsimImage.C1).mul(s12.fma(2f, FastSsimImage.C2));
                FloatVector den = ma.mul(ma)
                        .add(mb.mul(mb))
                        .add(FastSsimImage.C1)
                        .mul(FloatVector.fromArray(F, sgA, i)
                                .add(FloatVector.fromArray(F, sgB, i))
                                .add(FastSsimImage.C2));
                acc = acc.add(num.div(den));
            }
            acc.intoArray(lanes, 0);
            float res =
                    ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            for (; i < off + n; i++) {
                res += mapAt(a, b, cross, i);
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pwMap(a, b, cross, off, n2, lanes) + pwMap(a, b, cross, off + n2, n - n2, lanes);
        }
    }
}
