package org.cleanrank.image.cv;

import org.cleanrank.image.Raster8;

/**
 * {@code cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)} on 8-bit images, bit for bit.
 *
 * <p>OpenCV 4.x ({@code modules/imgproc/src/color_rgb.simd.hpp}, {@code RGB2Gray<uchar>}) uses the
 * BT.601 weights in <b>15-bit</b> fixed point, {@code gray_shift = 15}: {@code BY15 = 3735},
 * {@code GY15 = 19235}, {@code RY15 = 9798} (= 0.114f, 0.587f, 0.299f times 32768, rounded; they sum to
 * 32768), rounded with {@code CV_DESCALE}: {@code gray = (b*3735 + g*19235 + r*9798 + (1 << 14)) >> 15}.
 *
 * <p>Reference surprise: the older 14-bit constants ({@code B2Y = 1868, G2Y = 9617, R2Y = 4899},
 * {@code yuv_shift = 14}) that are still defined in OpenCV and often quoted give a different gray level
 * whenever the exact value is within about 1/2000 of a .5 boundary; on the golden set they miss 16
 * of the 21 x 4096 pixels of the 64 x 64 SSIM arrays, the 15-bit constants miss none.
 */
public final class CvColor {
    static final int B2Y = 3735;
    static final int G2Y = 19235;
    static final int R2Y = 9798;
    static final int SHIFT = 15;

    private CvColor() {}

    /** BGR (or BGRA, alpha ignored) to gray; a 1-channel input is returned unchanged. */
    public static Raster8 bgrToGray(Raster8 bgr) {
        int cn = bgr.channels();
        if (cn == 1) {
            return bgr;
        }
        if (cn < 3) {
            throw new IllegalArgumentException("BGR2GRAY needs 3 or 4 channels, got " + cn);
        }
        int n = bgr.width() * bgr.height();
        byte[] s = bgr.data();
        byte[] d = new byte[n];
        for (int i = 0, p = 0; i < n; i++, p += cn) {
            int b = s[p] & 0xFF;
            int g = s[p + 1] & 0xFF;
            int r = s[p + 2] & 0xFF;
            d[i] = (byte) ((b * B2Y + g * G2Y + r * R2Y + (1 << (SHIFT - 1))) >> SHIFT);
        }
        return Raster8.gray(bgr.width(), bgr.height(), d);
    }
}
