package org.cleanrank.image.read;

/**
 * libjpeg's YCbCr -&gt; RGB conversion ({@code jdcolor.c}, {@code ycc_rgb_convert}): 16-bit fixed-point
 * tables, rounding as libjpeg builds them, then clamping to 0..255. Applied to the upsampled YCbCr that
 * ImageIO's raw raster returns, it gives the same RGB as libjpeg (and so Pillow) without decoding twice.
 */
final class LibjpegColor {
    private static final int SCALEBITS = 16;
    private static final int ONE_HALF = 1 << (SCALEBITS - 1);
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = (fix(1.40200) * x + ONE_HALF) >> SCALEBITS;
            CB_B[i] = (fix(1.77200) * x + ONE_HALF) >> SCALEBITS;
            CR_G[i] = -fix(0.71414) * x;
            CB_G[i] = -fix(0.34414) * x + ONE_HALF;
        }
    }

    private LibjpegColor() {}

    private static int fix(double v) {
        return (int) (v * (1L << SCALEBITS) + 0.5);
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : (v > 255 ? 255 : v));
    }

    /** libjpeg's rgb_gray_convert: (FIX(0.299) R + FIX(0.587) G + FIX(0.114) B + ONE_HALF) >> 16. */
    static int rgbToGray(int r, int g, int b) {
        return (fix(0.29900) * r + fix(0.58700) * g + fix(0.11400) * b + ONE_HALF) >> SCALEBITS;
    }

    /** Interleaved YCbCr (3 bytes per pixel) to interleaved RGB. */
    static byte[] yccToRgb(byte[] ycc) {
        byte[] rgb = new byte[ycc.length];
        for (int i = 0; i < ycc.length; i += 3) {
            int y = ycc[i] & 0xFF, cb = ycc[i + 1] & 0xFF, cr = ycc[i + 2] & 0xFF;
            rgb[i] = clamp(y + CR_R[cr]);
            rgb[i + 1] = clamp(y + ((CB_G[cb] + CR_G[cr]) >> SCALEBITS));
            rgb[i + 2] = clamp(y + CB_B[cb]);
        }
        return rgb;
    }
}
