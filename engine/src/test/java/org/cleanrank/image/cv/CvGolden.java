package org.cleanrank.image.cv;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.cleanrank.image.Raster8;

/** The golden PNGs decoded in OpenCV's BGR order ({@link GoldenImages} for the set itself). */
final class CvGolden {
    private CvGolden() {}

    /**
     * An 8-bit PNG decoded with ImageIO as cv2.imread would hand it over: gray stays 1 channel (only for
     * an IMREAD_COLOR read it is replicated to BGR), colour becomes BGR, alpha is dropped, a palette is
     * expanded. Returns null for inputs outside that (16-bit).
     */
    static Raster8 png(Path p, boolean color) {
        BufferedImage img;
        try {
            img = ImageIO.read(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Raster r = img.getRaster();
        if (r.getSampleModel().getSampleSize(0) != 8) {
            return null;
        }
        int w = img.getWidth(), h = img.getHeight();
        boolean gray = !(img.getColorModel() instanceof IndexColorModel) && r.getNumBands() <= 2;
        if (gray && !color) {
            byte[] d = new byte[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    d[y * w + x] = (byte) r.getSample(x, y, 0);
                }
            }
            return Raster8.gray(w, h, d);
        }
        byte[] d = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rr, gg, bb;
                if (img.getColorModel() instanceof IndexColorModel icm) {
                    int idx = r.getSample(x, y, 0);
                    rr = icm.getRed(idx);
                    gg = icm.getGreen(idx);
                    bb = icm.getBlue(idx);
                } else if (gray) {
                    rr = gg = bb = r.getSample(x, y, 0);
                } else {
                    rr = r.getSample(x, y, 0);
                    gg = r.getSample(x, y, 1);
                    bb = r.getSample(x, y, 2);
                }
                int o = (y * w + x) * 3;
                d[o] = (byte) bb;
                d[o + 1] = (byte) gg;
                d[o + 2] = (byte) rr;
            }
        }
        return new Raster8(w, h, 3, d);
    }
}
