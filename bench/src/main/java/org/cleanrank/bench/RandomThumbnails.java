package org.cleanrank.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cleanrank.image.Raster8;

/**
 * The SSIM benchmarks' inputs: 64 x 64 gray thumbnails of random bytes, {@code Random(1).nextBytes} per
 * thumbnail in order, so every benchmark (and any prefix of a longer list) times the same pictures. SSIM's cost does
 * not depend on the pixel values.
 */
final class RandomThumbnails {
    static final int SIDE = 64;

    private RandomThumbnails() {}

    /** The first {@code count} thumbnails of the seed-1 stream. */
    static List<Raster8> first(int count) {
        Random r = new Random(1);
        List<Raster8> thumbs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] px = new byte[SIDE * SIDE];
            r.nextBytes(px);
            thumbs.add(Raster8.gray(SIDE, SIDE, px));
        }
        return thumbs;
    }
}
