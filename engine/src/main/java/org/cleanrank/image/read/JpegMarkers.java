package org.cleanrank.image.read;

/**
 * What the JPEG headers say that decoding depends on, read by walking the markers up to the first scan:
 * the number of components, whether an Adobe APP14 marker declares the colour transform (0 = none, i.e.
 * RGB or CMYK; 1 = YCbCr; 2 = YCCK), and the EXIF orientation (APP1 "Exif", IFD0 tag 0x0112).
 */
record JpegMarkers(int components, int adobeTransform, int orientation) {

    static JpegMarkers scan(byte[] b) {
        int components = -1, adobe = -1, orientation = 1;
        int p = 2;
        while (p + 4 <= b.length) {
            if ((b[p] & 0xFF) != 0xFF) {
                break;
            }
            int marker = b[p + 1] & 0xFF;
            if (marker == 0xFF) {
                p++;
                continue;
            }
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                p += 2;
                continue;
            }
            int len = ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            int s = p + 4;
            int end = Math.min(b.length, p + 2 + len);
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && s + 6 <= end) {
                components = b[s + 5] & 0xFF;
            } else if (marker == 0xEE && end - s >= 12 && startsWith(b, s, "Adobe")) {
                adobe = b[s + 11] & 0xFF;
            } else if (marker == 0xE1 && end - s >= 14 && startsWith(b, s, "Exif")) {
                orientation = exifOrientation(b, s + 6, end);
            }
            p += 2 + len;
        }
        return new JpegMarkers(components, adobe, orientation);
    }

    /** Whether the segment at {@code s} (long enough: the caller checked) begins with the ASCII {@code tag}. */
    private static boolean startsWith(byte[] b, int s, String tag) {
        for (int i = 0; i < tag.length(); i++) {
            if (b[s + i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int exifOrientation(byte[] b, int tiff, int end) {
        try {
            boolean le = b[tiff] == 'I';
            int ifd = tiff + read32(b, tiff + 4, le);
            int entries = read16(b, ifd, le);
            for (int e = 0; e < entries; e++) {
                int at = ifd + 2 + 12 * e;
                if (at + 12 > end) {
                    break;
                }
                if (read16(b, at, le) == 0x0112) {
                    int v = read16(b, at + 8, le);
                    return v >= 1 && v <= 8 ? v : 1;
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // a broken EXIF block: the image is upright as far as we can tell, as cv2.imread treats it
        }
        return 1;
    }

    private static int read16(byte[] b, int at, boolean le) {
        return le ? (b[at] & 0xFF) | ((b[at + 1] & 0xFF) << 8) : ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int read32(byte[] b, int at, boolean le) {
        return le
                ? read16(b, at, true) | (read16(b, at + 2, true) << 16)
                : (read16(b, at, false) << 16) | read16(b, at + 2, false);
    }

    /** True when libjpeg decodes the 3 components as YCbCr (JFIF, or Adobe transform 1, or no Adobe marker). */
    boolean ycc() {
        return components == 3 && adobeTransform != 0;
    }
}
