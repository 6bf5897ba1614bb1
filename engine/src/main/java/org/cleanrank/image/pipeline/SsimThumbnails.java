package org.cleanrank.image.pipeline;

import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.CvColor;
import org.cleanrank.image.cv.CvResize;
import org.cleanrank.image.read.DecodedImage;
import org.cleanrank.image.read.OpenCvRead;

/**
 * CleanPatrick's SSIM input ({@code SSIMComputer.load_and_convert}): {@code cv2.imread} colour, INTER_AREA
 * resize to {@code size x size} (resize first), then BGR2GRAY; size 0 keeps the original size.
 */
public final class SsimThumbnails {
    private SsimThumbnails() {}

    public static Raster8 of(DecodedImage img, int size) {
        Raster8 bgr = OpenCvRead.color(img);
        return CvColor.bgrToGray(size <= 0 ? bgr : CvResize.area(bgr, size, size));
    }
}
