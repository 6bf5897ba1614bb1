package org.cleanrank.image.cv;

import org.cleanrank.image.Raster8;

/**
 * OpenCV's {@code INTER_LINEAR_EXACT} for 8-bit images: {@code resize_bitExact<uchar,
 * interpolationLinear<uchar>>} in {@code resize.cpp}, with the {@code ufixedpoint16} /
 * {@code ufixedpoint32} arithmetic of {@code fixedpoint.inl.hpp}.
 *
 * <ul>
 *   <li>Coefficients (per axis, {@code interpolationLinear::getCoeffs}), in softfloat double (plain IEEE
 *       double, as Java's): {@code scale = 1 / inv_scale}, {@code f = scale*(d + 0.5) - 0.5},
 *       {@code i = floor(f)}; if {@code i >= 0} and {@code i < src - 1}: taps i, i+1 with weights
 *       {@code c1 = cvRound((f - i) * 256)} (half to even; 8 fractional bits) and {@code c0 = 256 - c1};
 *       outputs with {@code f < 0} copy the first sample, outputs with {@code i >= src - 1} the last.</li>
 *   <li>Horizontal pass: {@code h = s[i]*c0 + s[i+1]*c1} kept as 8.8 fixed point (uint16, no rounding);
 *       a copied sample is {@code s << 8}.</li>
 *   <li>Vertical pass: {@code (h0*c0 + h1*c1 + 2^15) >> 16} (16.16 fixed point, round half up); rows
 *       above/below the interpolated range are {@code (h + 128) >> 8} of the first/last source row.</li>
 * </ul>
 */
final class BitExactLinear {
    private BitExactLinear() {}

    /** Taps and weights of one axis. */
    private static final class Axis {
        final int[] ofs;
        final int[] c0, c1;
        int min, max;

        Axis(double invScale, int srcSize, int dstSize) {
            ofs = new int[dstSize];
            c0 = new int[dstSize];
            c1 = new int[dstSize];
            double scale = 1.0 / invScale;
            min = 0;
            max = dstSize;
            for (int d = 0; d < dstSize; d++) {
                double f = scale * (d + 0.5) - 0.5;
                int i = (int) Math.floor(f);
                if (i >= 0 && srcSize > 1) {
                    if (i < srcSize - 1) {
                        ofs[d] = i;
                        double frac = f - i;
                        int w1 = frac < 0 ? 0 : (int) Math.rint(frac * 256);
                        c1[d] = w1;
                        c0[d] = Math.max(256 - w1, 0);
                    } else {
                        ofs[d] = srcSize - 1;
                        max = Math.min(max, d);
                    }
                } else {
                    min = Math.max(min, d + 1);
                }
            }
        }
    }

    static Raster8 resize(Raster8 src, int w, int h, double invX, double invY) {
        int cn = src.channels();
        int sw = src.width(), sh = src.height();
        Axis ax = new Axis(invX, sw, w);
        Axis ay = new Axis(invY, sh, h);
        byte[] s = src.data();
        int width = w * cn;
        int[][] lines = new int[sh][];
        byte[] d = new byte[width * h];
        for (int dy = 0; dy < h; dy++) {
            int out = dy * width;
            if (dy < ay.min || dy >= ay.max) {
                int[] l = line(lines, s, dy < ay.min ? 0 : sh - 1, sw, cn, ax, width);
                for (int x = 0; x < width; x++) {
                    d[out + x] = (byte) ((l[x] + 128) >> 8);
                }
                continue;
            }
            int iy = ay.ofs[dy];
            int[] l0 = line(lines, s, iy, sw, cn, ax, width);
            int[] l1 = line(lines, s, iy + 1, sw, cn, ax, width);
            int m0 = ay.c0[dy], m1 = ay.c1[dy];
            for (int x = 0; x < width; x++) {
                int v = (l0[x] * m0 + l1[x] * m1 + (1 << 15)) >>> 16;
                d[out + x] = (byte) Math.min(v, 255);
            }
        }
        return new Raster8(w, h, cn, d);
    }

    private static int[] line(int[][] cache, byte[] s, int row, int sw, int cn, Axis ax, int width) {
        int[] l = cache[row];
        if (l != null) {
            return l;
        }
        l = new int[width];
        int base = row * sw * cn;
        int dw = width / cn;
        for (int x = 0; x < dw; x++) {
            for (int c = 0; c < cn; c++) {
                int v;
                if (x < ax.min) {
                    v = (s[base + c] & 0xFF) << 8;
                } else if (x < ax.max) {
                    int p = base + ax.ofs[x] * cn + c;
                    v = (s[p] & 0xFF) * ax.c0[x] + (s[p + cn] & 0xFF) * ax.c1[x];
                } else {
                    v = (s[base + (sw - 1) * cn + c] & 0xFF) << 8;
                }
                l[x * cn + c] = v;
            }
        }
        cache[row] = l;
        return l;
    }
}
