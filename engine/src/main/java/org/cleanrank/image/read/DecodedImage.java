package org.cleanrank.image.read;

import java.nio.file.Path;

/**
 * An image file's pixels as stored (no EXIF rotation applied, no colour conversion beyond the codec's
 * own), plus what the read conventions of Pillow and OpenCV need: the EXIF orientation and, for JPEGs,
 * the luma plane exactly as libjpeg decodes it (what {@code cv2.IMREAD_GRAYSCALE} returns).
 *
 * @param samples8 interleaved 8-bit samples ({@code null} for {@link PixelFormat#GRAY16})
 * @param samples16 16-bit samples for {@link PixelFormat#GRAY16}, else {@code null}
 * @param luma JPEG only: the Y plane (width x height) before colour conversion, else {@code null}
 * @param exifOrientation 1..8 (1 = upright, also when there is no EXIF)
 */
public record DecodedImage(
        Path source,
        String format,
        int width,
        int height,
        PixelFormat pixelFormat,
        byte[] samples8,
        short[] samples16,
        byte[] luma,
        int exifOrientation) {

    /** Sample c of pixel (x, y), 0..255 (8-bit formats) or 0..65535 (GRAY16). */
    public int sample(int x, int y, int c) {
        int i = (y * width + x) * pixelFormat.channels + c;
        return pixelFormat == PixelFormat.GRAY16 ? samples16[i] & 0xFFFF : samples8[i] & 0xFF;
    }
}
