package org.cleanrank.image.cv;

import java.util.List;
import org.cleanrank.image.Raster8;
import org.cleanrank.pairs.DenseDistanceMatrix;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.PairTiles;
import org.cleanrank.pairs.Progress;

/**
 * scikit-image 0.19 {@code skimage.metrics.structural_similarity(a, b, data_range=255, ...)} on 2-D gray
 * images, float64, in two configurations.
 *
 * <ul>
 *   <li>{@link #UNIFORM} (defaults): {@code scipy.ndimage.uniform_filter(size=7)}, mode 'reflect'
 *       (half-sample symmetric: dcba|abcd, skimage passes no mode), sample covariance
 *       {@code cov_norm = 49/48}.</li>
 *   <li>{@link #GAUSSIAN}: {@code gaussian_weights=True, sigma=1.5, use_sample_covariance=False}:
 *       {@code scipy.ndimage.gaussian_filter(sigma=1.5, truncate=3.5)}, i.e. radius
 *       {@code int(3.5*1.5 + 0.5) = 5}, weights {@code exp(-x^2 / (2 sigma^2))} normalised to sum 1, per
 *       axis, mode 'reflect'; {@code win_size = 11}; {@code cov_norm = 1}.</li>
 * </ul>
 * Both: K1 = 0.01, K2 = 0.03, C1 = (K1*255)^2, C2 = (K2*255)^2,
 * {@code S = ((2 ux uy + C1)(2 vxy + C2)) / ((ux^2 + uy^2 + C1)(vx + vy + C2))}, mean over the map cropped
 * by {@code (win_size - 1) / 2} pixels on every side. Per image ux, vx are computed once; per pair the
 * filtered product and the map, by a {@link SkimageSsimKernel} twin (plain Java or Panama SIMD, the same
 * bits; {@link SkimageSsimKernels#get()} picks), over all pairs in cache-sized tiles on all cores.
 * Agreement with the reference: float64 rounding level (scipy's running sums and numpy's mean are not
 * reproduced operation by operation; the issue asks 1e-5, the goldens agree within 3e-13).
 */
public final class SkimageSsim {
    public static final SkimageSsim UNIFORM = new SkimageSsim(uniformWeights(7), 7, 49.0 / 48.0);
    public static final SkimageSsim GAUSSIAN = new SkimageSsim(gaussianWeights(1.5, 3.5), 11, 1.0);

    static final double C1 = Math.pow(0.01 * 255, 2);
    static final double C2 = Math.pow(0.03 * 255, 2);
    /** Images per side of the all-pairs tiles / per column block (cache reuse); no result depends on them. */
    private static final int ROW_BLOCK = 64, COL_BLOCK = 8;

    private final double[] weights;
    private final int winSize;
    private final double covNorm;

    private SkimageSsim(double[] weights, int winSize, double covNorm) {
        this.weights = weights;
        this.winSize = winSize;
        this.covNorm = covNorm;
    }

    static double[] uniformWeights(int size) {
        double[] w = new double[size];
        java.util.Arrays.fill(w, 1.0 / size);
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
    int pad() {
        return (winSize - 1) / 2;
    }

    /** Per-image statistics: pixels, filtered pixels ux and variances vx, computed once. */
    final class Stats {
        final int w, h;
        final double[] px, ux, vx;

        Stats(Raster8 g) {
            if (g.channels() != 1) {
                throw new IllegalArgumentException("SSIM needs gray images");
            }
            w = g.width();
            h = g.height();
            if (w < winSize || h < winSize) {
                throw new IllegalArgumentException("SSIM window " + winSize + " x " + winSize + " exceeds the image ("
                        + w + " x " + h + "); scikit-image refuses this too");
            }
            px = new double[w * h];
            double[] sq = new double[w * h];
            for (int i = 0; i < px.length; i++) {
                px[i] = g.data()[i] & 0xFF;
                sq[i] = px[i] * px[i];
            }
            ux = filter(px, w, h);
            double[] uxx = filter(sq, w, h);
            vx = new double[px.length];
            for (int i = 0; i < px.length; i++) {
                vx[i] = covNorm * (uxx[i] - ux[i] * ux[i]);
            }
        }
    }

    static void checkSameSize(Stats a, Stats b) {
        if (a.w != b.w || a.h != b.h) {
            throw new IllegalArgumentException("SSIM needs equally sized images");
        }
    }

    /** The SSIM score of two equally sized gray images, with the process's twin. */
    public double score(Raster8 a, Raster8 b) {
        return score(a, b, SkimageSsimKernels.get());
    }

    /** The SSIM score of two equally sized gray images, with the given twin. */
    public double score(Raster8 a, Raster8 b, SkimageSsimKernel kernel) {
        return kernel.score(this, new Stats(a), new Stats(b));
    }

    /** One pixel of the SSIM map, the operation order both twins use. */
    double mapAt(Stats a, Stats b, double[] uxy, int i) {
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

    /** {@code 1 - structural_similarity} for all pairs, row-major n x n, diagonal 0, all cores. */
    public double[] distanceMatrix(List<Raster8> grays) {
        return distanceMatrix(grays, 0);
    }

    /** @param threads worker threads (0 = all cores) */
    public double[] distanceMatrix(List<Raster8> grays, int threads) {
        return distanceMatrix(grays, threads, SkimageSsimKernels.get());
    }

    /**
     * As {@link #distanceMatrix(List, int)} with an explicit twin (tests, benchmarks): the pair engine's
     * tiles, each pair written in float64 straight into the matrix.
     */
    public double[] distanceMatrix(List<Raster8> grays, int threads, SkimageSsimKernel kernel) {
        Stats[] st = stats(grays);
        int n = st.length;
        double[] out = new double[n * n];
        new PairEngine(threads)
                .forEachTile(
                        n,
                        ROW_BLOCK,
                        w -> (i0, i1, j0, j1) -> SsimTileOrder.walk(i0, i1, j0, j1, COL_BLOCK, (i, j) -> {
                            double d = 1 - kernel.score(this, st[i], st[j]);
                            out[i * n + j] = d;
                            out[j * n + i] = d;
                        }),
                        Progress.NONE);
        return out;
    }

    /**
     * The distance matrix rounded to float32 (what {@code cleanrank ssim} writes), without a float64 n x n
     * copy, reporting pairs done to {@code progress}.
     */
    public float[] distanceMatrixFloat32(List<Raster8> grays, int threads, Progress progress) {
        return DenseDistanceMatrix.compute(new Tiles(stats(grays), SkimageSsimKernels.get()), threads, progress);
    }

    /** {@code (float) (1 - structural_similarity)} as pair tiles for the pair engine. */
    private final class Tiles implements PairTiles {
        private final Stats[] st;
        private final SkimageSsimKernel kernel;

        Tiles(Stats[] st, SkimageSsimKernel kernel) {
            this.st = st;
            this.kernel = kernel;
        }

        @Override
        public int n() {
            return st.length;
        }

        @Override
        public int tileSide() {
            return ROW_BLOCK;
        }

        @Override
        public int compute(int i0, int i1, int j0, int j1, float[] out) {
            int width = j1 - j0;
            SsimTileOrder.walk(i0, i1, j0, j1, COL_BLOCK, (i, j) -> {
                out[(i - i0) * width + (j - j0)] = (float) (1 - kernel.score(SkimageSsim.this, st[i], st[j]));
            });
            return width;
        }
    }

    /** Per-image statistics of equally sized images. */
    private Stats[] stats(List<Raster8> grays) {
        int n = grays.size();
        @SuppressWarnings("unchecked")
        Stats[] st = new SkimageSsim.Stats[n];
        for (int i = 0; i < n; i++) {
            st[i] = new Stats(grays.get(i));
            if (i > 0) {
                checkSameSize(st[0], st[i]);
            }
        }
        return st;
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
