package org.cleanrank.vectorization;

import java.util.Arrays;

/**
 * The arithmetic of scikit-image 0.19's {@code structural_similarity} that both {@link SkimageSsimKernel} twins
 * share (see {@code org.cleanrank.image.cv.SkimageSsim} for the two configurations): the separable correlation
 * with mode 'reflect', one pixel of the SSIM map and the mean over the cropped map, in float64.
 */
public final class SkimageSsimWindow {
    /** {@code structural_similarity}'s defaults: uniform 7 x 7 window, sample covariance 49/48. */
    public static final SkimageSsimWindow UNIFORM = new SkimageSsimWindow(uniformWeights(7), 7, 49.0 / 48.0);
    /** {@code gaussian_weights=True, sigma=1.5, use_sample_covariance=False}: win_size 11, covariance norm 1. */
    public static final SkimageSsimWindow GAUSSIAN = new SkimageSsimWindow(gaussianWeights(1.5, 3.5), 11, 1.0);

    static final double C1 = Math.pow(0.01 * 255, 2);
    static final double C2 = Math.pow(0.03 * 255, 2);

    private final double[] weights;
    private final int winSize;
    private final double covNorm;

    private SkimageSsimWindow(double[] weights, int winSize, double covNorm) {
        this.weights = weights;
        this.winSize = winSize;
        this.covNorm = covNorm;
    }

    static double[] uniformWeights(int size) {
        double[] w = new double[size];
        Arrays.fill(w, 1.0 / size);
        return w;
    }

    /** scipy.ndimage's {@code _gaussian_kernel1d(sigma, 0, radius)}. */
    static double[] gaussianWeights(double sigma, double truncate) {
        int radius = (int) (truncate * sigma + 0.5);
        double[] w = new double[2 * radius + 1];
        double sum = 0;
        for (int x = -radius; x <= radius; x++) {
            w[x + radius] = Math.exp(-0.5 / (sigma * sigma) * x * x);
            sum += w[x + radius];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    double[] weights() {
        return weights;
    }

    double covNorm() {
        return covNorm;
    }

    /** Pixels cropped on every side of the map: (win_size - 1) / 2. */
    public int pad() {
        return (winSize - 1) / 2;
    }

    int winSize() {
        return winSize;
    }

    /** One pixel of the SSIM map, the operation order both twins use. */
    double mapAt(SkimageSsimImage a, SkimageSsimImage b, double[] uxy, int i) {
        double ux = a.ux[i], uy = b.ux[i];
        double vxy = (uxy[i] - ux * uy) * covNorm;
        double a1 = 2 * ux * uy + C1, a2 = 2 * vxy + C2;
        double b1 = ux * ux + uy * uy + C1, b2 = a.vx[i] + b.vx[i] + C2;
        return (a1 * a2) / (b1 * b2);
    }

    /** The map's mean from its sum over the cropped region. */
    double mean(double sum, int w, int h) {
        int pad = pad();
        return sum / ((double) (w - 2 * pad) * (h - 2 * pad));
    }

    /** Separable correlation along axis 0 then axis 1, mode 'reflect' (per-image statistics). */
    double[] filter(double[] v, int w, int h) {
        double[] out = new double[w * h];
        filter(v, w, h, new double[w * h], out);
        return out;
    }

    /** {@link #filter(double[], int, int)} with the axis-0 pass into {@code t}. */
    void filter(double[] v, int w, int h, double[] t, double[] out) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                t[y * w + x] = axis0(weights, v, w, h, y, x);
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = axis1(weights, t, w, y, x);
            }
        }
    }

    /** The axis-0 correlation at (y, x): taps summed in order from 0. */
    static double axis0(double[] wt, double[] v, int w, int h, int y, int x) {
        int r = wt.length / 2;
        double s = 0;
        for (int k = -r; k <= r; k++) {
            s += wt[k + r] * v[reflect(y + k, h) * w + x];
        }
        return s;
    }

    /** The axis-1 correlation at (y, x) of the axis-0 result t. */
    static double axis1(double[] wt, double[] t, int w, int y, int x) {
        int r = wt.length / 2;
        double s = 0;
        for (int k = -r; k <= r; k++) {
            s += wt[k + r] * t[y * w + reflect(x + k, w)];
        }
        return s;
    }

    /** scipy.ndimage mode 'reflect' (half-sample symmetric): cba|abc|cba. */
    static int reflect(int i, int n) {
        while (i < 0 || i >= n) {
            i = i < 0 ? -i - 1 : 2 * n - 1 - i;
        }
        return i;
    }
}
