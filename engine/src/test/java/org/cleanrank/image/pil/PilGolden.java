package org.cleanrank.image.pil;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.Fixtures;
import org.cleanrank.image.Raster8;
import org.cleanrank.io.NpyArray;

/** Test access to the golden image set (fixtures/golden/images) for the Pillow-side code. */
final class PilGolden {
    private PilGolden() {}

    static Path images(String... more) {
        return Fixtures.golden("images", more);
    }

    /** File names in order.txt order. */
    static List<String> order() {
        return Fixtures.goldenImageOrder();
    }

    static List<String> pngs() {
        return order().stream().filter(f -> f.endsWith(".png")).toList();
    }

    /** expected_hashes.csv rows by file name. */
    static Map<String, CSVRecord> expectedHashes() {
        try (Reader r = Files.newBufferedReader(images("expected_hashes.csv"))) {
            Map<String, CSVRecord> out = new LinkedHashMap<>();
            for (CSVRecord rec : CSVFormat.DEFAULT
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(r)) {
                out.put(rec.get("file"), rec);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A uint8 (h, w) stage array as a gray raster, or null when the file does not exist. */
    static Raster8 stage(String file, String suffix) {
        Path p = images("stages", file + "." + suffix + ".npy");
        if (!Files.exists(p)) {
            return null;
        }
        try (NpyArray a = NpyArray.open(p)) {
            long[] shape = a.shape();
            if (shape.length != 2 || !a.dtype().toString().equals("|u1")) {
                throw new IllegalStateException(
                        p + ": expected 2-D uint8, got " + a.dtype() + " " + shape.length + "-D");
            }
            int h = (int) shape[0];
            int w = (int) shape[1];
            byte[] d = new byte[w * h];
            for (int i = 0; i < d.length; i++) {
                d[i] = (byte) a.getLong(i);
            }
            return Raster8.gray(w, h, d);
        }
    }

    /**
     * A PNG (or a non-CMYK JPEG: ImageIO hands back Adobe CMYK JPEGs as raw 4-band rasters, which Pillow would
     * convert CMYK -> RGB itself, so they are rejected here) decoded with javax.imageio and converted as Pillow's {@code Image.open(p).convert('L')} does:
     * palette expanded to its RGB entries, alpha dropped, 16-bit samples clipped (mode I).
     */
    static Raster8 pillowL(String file) {
        BufferedImage img;
        try {
            img = ImageIO.read(images("images", file).toFile());
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
