package org.cleanrank.vectorization;

/** Per-image statistics of scikit-image SSIM under one {@link SkimageSsimWindow}: pixels, filtered pixels ux and variances vx, computed once. */
public final class SkimageSsimImage {
    final int w, h;
    final double[] px, ux, vx;

    /**
     * Statistics of one gray image, {@code gray} row-major {@code w} x {@code h} (unsigned bytes).
     *
     * @throws IllegalArgumentException if the window exceeds the image (scikit-image refuses this too) or
     *     {@code gray} does not hold w * h pixels
     */
    public SkimageSsimImage(SkimageSsimWindow window, byte[] gray, int w, int h) {
        if (gray.length != w * h) {
            throw new IllegalArgumentException(
                    "SSIM needs w * h gray pixels, got " + gray.length + " for " + w + " x " + h);
        }
        int winSize = window.winSize();
        if (w < winSize || h < winSize) {
            throw new IllegalArgumentException("SSIM window " + winSize + " x " + winSize + " exceeds the image (" + w
                    + " x " + h + "); scikit-image refuses this too");
        }
        this.w = w;
        this.h = h;
        px = new double[w * h];
        double[] sq = new double[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = gray[i] & 0xFF;
            sq[i] = px[i] * px[i];
        }
        ux = window.filter(px, w, h);
        double[] uxx = window.filter(sq, w, h);
        vx = new double[px.length];
        double covNorm = window.covNorm();
        for (int i = 0; i < px.length; i++) {
            vx[i] = covNorm * (uxx[i] - ux[i] * ux[i]);
        }
    }

    public int width() {
        return w;
    }

    public int height() {
        return h;
    }

    static void checkSameSize(SkimageSsimImage a, SkimageSsimImage b) {
        if (a.w != b.w || a.h != b.h) {
            throw new IllegalArgumentException("SSIM needs equally sized images");
        }
    }
}
