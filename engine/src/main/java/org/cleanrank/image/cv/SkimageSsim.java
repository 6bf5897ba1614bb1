package org.cleanrank.image.cv;

import java.util.List;
import org.cleanrank.image.Raster8;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.SkimageSsimImage;
import org.cleanrank.vectorization.SkimageSsimKernel;
import org.cleanrank.vectorization.SkimageSsimWindow;
import org.cleanrank.vectorization.VectorizationProvider;

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
 * bits; {@link VectorizationProvider} picks), over all pairs in cache-sized tiles on all cores.
 * Agreement with the reference: float64 rounding level (scipy's running sums and numpy's mean are not
 * reproduced operation by operation; the issue asks 1e-5, the goldens agree within 3e-13).
 */
public final class SkimageSsim {
    public static final SkimageSsim UNIFORM = new SkimageSsim(SkimageSsimWindow.UNIFORM);
    public static final SkimageSsim GAUSSIAN = new SkimageSsim(SkimageSsimWindow.GAUSSIAN);

    /** Images per block row / column block of the all-pairs loop (cache reuse); no result depends on them. */
    private static final int ROW_BLOCK = 64, COL_BLOCK = 8;

    private final SkimageSsimWindow window;

    private SkimageSsim(SkimageSsimWindow window) {
        this.window = window;
    }

    /** Pixels cropped on every side of the map: (win_size - 1) / 2. */
    public int pad() {
        return window.pad();
    }

    private SkimageSsimImage image(Raster8 g) {
        if (g.channels() != 1) {
            throw new IllegalArgumentException("SSIM needs gray images");
        }
        return new SkimageSsimImage(window, g.data(), g.width(), g.height());
    }

    /** The SSIM score of two equally sized gray images, with the process's twin. */
    public double score(Raster8 a, Raster8 b) {
        return score(a, b, VectorizationProvider.getInstance().skimageSsim());
    }

    /** The SSIM score of two equally sized gray images, with the given twin. */
    public double score(Raster8 a, Raster8 b, SkimageSsimKernel kernel) {
        return kernel.score(window, image(a), image(b));
    }

    /** {@code 1 - structural_similarity} for all pairs, row-major n x n, diagonal 0, all cores. */
    public double[] distanceMatrix(List<Raster8> grays) {
        return distanceMatrix(grays, SsimPairRunner.defaultThreads());
    }

    public double[] distanceMatrix(List<Raster8> grays, int threads) {
        return distanceMatrix(
                grays, threads, VectorizationProvider.getInstance().skimageSsim());
    }

    /** As {@link #distanceMatrix(List, int)} with an explicit twin (tests, benchmarks). */
    public double[] distanceMatrix(List<Raster8> grays, int threads, SkimageSsimKernel kernel) {
        int n = grays.size();
        double[] out = new double[n * n];
        pairs(grays, threads, kernel, Progress.NONE, (i, j, d) -> {
            out[i * n + j] = d;
            out[j * n + i] = d;
        });
        return out;
    }

    /**
     * The distance matrix rounded to float32 (what {@code cleanrank ssim} writes), without a float64 n x n
     * copy, reporting pairs done to {@code progress}.
     */
    public float[] distanceMatrixFloat32(List<Raster8> grays, int threads, Progress progress) {
        int n = grays.size();
        float[] out = new float[n * n];
        pairs(grays, threads, VectorizationProvider.getInstance().skimageSsim(), progress, (i, j, d) -> {
            out[i * n + j] = (float) d;
            out[j * n + i] = (float) d;
        });
        return out;
    }

    private interface PairSink {
        void pair(int i, int j, double distance);
    }

    private void pairs(List<Raster8> grays, int threads, SkimageSsimKernel kernel, Progress progress, PairSink sink) {
        int n = grays.size();
        SkimageSsimImage[] st = new SkimageSsimImage[n];
        for (int i = 0; i < n; i++) {
            st[i] = image(grays.get(i));
            if (i > 0 && (st[i].width() != st[0].width() || st[i].height() != st[0].height())) {
                throw new IllegalArgumentException("SSIM needs equally sized images");
            }
        }
        SsimPairRunner.runTiled(
                n,
                threads,
                ROW_BLOCK,
                COL_BLOCK,
                (i, j) -> sink.pair(i, j, 1 - kernel.score(window, st[i], st[j])),
                progress);
    }
}
