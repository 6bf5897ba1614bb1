package org.cleanrank.image.cv;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Fast SSIM of one image against eight at once, one pair per SIMD lane (the all-pairs path of the Panama
 * twin), bit-identical to {@link PlainFastSsim}.
 *
 * <p>The per-pair twin ({@link PanamaFastSsim}) puts 8 neighbouring pixels of one pair in a vector, so the
 * 7-tap horizontal sums need 7 unaligned loads and 6 adds per vector. Here a vector holds the same pixel of 8
 * pairs: image A (its values broadcast) against the 8 images of an {@link Octet} (stored lane-interleaved), so
 * both box sums become running sums of whole vectors: per output pixel two FMAs move a column sum down a row
 * and two adds slide the window right. Every box sum is an exact float integer below 2^24, so this order gives
 * the reference's sums exactly; the division by 49 (two operations, {@link #INV_AREA_LO}) and the SSIM map are
 * lane-wise the scalar operations in the reference's order; numpy's pairwise mean keeps its 8 accumulators per
 * leaf as 8 vectors (accumulator k takes the pixels with flat index = k mod 8; the width is a multiple of 8, so
 * that is x mod 8), then combines the leaves lane-wise in numpy's order.
 *
 * <p>Data are laid out as one record per output row (the padded row entering the window, the one leaving it,
 * then the row's means, squared means and variances pixel by pixel), for the octet ({@link Octet}) and for
 * image A ({@link Rows}), so a row of work reads two sequential streams. Work is done one output row at a time
 * per (image, octet) pair with the running state (column sums, accumulators, leaf sums) in a {@link Lanes}, so
 * a tile of several images against several octets walks the rows together and keeps each row's data in cache.
 */
final class PanamaFastSsimOctets {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    static final int L = 8;
    private static final int K = FastSsim.K;
    private static final int PW_BLOCKSIZE = 128;
    private static final float AREA = K * K;
    private static final float INV_AREA = 1f / AREA;
    /**
     * 1/49 - INV_AREA rounded to float: {@code fma(s, INV_AREA, s * INV_AREA_LO)} equals the reference's
     * {@code (float)(s * (1./49))} for every integer box sum s in 0 .. 49 * 255^2 (checked for every one in
     * FastSsimTwinsTest), two operations instead of a divide.
     */
    static final float INV_AREA_LO = (float) (1.0 / 49 - INV_AREA);

    private PanamaFastSsimOctets() {}

    /** Whether this path applies: 256-bit vectors and a width that is a multiple of 8. */
    static boolean applies(int w) {
        return F.length() == L && w % L == 0;
    }

    /** Floats per lane in one row record: entering row, leaving row (pw each), then 3 values per pixel. */
    private static int recordLength(int w) {
        return 2 * (w + K - 1) + 3 * w;
    }

    /**
     * Fills one row record of image s into {@code out} (value v at {@code off + v * stride}): for output row y
     * the padded row y + 6 (entering the window; for y = 0 the last of the first 7), the padded row y - 1
     * (leaving it; zeros for y = 0, or its negation when {@code negateLeaving}), then mu, mu^2, sigma^2 per
     * pixel of row y.
     */
    private static void fillRecord(FastSsim.Stats s, int y, boolean negateLeaving, float[] out, int off, int stride) {
        int w = s.w, pw = w + K - 1, ps = s.padStride;
        int in = (y + K - 1) * ps;
        for (int c = 0; c < pw; c++) {
            out[off + c * stride] = s.padF[in + c];
        }
        for (int c = 0; c < pw; c++) {
            float v = y == 0 ? 0f : s.padF[(y - 1) * ps + c];
            out[off + (pw + c) * stride] = negateLeaving ? -v : v;
        }
        int p = off + 2 * pw * stride;
        for (int x = 0; x < w; x++) {
            int i = y * w + x;
            out[p] = s.mu[i];
            out[p + stride] = s.muSq[i];
            out[p + 2 * stride] = s.sigmaSq[i];
            p += 3 * stride;
        }
    }

    /** Padded rows 0 .. 5 (the window of output row 0 less its last row) of image s. */
    private static void fillInit(FastSsim.Stats s, float[] out, int off, int stride) {
        int pw = s.w + K - 1;
        for (int r = 0; r < K - 1; r++) {
            for (int c = 0; c < pw; c++) {
                out[off + (r * pw + c) * stride] = s.padF[r * s.padStride + c];
            }
        }
    }

    /**
     * Images {@code first .. first + count - 1} (count at most 8) lane-interleaved: value v of image
     * {@code first + l} at {@code v * 8 + l}, in row records. Lanes at or beyond count repeat the first image
     * (their results are never read).
     */
    static final class Octet {
        final int first, count, w, h, pw, record;
        /** Row records, output row y at {@code y * record * 8}. */
        final float[] rows;
        /** Padded rows 0 .. 5. */
        final float[] init;

        Octet(FastSsim.Stats[] st, int first) {
            this.first = first;
            this.count = Math.min(L, st.length - first);
            FastSsim.Stats s0 = st[first];
            w = s0.w;
            h = s0.h;
            pw = w + K - 1;
            record = recordLength(w);
            rows = new float[h * record * L];
            init = new float[(K - 1) * pw * L];
            for (int l = 0; l < L; l++) {
                FastSsim.Stats s = st[first + (l < count ? l : 0)];
                FastSsim.checkSameSize(s0, s);
                for (int y = 0; y < h; y++) {
                    fillRecord(s, y, false, rows, y * record * L + l, L);
                }
                fillInit(s, init, l, L);
            }
        }
    }

    /** The octets of a list of prepared images: images 8k .. 8k + 7 in octet k. */
    static Octet[] octets(FastSsim.Stats[] st) {
        Octet[] out = new Octet[(st.length + L - 1) / L];
        for (int k = 0; k < out.length; k++) {
            out[k] = new Octet(st, k * L);
        }
        return out;
    }

    /** Image A's row records (leaving rows negated: the kernel subtracts them with an FMA); reusable. */
    static final class Rows {
        final float[] rows, init;
        final int record;

        Rows(int w, int h) {
            record = recordLength(w);
            rows = new float[h * record];
            init = new float[(K - 1) * (w + K - 1)];
        }

        Rows fill(FastSsim.Stats s) {
            for (int y = 0; y < s.h; y++) {
                fillRecord(s, y, true, rows, y * record, 1);
            }
            fillInit(s, init, 0, 1);
            return this;
        }
    }

    /** Running state of one image against one octet: 8 pairs. Reusable for images of the same size. */
    static final class Lanes {
        /** Column sums of the current output row, padded column c at vector c + 1; vector 0 stays zero. */
        final float[] col;
        /** numpy's 8 pairwise-sum accumulators of the current leaf, 8 lanes each. */
        final float[] acc = new float[L * L];
        final float[] leafSums;
        /** Flat element index one past the end of each leaf. */
        final int[] leafEnd;
        int leaf;

        Lanes(int w, int h) {
            col = new float[(w + K) * L];
            int n = w * h;
            leafEnd = new int[countLeaves(n)];
            fillLeafEnds(0, n, leafEnd, new int[1]);
            leafSums = new float[leafEnd.length * L];
        }

        void reset() {
            java.util.Arrays.fill(acc, -0f);
            leaf = 0;
        }
    }

    /**
     * Output row y of image a against octet g: moves the column sums down to row y (row 0: builds them from
     * rows 0 .. 5, then row 6 enters), adds the row's SSIM map to numpy's leaf accumulators. Rows must come in
     * order 0 .. h - 1 after {@link Lanes#reset()}.
     *
     * <p>No call may sit inside the pixel loop: HotSpot keeps no register across a call, so even a rare call
     * would put every array base and constant on the stack (and a helper taking vectors would box them when not
     * inlined); the loop runs over the span up to the next leaf end, the leaf is closed between spans.
     */
    static void row(Rows a, Octet g, int y, Lanes s) {
        int w = g.w, pw = g.pw;
        float[] ar = a.rows, gr = g.rows, col = s.col, acc = s.acc;
        if (y == 0) {
            float[] ai = a.init, gi = g.init;
            for (int c = 0; c < pw; c++) {
                FloatVector v = FloatVector.fromArray(F, gi, c * L).mul(ai[c]);
                for (int r = 1; r < K - 1; r++) {
                    v = FloatVector.fromArray(F, gi, (r * pw + c) * L).fma(FloatVector.broadcast(F, ai[r * pw + c]), v);
                }
                v.intoArray(col, (c + 1) * L);
            }
        }
        int ao = y * a.record, go = y * g.record * L;
        // exact integer sums below 2^24 throughout: any order of additions gives the same float
        for (int c = 0; c < pw; c++) {
            FloatVector v = FloatVector.fromArray(F, col, (c + 1) * L);
            v = FloatVector.fromArray(F, gr, go + c * L).fma(FloatVector.broadcast(F, ar[ao + c]), v);
            v = FloatVector.fromArray(F, gr, go + (pw + c) * L).fma(FloatVector.broadcast(F, ar[ao + pw + c]), v);
            v.intoArray(col, (c + 1) * L);
        }
        FloatVector inv = FloatVector.broadcast(F, INV_AREA), invLo = FloatVector.broadcast(F, INV_AREA_LO);
        FloatVector c1 = FloatVector.broadcast(F, FastSsim.C1), c2 = FloatVector.broadcast(F, FastSsim.C2);
        FloatVector two = FloatVector.broadcast(F, 2f);
        // window of output x = padded columns x .. x + 6 = col vectors x + 1 .. x + 7; before x = 0: vectors 0 .. 6
        FloatVector h = FloatVector.fromArray(F, col, L).add(FloatVector.fromArray(F, col, 2 * L))
                .add(FloatVector.fromArray(F, col, 3 * L)).add(FloatVector.fromArray(F, col, 4 * L))
                .add(FloatVector.fromArray(F, col, 5 * L)).add(FloatVector.fromArray(F, col, 6 * L));
        int base = y * w;
        int as = ao + 2 * pw, gs = go + 2 * pw * L;
        int x = 0;
        while (x < w) {
            int leafEnd = s.leafEnd[s.leaf];
            int x1 = Math.min(w, leafEnd - base);
            for (; x < x1; x++) {
                h = h.add(FloatVector.fromArray(F, col, (x + K) * L).sub(FloatVector.fromArray(F, col, x * L)));
                FloatVector cross = h.fma(inv, h.mul(invLo)); // the correctly rounded h / 49f
                int t = 3 * x;
                FloatVector m12 = FloatVector.fromArray(F, gr, gs + t * L).mul(ar[as + t]);
                FloatVector s12 = cross.sub(m12);
                FloatVector num = m12.fma(two, c1).mul(s12.fma(two, c2));
                FloatVector den = FloatVector.fromArray(F, gr, gs + (t + 1) * L).add(ar[as + t + 1]).add(c1)
                        .mul(FloatVector.fromArray(F, gr, gs + (t + 2) * L).add(ar[as + t + 2]).add(c2));
                int k = (x & (L - 1)) * L; // numpy accumulator x mod 8 of the current leaf
                FloatVector.fromArray(F, acc, k).add(num.div(den)).intoArray(acc, k);
            }
            if (base + x == leafEnd) {
                // numpy: res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7)); accumulators back to -0
                FloatVector r0 = FloatVector.fromArray(F, acc, 0), r1 = FloatVector.fromArray(F, acc, L);
                FloatVector r2 = FloatVector.fromArray(F, acc, 2 * L), r3 = FloatVector.fromArray(F, acc, 3 * L);
                FloatVector r4 = FloatVector.fromArray(F, acc, 4 * L), r5 = FloatVector.fromArray(F, acc, 5 * L);
                FloatVector r6 = FloatVector.fromArray(F, acc, 6 * L), r7 = FloatVector.fromArray(F, acc, 7 * L);
                r0.add(r1).add(r2.add(r3)).add(r4.add(r5).add(r6.add(r7))).intoArray(s.leafSums, s.leaf * L);
                FloatVector z = FloatVector.broadcast(F, -0f);
                for (int j = 0; j < L * L; j += L) {
                    z.intoArray(acc, j);
                }
                s.leaf++;
            }
        }
    }

    /** The 8 scores (float32 fast_ssim, lane l = image g.first + l) once all rows are done. */
    static void scores(Lanes s, int n, float[] out8) {
        int[] k = {0};
        FloatVector total = combine(s.leafSums, n, k);
        FloatVector.broadcast(F, 0f).add(total).div((float) n).intoArray(out8, 0);
    }

    /** numpy's recursion over the leaf sums, lane-wise, left before right. */
    private static FloatVector combine(float[] leafSums, int n, int[] k) {
        if (n <= PW_BLOCKSIZE) {
            return FloatVector.fromArray(F, leafSums, (k[0]++) * L);
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        FloatVector left = combine(leafSums, n2, k);
        return left.add(combine(leafSums, n - n2, k));
    }

    private static int countLeaves(int n) {
        if (n <= PW_BLOCKSIZE) {
            return 1;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return countLeaves(n2) + countLeaves(n - n2);
    }

    private static void fillLeafEnds(int off, int n, int[] ends, int[] k) {
        if (n <= PW_BLOCKSIZE) {
            ends[k[0]++] = off + n;
            return;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        fillLeafEnds(off, n2, ends, k);
        fillLeafEnds(off + n2, n - n2, ends, k);
    }
}
