package org.cleanrank.image;

/**
 * An 8-bit image: {@code height} rows of {@code width} pixels, row-major, {@code channels} interleaved
 * samples per pixel (1 = gray; 3 = colour in the order the producer documents: Pillow-side code uses
 * RGB, OpenCV-side code uses BGR, as the libraries do). Samples are unsigned: read them with
 * {@code data[i] & 0xFF}.
 */
public record Raster8(int width, int height, int channels, byte[] data) {
    public Raster8 {
        if (width < 1 || height < 1 || channels < 1) {
            throw new IllegalArgumentException("bad raster " + width + "x" + height + "x" + channels);
        }
        if (data.length != width * height * channels) {
            throw new IllegalArgumentException(
                    "data length " + data.length + " != " + width + "*" + height + "*" + channels);
        }
    }

    /** Sample of channel c at (x, y), 0..255. */
    public int get(int x, int y, int c) {
        return data[(y * width + x) * channels + c] & 0xFF;
    }

    public static Raster8 gray(int width, int height, byte[] data) {
        return new Raster8(width, height, 1, data);
    }
}
