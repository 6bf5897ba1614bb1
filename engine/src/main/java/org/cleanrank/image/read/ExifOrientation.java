package org.cleanrank.image.read;

import org.cleanrank.image.Raster8;

/** Applies an EXIF orientation (1..8) the way {@code cv2.imread} does (OpenCV's ExifTransform). */
public final class ExifOrientation {
    private ExifOrientation() {}

    public static Raster8 apply(Raster8 img, int orientation) {
        return switch (orientation) {
            case 2 -> flip(img, true, false);
            case 3 -> flip(img, true, true);
            case 4 -> flip(img, false, true);
            case 5 -> transpose(img);
            case 6 -> flip(transpose(img), true, false);
            case 7 -> flip(transpose(img), true, true);
            case 8 -> flip(transpose(img), false, true);
            default -> img;
        };
    }

    static Raster8 flip(Raster8 img, boolean horizontal, boolean vertical) {
        int w = img.width(), h = img.height(), c = img.channels();
        byte[] src = img.data();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            int sy = vertical ? h - 1 - y : y;
            for (int x = 0; x < w; x++) {
                int sx = horizontal ? w - 1 - x : x;
                System.arraycopy(src, (sy * w + sx) * c, out, (y * w + x) * c, c);
            }
        }
        return new Raster8(w, h, c, out);
    }

    static Raster8 transpose(Raster8 img) {
        int w = img.width(), h = img.height(), c = img.channels();
        byte[] src = img.data();
        byte[] out = new byte[src.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                System.arraycopy(src, (y * w + x) * c, out, (x * h + y) * c, c);
            }
        }
        return new Raster8(h, w, c, out);
    }
}
