package org.cleanrank.cli.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.CvResize;
import org.cleanrank.image.read.ImageDecoder;
import org.cleanrank.image.read.OpenCvRead;

/**
 * Small PNG previews of the samples a report shows, upright (EXIF applied, as a viewer shows the photo),
 * at most {@link #SIDE} pixels on the longer side, decoded by the engine's own decoder (so CMYK JPEGs and
 * 16-bit PNGs preview too). A file that cannot be decoded gets no thumbnail; the report says why.
 */
public final class Thumbnails {
    public static final int SIDE = 112;

    private Thumbnails() {}

    /** Writes {@code dir/<i>.png} for each sample with an image; returns sample -> relative path or error text. */
    public static Map<Integer, String> write(Path dir, int[] samples, SampleCatalog catalog) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CleanRankException(dir + ": cannot create the thumbnail folder (" + e.getMessage() + ")");
        }
        Map<Integer, String> out = new ConcurrentHashMap<>();
        int[] distinct = IntStream.of(samples).distinct().toArray();
        ParallelTasks.forEach(distinct.length, 0, k -> {
            int i = distinct[k];
            Path src = catalog.image(i);
            if (src == null) {
                return;
            }
            try {
                Raster8 bgr = OpenCvRead.color(ImageDecoder.decode(src));
                double s = Math.min(1.0, SIDE / (double) Math.max(bgr.width(), bgr.height()));
                int w = Math.max(1, (int) Math.round(bgr.width() * s));
                int h = Math.max(1, (int) Math.round(bgr.height() * s));
                Raster8 small = (w == bgr.width() && h == bgr.height()) ? bgr : CvResize.area(bgr, w, h);
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                byte[] dst = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
                System.arraycopy(small.data(), 0, dst, 0, dst.length);
                Path file = dir.resolve(i + ".png");
                ImageIO.write(img, "png", file.toFile());
                out.put(i, dir.getFileName() + "/" + i + ".png");
            } catch (CleanRankException | IOException e) {
                out.put(i, "!" + e.getMessage());
            }
        });
        return out;
    }
}
