package org.cleanrank.image.pil;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.cleanrank.image.GoldenImages;
import org.cleanrank.image.Raster8;

/** The golden images as the Pillow-side tests read them ({@link GoldenImages} for the set itself). */
final class PilGolden {
    private PilGolden() {}

    /**
     * A PNG (or a non-CMYK JPEG: ImageIO hands back Adobe CMYK JPEGs as raw 4-band rasters, which Pillow would
     * convert CMYK -> RGB itself, so they are rejected here) decoded with javax.imageio and converted as Pillow's {@code Image.open(p).convert('L')} does:
     * palette expanded to its RGB entries, alpha dropped, 16-bit samples clipped (mode I).
     */
    static Raster8 pillowL(String file) {
        BufferedImage img;
        try {
            img = ImageIO.read(GoldenImages.path("images", file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Raster ras = img.getRaster();
        int w = img.getWidth();
        int h = img.getHeight();
        int bands = ras.getNumBands();
        if (img.getColorModel() instanceof IndexColorModel icm) {
            byte[] rgb = new byte[w * h * 3];
            int[] idx = ras.getSamples(0, 0, w, h, 0, (int[]) null);
            for (int i = 0; i < idx.length; i++) {
                rgb[3 * i] = (byte) icm.getRed(idx[i]);
                rgb[3 * i + 1] = (byte) icm.getGreen(idx[i]);
                rgb[3 * i + 2] = (byte) icm.getBlue(idx[i]);
            }
            return PilConvert.toL(new Raster8(w, h, 3, rgb));
        }
        int type = ras.getTransferType();
        if (type == DataBuffer.TYPE_USHORT) {
            if (bands != 1) {
                throw new IllegalStateException(file + ": 16-bit colour PNG not handled in tests");
            }
            return PilConvert.fromIntSamples(w, h, ras.getSamples(0, 0, w, h, 0, (int[]) null));
        }
        if (type != DataBuffer.TYPE_BYTE || ras.getSampleModel().getSampleSize(0) != 8) {
            throw new IllegalStateException(file + ": unexpected raster type " + type);
        }
        if (file.endsWith(".jpg") && bands == 4) {
            throw new IllegalStateException(file + ": ImageIO returns CMYK JPEGs unconverted");
        }
        byte[] data = new byte[w * h * bands];
        for (int b = 0; b < bands; b++) {
            int[] s = ras.getSamples(0, 0, w, h, b, (int[]) null);
            for (int i = 0; i < s.length; i++) {
                data[i * bands + b] = (byte) s[i];
            }
        }
        return PilConvert.toL(new Raster8(w, h, bands, data));
    }
}
