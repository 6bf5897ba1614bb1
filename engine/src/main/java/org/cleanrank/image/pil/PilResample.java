package org.cleanrank.image.pil;

import org.cleanrank.image.Raster8;

/**
 * Pillow's {@code Image.resize(size, filter)} of an 8-bit single-channel (mode L) image, bit for bit as
 * Pillow 9.4.0 computes it ({@code src/libImaging/Resample.c}, {@code ImagingResample} on an
 * {@code image8} image).
 *
 * <p>What is reproduced:
 * <ul>
 *   <li><b>No reduce step.</b> {@code Image.resize} defaults to {@code reducing_gap=None} in Pillow 9.4, so
 *       it goes straight to {@code ImagingResample} with the box {@code (0, 0, width, height)} (only
 *       {@code thumbnail} uses a reducing gap). A resize to the same size returns a copy.</li>
 *   <li><b>Coefficients</b> ({@code precompute_coeffs}): {@code scale = (in1 - in0) / outSize} (the box
 *       difference is a C {@code float}), {@code filterscale = max(scale, 1)}, {@code support = filter
 *       support * filterscale}; for output pixel {@code xx}: {@code center = in0 + (xx + 0.5) * scale},
 *       first tap {@code xmin = (int)(center - support + 0.5)} clamped to 0, end {@code (int)(center +
 *       support + 0.5)} clamped to the input size (C truncation toward zero), weights
 *       {@code filter((x + xmin - center + 0.5) / filterscale)} in double, divided by their double sum
 *       (skipped if the sum is 0).</li>
 *   <li><b>Fixed point</b> ({@code normalize_coeffs_8bpc}): {@code PRECISION_BITS = 32 - 8 - 2 = 22};
 *       {@code k = (int)(w * 2^22 + 0.5)} for {@code w >= 0} and {@code (int)(w * 2^22 - 0.5)} for
 *       {@code w < 0} (round half away from zero).</li>
 *   <li><b>Accumulation</b>: 32-bit int, starting at {@code 1 << 21} (rounding), {@code sum += sample * k} in
 *       tap order; result {@code clip8(sum) = clamp(sum >> 22, 0, 255)} (arithmetic shift, Pillow's
 *       {@code clip8_lookups} table).</li>
 *   <li><b>Order</b> ({@code ImagingResampleInner}): horizontal pass first (only on the rows the vertical
 *       pass will read, {@code bounds_vert[0] .. last xmin + count}), clipped to 8 bits, then the vertical
 *       pass on that 8-bit intermediate. A pass is skipped when its size does not change.</li>
 *   <li><b>Filters</b>: BILINEAR (triangle, support 1), BICUBIC (Keys, {@code a = -0.5}, support 2; Pillow's
 *       default for {@code resize} on mode L), LANCZOS (Lanczos-3: {@code sinc(x) * sinc(x / 3)} on
 *       {@code [-3, 3)}, support 3; imagehash's {@code ANTIALIAS}).</li>
 * </ul>
 *
 * <p>Verified against Pillow output: LANCZOS directly (the golden 32x32 / 64x64 stage arrays, down- and
 * upsampling) and BICUBIC indirectly (CleanPatrick's 9x8 thumbnail hashes). BILINEAR shares all the code
 * but its kernel has no golden output to compare with.
 *
 * <p>One caveat: Pillow's LANCZOS uses the C library's {@code sin}; we use {@link StrictMath#sin} (fdlibm).
 * Both are within one ulp of the true value, so a coefficient could differ only if {@code w * 2^22} fell
 * within a few ulps of a half-integer; none does on the golden set (all stage arrays match exactly).
 */
public final class PilResample {
    private PilResample() {}

    /** {@code 32 - 8 - 2}: bits after the binary point of the fixed-point coefficients. */
    public static final int PRECISION_BITS = 32 - 8 - 2;

    /** The resampling filters reproduced here (Pillow's {@code Image.Resampling} members of the same names). */
    public enum Filter {
        /** Triangle filter, support 1. */
        BILINEAR(1.0),
        /** Keys cubic convolution with {@code a = -0.5}, support 2. */
        BICUBIC(2.0),
        /** Lanczos-3 (truncated sinc), support 3. */
        LANCZOS(3.0);

        final double support;

        Filter(double support) {
            this.support = support;
        }

        /** The filter kernel at {@code x}, with Pillow's exact expression order. */
        double weight(double x) {
            return switch (this) {
                case BILINEAR -> {
                    double ax = x < 0.0 ? -x : x;
                    yield ax < 1.0 ? 1.0 - ax : 0.0;
                }
                case BICUBIC -> {
                    final double a = -0.5;
                    double ax = x < 0.0 ? -x : x;
                    if (ax < 1.0) {
                        yield ((a + 2.0) * ax - (a + 3.0)) * ax * ax + 1;
                    }
                    if (ax < 2.0) {
                        yield (((ax - 5) * ax + 8) * ax - 4) * a;
                    }
                    yield 0.0;
                }
                case LANCZOS -> (-3.0 <= x && x < 3.0) ? sinc(x) * sinc(x / 3) : 0.0;
            };
        }

        private static double sinc(double x) {
            if (x == 0.0) {
                return 1.0;
            }
            double px = x * Math.PI;
            return StrictMath.sin(px) / px;
        }
    }

    /**
     * Fixed-point coefficients of one axis: output pixel {@code i} reads input {@code first[i] ..
     * first[i] + count[i] - 1} with weights {@code k[i * ksize + t]}.
     */
    record Coefficients(int ksize, int[] first, int[] count, int[] k) {}

    /** Pillow's {@code precompute_coeffs} followed by {@code normalize_coeffs_8bpc}, for the box {@code [in0, in1)}. */
    static Coefficients coefficients(int inSize, float in0, float in1, int outSize, Filter filter) {
        double scale = (double) (in1 - in0) / outSize;
        double filterscale = scale < 1.0 ? 1.0 : scale;
        double support = filter.support * filterscale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        int[] first = new int[outSize];
        int[] count = new int[outSize];
        int[] k = new int[outSize * ksize];
        double[] w = new double[ksize];
        for (int xx = 0; xx < outSize; xx++) {
            double center = in0 + (xx + 0.5) * scale;
            double ss = 1.0 / filterscale;
            int xmin = (int) (center - support + 0.5);
            if (xmin < 0) {
                xmin = 0;
            }
            int xmax = (int) (center + support + 0.5);
            if (xmax > inSize) {
                xmax = inSize;
            }
            xmax -= xmin;
            double ww = 0.0;
            for (int x = 0; x < xmax; x++) {
                w[x] = filter.weight((x + xmin - center + 0.5) * ss);
                ww += w[x];
            }
            for (int x = 0; x < xmax; x++) {
                double v = ww != 0.0 ? w[x] / ww : w[x];
                k[xx * ksize + x] =
                        v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS)) : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            first[xx] = xmin;
            count[xx] = xmax;
        }
        return new Coefficients(ksize, first, count, k);
    }

    /** Pillow's {@code clip8}: the accumulator shifted down by {@link #PRECISION_BITS}, clamped to 0..255. */
    static int clip8(int acc) {
        int v = acc >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }

    /**
     * {@code Image.resize((width, height), filter)} of a single-channel 8-bit image (Pillow mode L), whole
     * image as the box.
     */
    public static Raster8 resize(Raster8 in, int width, int height, Filter filter) {
        if (in.channels() != 1) {
            throw new IllegalArgumentException("PilResample handles 1-channel (mode L) images; got " + in.channels());
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("bad target size " + width + "x" + height);
        }
        int inW = in.width();
        int inH = in.height();
        if (width == inW && height == inH) {
            return Raster8.gray(inW, inH, in.data().clone());
        }
        boolean needHorizontal = width != inW;
        boolean needVertical = height != inH;
        Coefficients vert = coefficients(inH, 0f, inH, height, filter);
        int yFirst = vert.first()[0];
        int yLast = vert.first()[height - 1] + vert.count()[height - 1];

        byte[] cur = in.data();
        int curW = inW;
        int rowOffset = 0; // input row of intermediate row 0
        if (needHorizontal) {
            Coefficients hor = coefficients(inW, 0f, inW, width, filter);
            int rows = yLast - yFirst;
            byte[] tmp = new byte[width * rows];
            int ks = hor.ksize();
            for (int yy = 0; yy < rows; yy++) {
                int rowBase = (yy + yFirst) * inW;
                for (int xx = 0; xx < width; xx++) {
                    int xmin = hor.first()[xx];
                    int n = hor.count()[xx];
                    int kb = xx * ks;
                    int acc = 1 << (PRECISION_BITS - 1);
                    for (int x = 0; x < n; x++) {
                        acc += (cur[rowBase + xmin + x] & 0xFF) * hor.k()[kb + x];
                    }
                    tmp[yy * width + xx] = (byte) clip8(acc);
                }
            }
            cur = tmp;
            curW = width;
            rowOffset = yFirst;
        }
        if (!needVertical) {
            return Raster8.gray(curW, height, cur);
        }
        byte[] out = new byte[curW * height];
        int ks = vert.ksize();
        for (int yy = 0; yy < height; yy++) {
            int ymin = vert.first()[yy] - rowOffset;
            int n = vert.count()[yy];
            int kb = yy * ks;
            for (int xx = 0; xx < curW; xx++) {
                int acc = 1 << (PRECISION_BITS - 1);
                for (int y = 0; y < n; y++) {
                    acc += (cur[(ymin + y) * curW + xx] & 0xFF) * vert.k()[kb + y];
                }
                out[yy * curW + xx] = (byte) clip8(acc);
            }
        }
        return Raster8.gray(curW, height, out);
    }
}
