package org.cleanrank.image.read;

import org.cleanrank.image.Raster8;
import org.cleanrank.image.pil.PilConvert;

/**
 * What {@code PIL.Image.open(path).convert('L')} gives for a decoded file (Pillow 9.4): EXIF orientation
 * is <em>not</em> applied (Image.open ignores it); alpha is dropped; 16-bit gray is clipped to 255 (no
 * scaling); CMYK goes CMYK -&gt; RGB (Pillow's {@code cmyk2rgb}) -&gt; L.
 */
public final class PillowRead {
    private PillowRead() {}

    public static Raster8 gray(DecodedImage img) {
        int w = img.width(), h = img.height(), n = w * h;
        byte[] s = img.samples8();
        byte[] out = new byte[n];
        switch (img.pixelFormat()) {
            case GRAY8 -> System.arraycopy(s, 0, out, 0, n);
            case GRAY_ALPHA8 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = s[2 * i];
                }
            }
            case GRAY16 -> {
                short[] s16 = img.samples16();
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) PilConvert.clipToL(s16[i] & 0xFFFF);
                }
            }
            case RGB8, RGBA8 -> {
                int ch = img.pixelFormat().channels;
                for (int i = 0; i < n; i++) {
                    out[i] = (byte) PilConvert.luma(s[i * ch] & 0xFF, s[i * ch + 1] & 0xFF, s[i * ch + 2] & 0xFF);
                }
            }
            case CMYK8 -> {
                for (int i = 0; i < n; i++) {
                    int nk = 255 - (s[4 * i + 3] & 0xFF);
                    int r = cmykToRgb(s[4 * i] & 0xFF, nk);
                    int g = cmykToRgb(s[4 * i + 1] & 0xFF, nk);
                    int b = cmykToRgb(s[4 * i + 2] & 0xFF, nk);
                    out[i] = (byte) PilConvert.luma(r, g, b);
                }
            }
        }
        return new Raster8(w, h, 1, out);
    }

    /** Pillow's cmyk2rgb for one channel: CLIP8(nk - MULDIV255(v, nk)). */
    static int cmykToRgb(int v, int nk) {
        int tmp = v * nk + 128;
        int r = nk - (((tmp >> 8) + tmp) >> 8);
        return r < 0 ? 0 : Math.min(r, 255);
    }
}
