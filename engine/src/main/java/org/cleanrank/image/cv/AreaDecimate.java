package org.cleanrank.image.cv;

import org.cleanrank.image.Raster8;

/**
 * OpenCV's INTER_AREA for a non-integer shrink ({@code resizeArea_} / {@code ResizeArea_Invoker} with
 * the weight tables of {@code computeResizeAreaTab} in {@code resize.cpp}).
 *
 * <p>Per axis and output cell [d*scale, d*scale + scale) (double): a partial left source pixel with
 * weight {@code (float)((ceil(f1) - f1) / cellWidth)} if that fraction exceeds 1e-3, whole pixels with
 * {@code (float)(1 / cellWidth)}, a partial right pixel with
 * {@code (float)(min(min(f2 - floor(f2), 1), cellWidth) / cellWidth)} if it exceeds 1e-3, where
 * {@code cellWidth = min(scale, size - f1)}. Accumulation in float, in table order: each source row's
 * horizontal sums {@code buf += s * alpha}, then {@code sum += beta * buf} over the rows of the output
 * row (the first row starts from 0), and {@code saturate_cast<uchar>(sum)} = round half to even.
 */
final class AreaDecimate {
    private AreaDecimate() {}

    private record Tab(int[] di, int[] si, float[] alpha, int size) {}

    static Tab table(int ssize, int dsize, int cn, double scale) {
        int cap = ssize * 2 + 2;
        int[] di = new int[cap], si = new int[cap];
        float[] alpha = new float[cap];
        int k = 0;
        for (int dx = 0; dx < dsize; dx++) {
            double fsx1 = dx * scale;
            double fsx2 = fsx1 + scale;
            double cellWidth = Math.min(scale, ssize - fsx1);
            int sx1 = (int) Math.ceil(fsx1), sx2 = (int) Math.floor(fsx2);
            sx2 = Math.min(sx2, ssize - 1);
            sx1 = Math.min(sx1, sx2);
            if (sx1 - fsx1 > 1e-3) {
                di[k] = dx * cn;
                si[k] = (sx1 - 1) * cn;
                alpha[k++] = (float) ((sx1 - fsx1) / cellWidth);
            }
            for (int sx = sx1; sx < sx2; sx++) {
                di[k] = dx * cn;
                si[k] = sx * cn;
                alpha[k++] = (float) (1.0 / cellWidth);
            }
            if (fsx2 - sx2 > 1e-3) {
                di[k] = dx * cn;
                si[k] = sx2 * cn;
                alpha[k++] = (float) (Math.min(Math.min(fsx2 - sx2, 1.), cellWidth) / cellWidth);
            }
        }
        return new Tab(di, si, alpha, k);
    }

    static Raster8 resize(Raster8 src, int w, int h, double scaleX, double scaleY) {
        int cn = src.channels();
        int sw = src.width(), sh = src.height();
        Tab xt = table(sw, w, cn, scaleX);
        Tab yt = table(sh, h, 1, scaleY);
        int width = w * cn;
        byte[] s = src.data();
        byte[] d = new byte[width * h];
        float[] buf = new float[width];
        float[] sum = new float[width];
        int prevDy = yt.di[0];
        for (int j = 0; j < yt.size; j++) {
            float beta = yt.alpha[j];
            int dy = yt.di[j];
            int rowBase = yt.si[j] * sw * cn;
            java.util.Arrays.fill(buf, 0f);
            for (int k = 0; k < xt.size; k++) {
                int dxn = xt.di[k];
                int sxn = rowBase + xt.si[k];
                float a = xt.alpha[k];
                for (int c = 0; c < cn; c++) {
                    buf[dxn + c] = buf[dxn + c] + (s[sxn + c] & 0xFF) * a;
                }
            }
            if (dy != prevDy) {
                int out = prevDy * width;
                for (int x = 0; x < width; x++) {
                    d[out + x] = (byte) CvResize.saturateU8(sum[x]);
                    sum[x] = beta * buf[x];
                }
                prevDy = dy;
            } else {
                for (int x = 0; x < width; x++) {
                    sum[x] = sum[x] + beta * buf[x];
                }
            }
        }
        int out = prevDy * width;
        for (int x = 0; x < width; x++) {
            d[out + x] = (byte) CvResize.saturateU8(sum[x]);
        }
        return new Raster8(w, h, cn, d);
    }
}
