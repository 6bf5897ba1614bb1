package org.cleanrank.image.pil;

import org.cleanrank.image.Raster8;

/**
 * Pillow's {@code Image.convert('L')} (Pillow 9.4.0, {@code src/libImaging/Convert.c}), bit for bit.
 *
 * <ul>
 *   <li><b>RGB, RGBA, RGBX</b> ({@code rgb2l}; Pillow uses the same routine for all three): ITU-R 601-2 luma
 *       in 16-bit fixed point, {@code L = (19595 R + 38470 G + 7471 B + 0x8000) >> 16}. The three weights sum
 *       to 65536, so the {@code + 0x8000} makes the shift round half up. <b>Alpha is ignored, not
 *       composited</b> (a fully transparent pixel keeps the luma of its stored colour).</li>
 *   <li><b>LA</b> ({@code la2l}): the L channel, alpha dropped.</li>
 *   <li><b>L</b>: a copy.</li>
 *   <li><b>P / PA</b> ({@code p2l}, {@code pa2l}): the same luma of the palette entry's RGB. The caller expands
 *       the palette to RGB(A) first and calls {@link #toL}; the result is identical because Pillow applies
 *       {@code L24} to the palette entry exactly as to an RGB pixel.</li>
 *   <li><b>I</b> ({@code i2l}) and <b>I;16 / I;16L / I;16B</b> ({@code I16L_L}, {@code I16B_L}): clipped to
 *       0..255, <b>not scaled</b>: any value above 255 becomes 255 (for I;16, "high byte non-zero" gives
 *       255, which is the same thing). Pillow 9.4 opens a 16-bit grayscale PNG as mode {@code I}, so its
 *       {@code convert('L')} of such a file is {@code min(max(v, 0), 255)} per sample (see
 *       {@link #fromIntSamples}); OpenCV instead scales ({@code v >> 8}).</li>
 * </ul>
 * CMYK and YCbCr inputs are not handled here (Pillow converts CMYK to RGB first, with its own rounding).
 */
public final class PilConvert {
    private PilConvert() {}

    /** Pillow's {@code L24(rgb) >> 16}: fixed-point ITU-R 601-2 luma of one 8-bit RGB triple (0..255 each). */
    public static int luma(int r, int g, int b) {
        return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >>> 16;
    }

    /**
     * {@code convert('L')} of an 8-bit image: 1 channel = L (copied), 2 = LA (alpha dropped), 3 = RGB,
     * 4 = RGBA (alpha dropped, not composited). Channel order must be Pillow's (R, G, B[, A]).
     */
    public static Raster8 toL(Raster8 in) {
        int n = in.width() * in.height();
        byte[] src = in.data();
        byte[] out = new byte[n];
        switch (in.channels()) {
            case 1 -> System.arraycopy(src, 0, out, 0, n);
            case 2 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = src[2 * i];
                }
            }
            case 3, 4 -> {
                int c = in.channels();
                for (int i = 0, p = 0; i < n; i++, p += c) {
                    out[i] = (byte) luma(src[p] & 0xFF, src[p + 1] & 0xFF, src[p + 2] & 0xFF);
                }
            }
            default ->
                throw new IllegalArgumentException(
                        "convert('L') needs 1 (L), 2 (LA), 3 (RGB) or 4 (RGBA) channels, got " + in.channels());
        }
        return Raster8.gray(in.width(), in.height(), out);
    }

    /** Pillow's {@code i2l}: one 32-bit sample of a mode I image to L, clipped to 0..255, no scaling. */
    public static int clipToL(int v) {
        return v <= 0 ? 0 : Math.min(v, 255);
    }

    /**
     * {@code convert('L')} of a mode I (or I;16) image given its samples row-major ({@code width * height}
     * values): each clipped to 0..255, no scaling. For a 16-bit grayscale PNG pass the raw 16-bit values.
     */
    public static Raster8 fromIntSamples(int width, int height, int[] samples) {
        if (samples.length != width * height) {
            throw new IllegalArgumentException("samples " + samples.length + " != " + width + "*" + height);
        }
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = (byte) clipToL(samples[i]);
        }
        return Raster8.gray(width, height, out);
    }
}
