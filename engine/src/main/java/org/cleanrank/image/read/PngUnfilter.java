package org.cleanrank.image.read;

/**
 * Reverses PNG's per-row filters (None, Sub, Up, Average, Paeth; PNG spec section 9). The inflated stream holds
 * per row one filter byte and {@code rowBytes} filtered bytes; the unfiltered rows are written back to back into
 * {@code dst}, where the row above is read from. One loop per filter type, every index linear in the loop
 * variable so that C2 hoists the bounds checks; the first row, whose row above is zero, has its own loops. The
 * Paeth predictor (most rows of photos) is computed without branches, in a small static method C2 inlines.
 */
final class PngUnfilter {
    private PngUnfilter() {}

    /**
     * @param bpp bytes per complete pixel, at least 1 (the filters' left neighbour distance)
     * @return -1, or the first row whose filter type is not 0..4
     */
    static int unfilter(byte[] src, byte[] dst, int height, int rowBytes, int bpp) {
        for (int y = 0; y < height; y++) {
            int s = y * (rowBytes + 1);
            int filter = src[s++];
            int d = y * rowBytes;
            if (y == 0) {
                switch (filter) {
                    case 0, 2 -> System.arraycopy(src, s, dst, d, rowBytes);
                    case 1, 4 -> sub(src, s, dst, d, rowBytes, bpp);
                    case 3 -> averageFirstRow(src, s, dst, d, rowBytes, bpp);
                    default -> {
                        return y;
                    }
                }
            } else {
                switch (filter) {
                    case 0 -> System.arraycopy(src, s, dst, d, rowBytes);
                    case 1 -> sub(src, s, dst, d, rowBytes, bpp);
                    case 2 -> up(src, s, dst, d, rowBytes);
                    case 3 -> average(src, s, dst, d, rowBytes, bpp);
                    case 4 -> paeth(src, s, dst, d, rowBytes, bpp);
                    default -> {
                        return y;
                    }
                }
            }
        }
        return -1;
    }

    private static void sub(byte[] src, int s, byte[] dst, int d, int n, int bpp) {
        int head = Math.min(bpp, n);
        System.arraycopy(src, s, dst, d, head);
        for (int i = head; i < n; i++) {
            dst[d + i] = (byte) (src[s + i] + dst[d + i - bpp]);
        }
    }

    private static void up(byte[] src, int s, byte[] dst, int d, int n) {
        int p = d - n;
        for (int i = 0; i < n; i++) {
            dst[d + i] = (byte) (src[s + i] + dst[p + i]);
        }
    }

    private static void averageFirstRow(byte[] src, int s, byte[] dst, int d, int n, int bpp) {
        int head = Math.min(bpp, n);
        System.arraycopy(src, s, dst, d, head);
        for (int i = head; i < n; i++) {
            dst[d + i] = (byte) (src[s + i] + ((dst[d + i - bpp] & 0xFF) >> 1));
        }
    }

    private static void average(byte[] src, int s, byte[] dst, int d, int n, int bpp) {
        int p = d - n;
        int head = Math.min(bpp, n);
        for (int i = 0; i < head; i++) {
            dst[d + i] = (byte) (src[s + i] + ((dst[p + i] & 0xFF) >> 1));
        }
        for (int i = head; i < n; i++) {
            dst[d + i] = (byte) (src[s + i] + (((dst[d + i - bpp] & 0xFF) + (dst[p + i] & 0xFF)) >> 1));
        }
    }

    /**
     * Paeth: predict from left (a), above (b) and upper-left (c) whichever is nearest to a + b - c, ties in the
     * order a, b, c. With p = a + b - c the distances are |b - c|, |a - c| and |a + b - 2c|.
     */
    private static void paeth(byte[] src, int s, byte[] dst, int d, int n, int bpp) {
        int p = d - n;
        int head = Math.min(bpp, n);
        for (int i = 0; i < head; i++) {
            // left and upper-left are zero: the prediction is the byte above
            dst[d + i] = (byte) (src[s + i] + dst[p + i]);
        }
        for (int i = head; i < n; i++) {
            int a = dst[d + i - bpp] & 0xFF;
            int b = dst[p + i] & 0xFF;
            int c = dst[p + i - bpp] & 0xFF;
            dst[d + i] = (byte) (src[s + i] + paethPredictor(a, b, c));
        }
    }

    /**
     * Without branches, which photos' data would mispredict: pa &lt;= min(pb, pc) picks a, else pb &lt;= pc picks
     * b, else c; the masks are all ones where a difference is negative (every value here is below 2^10).
     */
    static int paethPredictor(int a, int b, int c) {
        int pa = Math.abs(b - c);
        int pb = Math.abs(a - c);
        int pc = Math.abs(a + b - c - c);
        int bOrC = b ^ ((b ^ c) & ((pc - pb) >> 31));
        return a ^ ((a ^ bOrC) & ((Math.min(pb, pc) - pa) >> 31));
    }
}
