package org.cleanrank.image.cv;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The previous SIMD twin (kept for the benchmark comparison with {@link PanamaFastSsim}) of {@link PlainFastSsim} (jdk.incubator.vector, 256-bit: 8 int / 8 float / 4 double lanes),
 * bit-identical to it:
 * <ul>
 *   <li>product image and the 7x7 box sums in exact int arithmetic (so the order of additions is free):
 *       the product of the per-image padded pixel rows ({@link FastSsim.Stats#px8}, 3 reflected pixels
 *       on each side) is the padded product image; the horizontal 7-tap sums in one flat loop over it
 *       (unaligned loads); then per 8-column strip a running vertical sum in a register (the window's
 *       row multiset, reflected rows included, changes by one row in and one row out);</li>
 *   <li>{@code (float)(sum * (1./49))} as {@code sum / 49f} on 8 float lanes, fused into the vertical pass:
 *       the sums are exact in float (below 2^24), and the correctly rounded quotient equals the scalar
 *       double path for every possible sum (checked exhaustively in FastSsimTwinsTest);</li>
 *   <li>the SSIM map with lane-wise float32 operations in the scalar order (no FMA); mu^2 is recomputed
 *       as mu*mu (the same float32 product {@link FastSsim.Stats} stores) to save memory traffic;</li>
 *   <li>numpy's pairwise sum with its 8 accumulators as the 8 lanes of one FloatVector, the same
 *       recursion splits, the same combination ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) and scalar
 *       remainders; the map (element-wise, so computed over the flat index) is computed inside the
 *       pairwise-sum leaves, never stored.</li>
 * </ul>
 * Widths that are not a multiple of 8 finish each row (and each leaf) with scalar code.
 */
final class PanamaFastSsimV1 extends FastSsimKernel {
    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final int L = 8;
    private static final int R = FastSsim.K / 2;
    private static final int PW_BLOCKSIZE = 128;

    private static final class Scratch {
        int[] pad = new int[0];
        int[] hs = new int[0];
        float[] cross = new float[0];
        int[] rowIn = new int[0];
        int[] rowOut = new int[0];
        final float[] lanes = new float[L];
        int w = -1, h = -1;

        Scratch size(int w, int h) {
            if (w != this.w || h != this.h) {
                int n = w * h;
                pad = new int[h * (w + 2 * R)];
                hs = new int[h * (w + 2 * R)];
                cross = new float[n];
                rowIn = new int[h];
                rowOut = new int[h];
                for (int y = 0; y < h; y++) {
                    rowIn[y] = FastSsim.reflect101(y + R, h) * (w + 2 * R);
                    rowOut[y] = FastSsim.reflect101(y - R - 1, h) * (w + 2 * R);
                }
                this.w = w;
                this.h = h;
            }
            return this;
        }
    }

    private static final float AREA = FastSsim.K * FastSsim.K;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    PanamaFastSsimV1() {
        if (I.length() != L || F.length() != L) {
            throw new IllegalStateException("needs 256-bit vectors");
        }
    }

    @Override
    public String name() {
        return "panama-v1-" + F.vectorBitSize();
    }

    @Override
    float score(FastSsim.Stats a, FastSsim.Stats b) {
        FastSsim.checkSameSize(a, b);
        int w = a.w, h = a.h, n = w * h;
        Scratch s = scratch.get().size(w, h);
        product(a.px8, b.px8, s.pad);
        horizontal(s.pad, s.hs);
        vertical(s.hs, s.cross, s.rowIn, s.rowOut, w, h);
        return (0f + pwMap(a, b, s.cross, 0, n, s.lanes)) / (float) n;
    }

    /** pad = the padded product image (rows of w + 6: the product of the padded pixel rows). */
    private static void product(byte[] pa, byte[] pb, int[] pad) {
        int m = pad.length;
        int i = 0;
        for (; i <= m - L; i += L) {
            IntVector va = (IntVector) ByteVector.fromArray(B8, pa, i).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
            IntVector vb = (IntVector) ByteVector.fromArray(B8, pb, i).convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
            va.mul(vb).intoArray(pad, i);
        }
        for (; i < m; i++) {
            pad[i] = (pa[i] & 0xFF) * (pb[i] & 0xFF);
        }
    }

    /**
     * hs[p] = pad[p] + ... + pad[p + 6] over the flat padded image: at p = y * (w + 6) + x, x &lt; w, the
     * 7-tap horizontal sum of row y (other positions are never read).
     */
    private static void horizontal(int[] pad, int[] hs) {
        int m = pad.length - (FastSsim.K - 1);
        int p = 0;
        for (; p <= m - L; p += L) {
            IntVector v = IntVector.fromArray(I, pad, p).add(IntVector.fromArray(I, pad, p + 1));
            IntVector u = IntVector.fromArray(I, pad, p + 2).add(IntVector.fromArray(I, pad, p + 3));
            IntVector t = IntVector.fromArray(I, pad, p + 4).add(IntVector.fromArray(I, pad, p + 5));
            v.add(u).add(t.add(IntVector.fromArray(I, pad, p + 6))).intoArray(hs, p);
        }
        for (; p < m; p++) {
            int sum = 0;
            for (int k = 0; k < FastSsim.K; k++) {
                sum += pad[p + k];
            }
            hs[p] = sum;
        }
    }

    /**
     * cross[y][x] = (sum of hs over the 7 reflected rows around y) / 49f: a running integer sum per column
     * strip, converted to float on the fly. The sums are below 2^24 (exact in float), so {@code sum / 49f}
     * is the correctly rounded quotient, which equals the scalar {@code (float) (sum * (1./49))} for every
     * possible sum (checked exhaustively in FastSsimTwinsTest).
     */
    private static void vertical(int[] hs, float[] cross, int[] rowIn, int[] rowOut, int w, int h) {
        int pw = w + 2 * R;
        int x = 0;
        for (; x <= w - L; x += L) {
            IntVector acc = IntVector.fromArray(I, hs, FastSsim.reflect101(-R, h) * pw + x);
            for (int k = -R + 1; k <= R; k++) {
                acc = acc.add(IntVector.fromArray(I, hs, FastSsim.reflect101(k, h) * pw + x));
            }
            ((FloatVector) acc.convert(VectorOperators.I2F, 0)).div(AREA).intoArray(cross, x);
            for (int y = 1; y < h; y++) {
                acc = acc.add(IntVector.fromArray(I, hs, rowIn[y] + x)).sub(IntVector.fromArray(I, hs, rowOut[y] + x));
                ((FloatVector) acc.convert(VectorOperators.I2F, 0)).div(AREA).intoArray(cross, y * w + x);
            }
        }
        for (; x < w; x++) {
            int acc = 0;
            for (int k = -R; k <= R; k++) {
                acc += hs[FastSsim.reflect101(k, h) * pw + x];
            }
            cross[x] = acc / AREA;
            for (int y = 1; y < h; y++) {
                acc += hs[rowIn[y] + x] - hs[rowOut[y] + x];
                cross[y * w + x] = acc / AREA;
            }
        }
    }


    /** One element of the SSIM map, in the order of {@link PlainFastSsim}. */
    private static float mapAt(FastSsim.Stats a, FastSsim.Stats b, float[] cross, int i) {
        float m12 = a.mu[i] * b.mu[i];
        float s12 = cross[i] - m12;
        float num = (2f * m12 + FastSsim.C1) * (2f * s12 + FastSsim.C2);
        float den = (a.muSq[i] + b.muSq[i] + FastSsim.C1) * (a.sigmaSq[i] + b.sigmaSq[i] + FastSsim.C2);
        return num / den;
    }

    /**
     * numpy's pairwise_sum (see {@link NumpyFloat32}) of the SSIM map, the map computed on the fly: the
     * 8 accumulators of a leaf are the lanes of one vector of map values (lane-wise float32 operations in
     * the scalar order, no FMA; mu^2 recomputed as mu*mu, the float32 product Stats stores).
     */
    private static float pwMap(FastSsim.Stats a, FastSsim.Stats b, float[] cross, int off, int n, float[] lanes) {
        if (n < 8) {
            float res = 0f;
            for (int i = 0; i < n; i++) {
                res += mapAt(a, b, cross, off + i);
            }
            return res;
        } else if (n <= PW_BLOCKSIZE) {
            // the leaf loop with the map inlined by hand (a vector returned from a call C2 does not inline
            // would be boxed); the first vector starts the accumulator as numpy's r0..r7 = a[0..7]
            FloatVector two = FloatVector.broadcast(F, 2f);
            FloatVector c1 = FloatVector.broadcast(F, FastSsim.C1);
            FloatVector c2 = FloatVector.broadcast(F, FastSsim.C2);
            float[] muA = a.mu, muB = b.mu, sgA = a.sigmaSq, sgB = b.sigmaSq;
            int end = off + n - (n % 8);
            FloatVector acc;
            {
                FloatVector ma = FloatVector.fromArray(F, muA, off), mb = FloatVector.fromArray(F, muB, off);
                FloatVector m12 = ma.mul(mb);
                FloatVector s12 = FloatVector.fromArray(F, cross, off).sub(m12);
                FloatVector num = two.mul(m12).add(c1).mul(two.mul(s12).add(c2));
                FloatVector den = ma.mul(ma).add(mb.mul(mb)).add(c1)
                        .mul(FloatVector.fromArray(F, sgA, off).add(FloatVector.fromArray(F, sgB, off)).add(c2));
                acc = num.div(den);
            }
            int i;
            for (i = off + 8; i < end; i += 8) {
                FloatVector ma = FloatVector.fromArray(F, muA, i), mb = FloatVector.fromArray(F, muB, i);
                FloatVector m12 = ma.mul(mb);
                FloatVector s12 = FloatVector.fromArray(F, cross, i).sub(m12);
                FloatVector num = two.mul(m12).add(c1).mul(two.mul(s12).add(c2));
                FloatVector den = ma.mul(ma).add(mb.mul(mb)).add(c1)
                        .mul(FloatVector.fromArray(F, sgA, i).add(FloatVector.fromArray(F, sgB, i)).add(c2));
                acc = acc.add(num.div(den));
            }
            acc.intoArray(lanes, 0);
            float res = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
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
