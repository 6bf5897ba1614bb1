package org.cleanrank.vectorization;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link BlockLaneOps} (the CPU's preferred float vectors, 512 or 256 bits). Loops run over
 * whole vectors up to the length rounded up to {@link BlockLaneOps#LANES}; the padding lanes of the
 * scratch arrays are +inf, so they never win an argmin or match a distance. Minima and maxima are
 * compare-and-blend (no NaN can occur here), which is shorter than the NaN-aware {@code min}/{@code max};
 * the argmin keeps four independent accumulators to break the dependency chain. Any index of a minimum
 * is a valid Prim choice, so the twins may pick different ones among ties and still emit the same pairs.
 */
final class PanamaBlockLaneOps implements BlockLaneOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes per vector: LANES (AVX-512) or LANES / 2 (AVX2); the padding contract is in LANES. */
    private static final int L = S.length();

    PanamaBlockLaneOps() {
        if (LANES % L != 0) {
            throw new UnsupportedOperationException(L + "-lane vectors do not tile the " + LANES + "-lane padding");
        }
    }

    @Override
    public String name() {
        return "panama-" + L + "x32";
    }

    private static FloatVector lesser(FloatVector a, FloatVector b) {
        return a.blend(b, b.lt(a));
    }

    @Override
    public int foldMin(float[] d, float[] row, int off, float[] pen, int len) {
        FloatVector m0 = FloatVector.broadcast(S, Float.POSITIVE_INFINITY), m1 = m0;
        int end = (len + LANES - 1) / LANES * LANES;
        int v = 0;
        for (; v + 2 * L <= end; v += 2 * L) {
            FloatVector d0 = lesser(
                    FloatVector.fromArray(S, d, v),
                    FloatVector.fromArray(S, row, off + v).add(FloatVector.fromArray(S, pen, v)));
            FloatVector d1 = lesser(
                    FloatVector.fromArray(S, d, v + L),
                    FloatVector.fromArray(S, row, off + v + L).add(FloatVector.fromArray(S, pen, v + L)));
            d0.intoArray(d, v);
            d1.intoArray(d, v + L);
            m0 = lesser(m0, d0);
            m1 = lesser(m1, d1);
        }
        for (; v < end; v += L) {
            FloatVector d0 = lesser(
                    FloatVector.fromArray(S, d, v),
                    FloatVector.fromArray(S, row, off + v).add(FloatVector.fromArray(S, pen, v)));
            d0.intoArray(d, v);
            m0 = lesser(m0, d0);
        }
        return firstIndexOf(d, end, lesser(m0, m1).reduceLanes(VectorOperators.MIN));
    }

    @Override
    public int argMin(float[] d, int len) {
        FloatVector m0 = FloatVector.broadcast(S, Float.POSITIVE_INFINITY), m1 = m0, m2 = m0, m3 = m0;
        int end = (len + LANES - 1) / LANES * LANES;
        int v = 0;
        for (; v + 4 * L <= end; v += 4 * L) {
            m0 = lesser(m0, FloatVector.fromArray(S, d, v));
            m1 = lesser(m1, FloatVector.fromArray(S, d, v + L));
            m2 = lesser(m2, FloatVector.fromArray(S, d, v + 2 * L));
            m3 = lesser(m3, FloatVector.fromArray(S, d, v + 3 * L));
        }
        for (; v < end; v += L) {
            m0 = lesser(m0, FloatVector.fromArray(S, d, v));
        }
        return firstIndexOf(d, end, lesser(lesser(m0, m1), lesser(m2, m3)).reduceLanes(VectorOperators.MIN));
    }

    /** The first v with d[v] == min, or -1 when min is +inf (all points visited or out of reach). */
    private static int firstIndexOf(float[] d, int end, float min) {
        if (min == Float.POSITIVE_INFINITY) {
            return -1;
        }
        FloatVector mv = FloatVector.broadcast(S, min);
        for (int w = 0; w < end; w += L) {
            VectorMask<Float> eq = FloatVector.fromArray(S, d, w).eq(mv);
            if (eq.anyTrue()) {
                return w + eq.firstTrue();
            }
        }
        throw new IllegalStateException("minimum not found");
    }

    /** One vector of rows at a time: one gather per column reads them, one store writes them. */
    @Override
    public void transpose(float[] from, int rows, int cols, float[] to) {
        int[] index = new int[L];
        int u0 = 0;
        for (; u0 + L <= rows; u0 += L) {
            for (int lane = 0; lane < L; lane++) {
                index[lane] = lane * cols;
            }
            int base = u0 * cols;
            for (int v = 0; v < cols; v++) {
                FloatVector.fromArray(S, from, base + v, index, 0).intoArray(to, v * rows + u0);
            }
        }
        for (int u = u0; u < rows; u++) {
            for (int v = 0; v < cols; v++) {
                to[v * rows + u] = from[u * cols + v];
            }
        }
    }

    @Override
    public void foldMax(float[] r, float g, int len) {
        FloatVector gv = FloatVector.broadcast(S, g);
        for (int v = 0; v < len; v += L) {
            FloatVector x = FloatVector.fromArray(S, r, v);
            x.blend(gv, x.lt(gv)).intoArray(r, v);
        }
    }

    @Override
    public int equalLanes(float[] row, int off, float[] r, int len, int[] hits) {
        int c = 0;
        for (int v = 0; v < len; v += L) {
            long bits = FloatVector.fromArray(S, row, off + v)
                    .eq(FloatVector.fromArray(S, r, v))
                    .toLong();
            if (v + L > len) {
                bits &= (1L << (len - v)) - 1; // lanes past the row hold the next row's (or stale) values
            }
            while (bits != 0) {
                hits[c++] = v + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return c;
    }
}
