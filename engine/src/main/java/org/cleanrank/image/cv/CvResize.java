package org.cleanrank.image.cv;

import org.cleanrank.image.Raster8;

/**
 * {@code cv2.resize} on 8-bit images (any channel count, interleaved), bit for bit with OpenCV 4.6's
 * {@code modules/imgproc/src/resize.cpp} on x86-64 (SSE universal intrinsics, no IPP).
 *
 * <p>Dispatch, as {@code cv::hal::resize} does it: {@code inv_scale = (double) dst / src},
 * {@code scale = 1. / inv_scale}, {@code iscale = cvRound(scale)}, {@code is_area_fast} = both
 * |scale - iscale| &lt; DBL_EPSILON.
 * <ul>
 *   <li>{@code INTER_LINEAR_EXACT}: an exact 2x2 downscale (not for 2 channels) is handed to the
 *       INTER_AREA fast path; otherwise {@link #linearExact} runs the fixed-point "bit-exact" resize.</li>
 *   <li>{@code INTER_AREA} with both scales &gt;= 1: integer factors take {@code resizeAreaFast_}, other
 *       factors {@code resizeArea_} (float weights). Otherwise (any axis enlarged, e.g. an 8 x 8 or a
 *       600 x 40 image to 64 x 64) OpenCV falls back to its generic <b>bilinear</b> resize (11-bit fixed
 *       point) with "area mode" coefficients, see {@link #linearAreaMode}.</li>
 * </ul>
 */
public final class CvResize {
    private static final double DBL_EPSILON = Math.ulp(1.0);

    private CvResize() {}

    /** {@code cv2.resize(src, (w, h), interpolation=cv2.INTER_LINEAR_EXACT)}. */
    public static Raster8 linearExact(Raster8 src, int w, int h) {
        check(src, w, h);
        if (w == src.width() && h == src.height()) {
            return copy(src);
        }
        Scales s = new Scales(src, w, h);
        if (s.areaFast && s.iscaleX == 2 && s.iscaleY == 2 && src.channels() != 2) {
            return areaFast(src, w, h, 2, 2);
        }
        return BitExactLinear.resize(src, w, h, s.invX, s.invY);
    }

    /** {@code cv2.resize(src, (w, h), interpolation=cv2.INTER_AREA)}. */
    public static Raster8 area(Raster8 src, int w, int h) {
        check(src, w, h);
        if (w == src.width() && h == src.height()) {
            return copy(src);
        }
        Scales s = new Scales(src, w, h);
        if (s.scaleX >= 1 && s.scaleY >= 1) {
            return s.areaFast
                    ? areaFast(src, w, h, s.iscaleX, s.iscaleY)
                    : AreaDecimate.resize(src, w, h, s.scaleX, s.scaleY);
        }
        return linearAreaMode(src, w, h, s);
    }

    /** The scale factors as {@code cv::resize} derives them from the sizes. */
    static final class Scales {
        final double invX, invY, scaleX, scaleY;
        final int iscaleX, iscaleY;
        final boolean areaFast;

        Scales(Raster8 src, int w, int h) {
            invX = (double) w / src.width();
            invY = (double) h / src.height();
            scaleX = 1.0 / invX;
            scaleY = 1.0 / invY;
            iscaleX = saturateInt(scaleX);
            iscaleY = saturateInt(scaleY);
            areaFast = Math.abs(scaleX - iscaleX) < DBL_EPSILON && Math.abs(scaleY - iscaleY) < DBL_EPSILON;
        }
    }

    /** {@code saturate_cast<int>(double)}: cvRound (round half to even), clamped. */
    static int saturateInt(double v) {
        double r = Math.rint(v);
        return r >= Integer.MAX_VALUE ? Integer.MAX_VALUE : r <= Integer.MIN_VALUE ? Integer.MIN_VALUE : (int) r;
    }

    /** {@code saturate_cast<uchar>(float)}: cvRound (SSE {@code cvtss2si}, half to even), clamped. */
    static int saturateU8(float v) {
        float r = (float) Math.rint(v);
        return r <= 0 ? 0 : r >= 255 ? 255 : (int) r;
    }

    /**
     * {@code resizeAreaFast_} for integer factors sx x sy. For 2 x 2 on 1, 3 or 4 channels
     * ({@code ResizeAreaFastVec}, SIMD and scalar tail alike) each output is {@code (a+b+c+d+2) >> 2}
     * (round half up); for other factors {@code saturate_cast<uchar>(sum * (1.f/area))}, a float
     * product rounded half to even. The two roundings differ (e.g. a 2 x 2 sum of 10 gives 3, a 4 x 1 sum
     * of 10 gives 2).
     */
    static Raster8 areaFast(Raster8 src, int w, int h, int sx, int sy) {
        int cn = src.channels();
        int sw = src.width(), sh = src.height();
        byte[] s = src.data();
        byte[] d = new byte[w * h * cn];
        boolean fast2 = sx == 2 && sy == 2 && (cn == 1 || cn == 3 || cn == 4);
        int area = sx * sy;
        float scale = 1.f / area;
        int srcStep = sw * cn;
        int dwidth1 = (sw / sx) * cn;
        int dwc = w * cn, swc = sw * cn;
        for (int dy = 0; dy < h; dy++) {
            int sy0 = dy * sy;
            int rowW = sy0 + sy <= sh ? dwidth1 : 0;
            int drow = dy * dwc;
            if (sy0 >= sh) {
                continue; // zeros
            }
            int dx = 0;
            for (; dx < rowW; dx++) {
                int px = dx / cn, c = dx - px * cn;
                int base = sy0 * srcStep + px * sx * cn + c;
                if (fast2) {
                    int v = (s[base] & 0xFF)
                            + (s[base + cn] & 0xFF)
                            + (s[base + srcStep] & 0xFF)
                            + (s[base + srcStep + cn] & 0xFF);
                    d[drow + dx] = (byte) ((v + 2) >> 2);
                } else {
                    int sum = 0;
                    for (int yy = 0; yy < sy; yy++) {
                        for (int xx = 0; xx < sx; xx++) {
                            sum += s[base + yy * srcStep + xx * cn] & 0xFF;
                        }
                    }
                    d[drow + dx] = (byte) saturateU8(sum * scale);
                }
            }
            for (; dx < dwc; dx++) { // partial cells at the border (only when the size is not a multiple)
                int px = dx / cn, c = dx - px * cn;
                int sx0 = px * sx * cn + c;
                if (sx0 >= swc) {
                    d[drow + dx] = 0;
                }
                int sum = 0, count = 0;
                for (int yy = 0; yy < sy && sy0 + yy < sh; yy++) {
                    for (int xx = 0; xx < sx * cn; xx += cn) {
                        if (sx0 + xx >= swc) {
                            break;
                        }
                        sum += s[(sy0 + yy) * srcStep + sx0 + xx] & 0xFF;
                        count++;
                    }
                }
                if (count > 0) {
                    d[drow + dx] = (byte) saturateU8((float) sum / count);
                }
            }
        }
        return new Raster8(w, h, cn, d);
    }

    /**
     * INTER_AREA when an axis is enlarged: OpenCV's generic {@code resizeGeneric_} with linear
     * taps (INTER_RESIZE_COEF_BITS = 11) and "area mode" coefficients:
     * {@code sx = cvFloor(dx*scale_x)}, {@code fx = (float)((dx+1) - (sx+1)*inv_scale_x)},
     * {@code fx = fx <= 0 ? 0 : fx - cvFloor(fx)}, taps clamped at the border; weights
     * {@code saturate_cast<short>(w * 2048)}. Horizontal pass in int ({@code HResizeLinear}), vertical
     * pass {@code VResizeLinear<uchar,int,short>} whose SSE kernel {@code VResizeLinearVec_32s8u} is
     * <b>not</b> the exact {@code (S0*b0 + S1*b1 + 2^21) >> 22} of its scalar tail: it computes
     * {@code ((((S0>>4)*b0)>>16) + (((S1>>4)*b1)>>16) + 2) >> 2} on 16 (then 8) elements at a time;
     * only the remaining {@code width mod 8} elements of a row use the exact formula.
     */
    static Raster8 linearAreaMode(Raster8 src, int w, int h, Scales s) {
        int cn = src.channels();
        int sw = src.width(), sh = src.height();
        int width = w * cn;
        int[] xofs = new int[width];
        short[] ialpha = new short[width * 2];
        int xmax = w;
        for (int dx = 0; dx < w; dx++) {
            int sx = (int) Math.floor(dx * s.scaleX);
            float fx = (float) ((dx + 1) - (sx + 1) * s.invX);
            fx = fx <= 0 ? 0.f : fx - (float) Math.floor(fx);
            if (sx < 0) {
                fx = 0;
                sx = 0;
            }
            if (sx + 1 >= sw) {
                xmax = Math.min(xmax, dx);
                if (sx >= sw - 1) {
                    fx = 0;
                    sx = sw - 1;
                }
            }
            short a0 = saturateS16((1.f - fx) * 2048), a1 = saturateS16(fx * 2048);
            for (int k = 0; k < cn; k++) {
                xofs[dx * cn + k] = sx * cn + k;
                ialpha[(dx * cn + k) * 2] = a0;
                ialpha[(dx * cn + k) * 2 + 1] = a1;
            }
        }
        xmax *= cn;
        int[] yofs = new int[h];
        short[] ibeta = new short[h * 2];
        for (int dy = 0; dy < h; dy++) {
            int sy = (int) Math.floor(dy * s.scaleY);
            float fy = (float) ((dy + 1) - (sy + 1) * s.invY);
            fy = fy <= 0 ? 0.f : fy - (float) Math.floor(fy);
            yofs[dy] = sy;
            ibeta[dy * 2] = saturateS16((1.f - fy) * 2048);
            ibeta[dy * 2 + 1] = saturateS16(fy * 2048);
        }
        byte[] sd = src.data();
        byte[] d = new byte[width * h];
        int[] r0 = new int[width], r1 = new int[width];
        for (int dy = 0; dy < h; dy++) {
            int sy0 = clamp(yofs[dy], sh), sy1 = clamp(yofs[dy] + 1, sh);
            hresize(sd, sy0 * sw * cn, cn, xofs, ialpha, xmax, r0);
            hresize(sd, sy1 * sw * cn, cn, xofs, ialpha, xmax, r1);
            int b0 = ibeta[dy * 2], b1 = ibeta[dy * 2 + 1];
            int out = dy * width;
            int simdEnd = width - width % 8; // SSE kernel: 16-wide, then 8-wide blocks
            int x = 0;
            for (; x < simdEnd; x++) {
                int v = (((r0[x] >> 4) * b0) >> 16) + (((r1[x] >> 4) * b1) >> 16);
                d[out + x] = (byte) clampU8((v + 2) >> 2);
            }
            for (; x < width; x++) {
                d[out + x] = (byte) clampU8((r0[x] * b0 + r1[x] * b1 + (1 << 21)) >> 22);
            }
        }
        return new Raster8(w, h, cn, d);
    }

    /** {@code HResizeLinear<uchar,int,short>}: two taps inside [0, xmax), one tap times 2048 after it. */
    private static void hresize(byte[] s, int rowStart, int cn, int[] xofs, short[] alpha, int xmax, int[] dst) {
        for (int dx = 0; dx < dst.length; dx++) {
            int sx = rowStart + xofs[dx];
            if (dx < xmax) {
                dst[dx] = (s[sx] & 0xFF) * alpha[dx * 2] + (s[sx + cn] & 0xFF) * alpha[dx * 2 + 1];
            } else {
                dst[dx] = (s[sx] & 0xFF) * 2048;
            }
        }
    }

    private static int clamp(int y, int n) {
        return y < 0 ? 0 : y >= n ? n - 1 : y;
    }

    private static int clampU8(int v) {
        return v < 0 ? 0 : v > 255 ? 255 : v;
    }

    /** {@code saturate_cast<short>(float)}: cvRound half to even, clamped. */
    static short saturateS16(float v) {
        float r = (float) Math.rint(v);
        return (short) (r <= Short.MIN_VALUE ? Short.MIN_VALUE : r >= Short.MAX_VALUE ? Short.MAX_VALUE : (int) r);
    }

    private static void check(Raster8 src, int w, int h) {
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("bad target size " + w + "x" + h);
        }
    }

    private static Raster8 copy(Raster8 r) {
        return new Raster8(r.width(), r.height(), r.channels(), r.data().clone());
    }
}
