package org.cleanrank.image.cv;

import java.util.List;
import org.cleanrank.image.Raster8;
import org.cleanrank.pairs.DenseDistanceMatrix;
import org.cleanrank.pairs.PairEngine;
import org.cleanrank.pairs.PairTiles;
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

    /** Images per side of the all-pairs tiles / per column block (cache reuse); no result depends on them. */
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
        return distanceMatrix(grays, 0);
    }

    /** @param threads worker threads (0 = all cores) */
    public double[] distanceMatrix(List<Raster8> grays, int threads) {
        return distanceMatrix(
                grays, threads, VectorizationProvider.getInstance().skimageSsim());
    }

    /**
     * As {@link #distanceMatrix(List, int)} with an explicit twin (tests, benchmarks): the pair engine's
     * tiles, each pair written in float64 straight into the matrix.
     */
    public double[] distanceMatrix(List<Raster8> grays, int threads, SkimageSsimKernel kernel) {
        SkimageSsimImage[] st = images(grays);
        int n = st.length;
        double[] out = new double[n * n];
        new PairEngine(threads)
                .forEachTile(
                        n,
                        ROW_BLOCK,
                        w -> (i0, i1, j0, j1) -> SsimTileOrder.walk(i0, i1, j0, j1, COL_BLOCK, (i, j) -> {
                            double d = 1 - kernel.score(window, st[i], st[j]);
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
        return DenseDistanceMatrix.compute(
                new Tiles(images(grays), VectorizationProvider.getInstance().skimageSsim()), threads, progress);
    }

    /** {@code (float) (1 - structural_similarity)} as pair tiles for the pair engine. */
    private final class Tiles implements PairTiles {
        private final SkimageSsimImage[] st;
        private final SkimageSsimKernel kernel;

        Tiles(SkimageSsimImage[] st, SkimageSsimKernel kernel) {
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
                out[(i - i0) * width + (j - j0)] = (float) (1 - kernel.score(window, st[i], st[j]));
            });
            return width;
        }
    }

    /** Per-image statistics of equally sized images. */
    private SkimageSsimImage[] images(List<Raster8> grays) {
        int n = grays.size();
        SkimageSsimImage[] st = new SkimageSsimImage[n];
        for (int i = 0; i < n; i++) {
            st[i] = image(grays.get(i));
            if (i > 0 && (st[i].width() != st[0].width() || st[i].height() != st[0].height())) {
                throw new IllegalArgumentException("SSIM needs equally sized images");
            }
        }
        return st;
    }
}
