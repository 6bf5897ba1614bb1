package org.cleanrank.image.read;

import org.cleanrank.image.Raster8;

/**
 * What {@code cv2.imread} returns for a decoded file (OpenCV 4.6 with libjpeg / libpng), EXIF orientation
 * applied as cv2.imread applies it for JPEGs.
 *
 * <ul>
 *   <li>{@link #color}: {@code IMREAD_COLOR}, BGR; alpha dropped (not composited); gray replicated; 16-bit
 *       samples reduced by {@code >> 8}; CMYK JPEGs through OpenCV's own CMYK -&gt; BGR
 *       ({@code k - ((255 - c) * k >> 8)} on libjpeg's inverted Adobe values).
 *   <li>{@link #grayscale}: {@code IMREAD_GRAYSCALE}, which is <em>not</em> BGR -&gt; gray: JPEGs give
 *       libjpeg's Y plane directly; colour PNGs go through libpng's own truncating
 *       {@code (9797 R + 19234 G + 3737 B) >> 15} (its 0.299 / 0.587 coefficients in 1/32768, pixels with
 *       R = G = B passed through); CMYK through OpenCV's CMYK -&gt; gray (BGR2GRAY weights 4899 / 9617 / 1868).
 * </ul>
 */
public final class OpenCvRead {
    private OpenCvRead() {}

    public static Raster8 color(DecodedImage img) {
        int w = img.width(), h = img.height(), n = w * h;
        byte[] out = new byte[n * 3];
        byte[] s = img.samples8();
        switch (img.pixelFormat()) {
            case GRAY8, GRAY_ALPHA8 -> {
                int ch = img.pixelFormat().channels;
                for (int i = 0; i < n; i++) {
                    byte g = s[i * ch];
                    out[3 * i] = g;
                    out[3 * i + 1] = g;
                    out[3 * i + 2] = g;
                }
            }
            case GRAY16 -> {
                short[] s16 = img.samples16();
                for (int i = 0; i < n; i++) {
                    byte g = (byte) ((s16[i] & 0xFFFF) >> 8);
                    out[3 * i] = g;
                    out[3 * i + 1] = g;
                    out[3 * i + 2] = g;
                }
            }
            case RGB8, RGBA8 -> {
                int ch = img.pixelFormat().channels;
                for (int i = 0; i < n; i++) {
                    out[3 * i] = s[i * ch + 2];
                    out[3 * i + 1] = s[i * ch + 1];
                    out[3 * i + 2] = s[i * ch];
                }
            }
            case CMYK8 -> {
                for (int i = 0; i < n; i++) {
                    int k = 255 - (s[4 * i + 3] & 0xFF);
                    out[3 * i + 2] = (byte) cmykChannel(255 - (s[4 * i] & 0xFF), k);
                    out[3 * i + 1] = (byte) cmykChannel(255 - (s[4 * i + 1] & 0xFF), k);
                    out[3 * i] = (byte) cmykChannel(255 - (s[4 * i + 2] & 0xFF), k);
                }
            }
        }
        return ExifOrientation.apply(new Raster8(w, h, 3, out), img.exifOrientation());
    }

    public static Raster8 grayscale(DecodedImage img) {
        int w = img.width(), h = img.height(), n = w * h;
        byte[] out;
        if (img.luma() != null) {
            out = img.luma().clone();
        } else {
            out = new byte[n];
            byte[] s = img.samples8();
            switch (img.pixelFormat()) {
                case GRAY8, GRAY_ALPHA8 -> {
                    int ch = img.pixelFormat().channels;
                    for (int i = 0; i < n; i++) {
                        out[i] = s[i * ch];
                    }
                }
                case GRAY16 -> {
                    short[] s16 = img.samples16();
                    for (int i = 0; i < n; i++) {
                        out[i] = (byte) ((s16[i] & 0xFFFF) >> 8);
                    }
                }
                case RGB8, RGBA8 -> {
                    int ch = img.pixelFormat().channels;
                    for (int i = 0; i < n; i++) {
                        out[i] = (byte) libpngGray(s[i * ch] & 0xFF, s[i * ch + 1] & 0xFF, s[i * ch + 2] & 0xFF);
                    }
                }
                case CMYK8 -> {
                    for (int i = 0; i < n; i++) {
                        int k = 255 - (s[4 * i + 3] & 0xFF);
                        int r = cmykChannel(255 - (s[4 * i] & 0xFF), k);
                        int g = cmykChannel(255 - (s[4 * i + 1] & 0xFF), k);
                        int b = cmykChannel(255 - (s[4 * i + 2] & 0xFF), k);
                        out[i] = (byte) ((r * 4899 + g * 9617 + b * 1868 + 8192) >> 14);
                    }
                }
            }
        }
        return ExifOrientation.apply(new Raster8(w, h, 1, out), img.exifOrientation());
    }

    /** libpng's png_do_rgb_to_gray for 8-bit samples with OpenCV's png_set_rgb_to_gray(.., 0.299, 0.587). */
    static int libpngGray(int r, int g, int b) {
        if (r == g && g == b) {
            return r;
        }
        return (9797 * r + 19234 * g + 3737 * b) >> 15;
    }

    /** OpenCV's icvCvt_CMYK2BGR for one channel, on libjpeg's (inverted Adobe) value v and black k. */
    private static int cmykChannel(int v, int k) {
        return k - ((255 - v) * k >> 8);
    }
}
