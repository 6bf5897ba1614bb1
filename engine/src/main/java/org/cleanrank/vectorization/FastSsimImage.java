package org.cleanrank.vectorization;

/**
 * The per-image part of CleanPatrick's {@code fast_ssim} (see {@code org.cleanrank.image.cv.FastSsim}), computed
 * once per image and read by both {@link FastSsimKernel} twins: the pixels in the layouts the twins want, the
 * 7 x 7 box means, their squares and the variances, in float32 as the reference computes them.
 */
public final class FastSsimImage {
    static final float C1 = 6.5025f;
    static final float C2 = 58.5225f;
    static final int K = 7;
    static final double INV_AREA = 1. / (K * K);

    final int w, h;
    final int[] px;
    /**
     * For the SIMD twin: the pixels as bytes (unsigned), rows padded by K/2 reflected pixels on each
     * side (BORDER_REFLECT_101), row stride w + K - 1, so products of padded rows are padded product rows.
     */
    final byte[] px8;
    /**
     * For the SIMD twin: the pixels as floats, padded on all sides by K/2 reflected pixels
     * (BORDER_REFLECT_101: padded row r is image row reflect101(r - K/2), columns as {@link #px8}), then
     * zeros up to a row stride {@link #padStride} that is a multiple of 8; h + K - 1 rows. A product of
     * two padded pixels is an exact float (at most 255^2), the padded rows are whole vectors, and the 7
     * rows of the window of output row y are padded rows y .. y + 6.
     */
    final float[] padF;

    final int padStride;
    final float[] mu, muSq, sigmaSq;

    /**
     * Statistics of one gray image, {@code gray} row-major {@code w} x {@code h} (unsigned bytes).
     *
     * @throws IllegalArgumentException if {@code gray} does not hold w * h pixels
     */
    public FastSsimImage(byte[] gray, int w, int h) {
        if (gray.length != w * h) {
            throw new IllegalArgumentException(
                    "SSIM needs w * h gray pixels, got " + gray.length + " for " + w + " x " + h);
        }
        this.w = w;
        this.h = h;
        int pw = w + K - 1;
        px8 = new byte[h * pw];
        for (int y = 0; y < h; y++) {
            for (int x = -(K / 2); x < w + K / 2; x++) {
                px8[y * pw + x + K / 2] = gray[y * w + reflect101(x, w)];
            }
        }
        padStride = (w + K - 1 + 7) & ~7;
        padF = new float[(h + K - 1) * padStride];
        for (int r = 0; r < h + K - 1; r++) {
            int y = reflect101(r - K / 2, h);
            for (int x = 0; x < pw; x++) {
                padF[r * padStride + x] = px8[y * pw + x] & 0xFF;
            }
        }
        px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = gray[i] & 0xFF;
        }
        int[] sq = new int[px.length];
        for (int i = 0; i < px.length; i++) {
            sq[i] = px[i] * px[i];
        }
        mu = boxMean(px, w, h);
        float[] e2 = boxMean(sq, w, h);
        muSq = new float[px.length];
        sigmaSq = new float[px.length];
        for (int i = 0; i < px.length; i++) {
            muSq[i] = mu[i] * mu[i];
            sigmaSq[i] = e2[i] - muSq[i];
        }
    }

    static void checkSameSize(FastSsimImage a, FastSsimImage b) {
        if (a.w != b.w || a.h != b.h) {
            throw new IllegalArgumentException("SSIM needs equally sized images");
        }
    }

    /** cv2.boxFilter 7x7, normalised, BORDER_REFLECT_101, exact integer sums then (float)(sum * (1./49)). */
    static float[] boxMean(int[] v, int w, int h) {
        float[] out = new float[w * h];
        boxMean(v, w, h, new int[w * h], out);
        return out;
    }

    /**
     * {@link #boxMean(int[], int, int)} into {@code out}, with {@code rows} (at least w*h) as scratch.
     * Values are at most 255*255, so the row sums (7 terms) and the box sums (49 terms, &lt; 2^22) are
     * exact in int, as the reference's double running sums are.
     */
    static void boxMean(int[] v, int w, int h, int[] rows, float[] out) {
        int r = K / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = 0;
                for (int k = -r; k <= r; k++) {
                    s += v[y * w + reflect101(x + k, w)];
                }
                rows[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = 0;
                for (int k = -r; k <= r; k++) {
                    s += rows[reflect101(y + k, h) * w + x];
                }
                out[y * w + x] = (float) (s * INV_AREA);
            }
        }
    }

    /** BORDER_REFLECT_101: gfedcb|abcdefgh|gfedcba. */
    static int reflect101(int i, int n) {
        if (n == 1) {
            return 0;
        }
        while (i < 0 || i >= n) {
            i = i < 0 ? -i : 2 * n - 2 - i;
        }
        return i;
    }
}
