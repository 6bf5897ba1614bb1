package org.cleanrank.image.cv;

import java.util.List;
import org.cleanrank.image.Raster8;
import org.cleanrank.pairs.DenseDistanceMatrix;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.FastSsimImage;
import org.cleanrank.vectorization.FastSsimKernel;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * CleanPatrick's {@code fast_ssim} ({@code src/precompute_hashes.py}) and the distance matrix of
 * {@code SSIMComputer.compute_full_ssim_matrix} (kernel_size 7), in float32 as the reference computes it.
 *
 * <ul>
 *   <li>{@code cv2.boxFilter(I, -1, (7, 7))} on float32: normalised, BORDER_REFLECT_101, row and column
 *       running sums in double ({@code RowSum<float,double>}, {@code ColumnSum<double,float>}), output
 *       {@code (float)(sum * (1./49))}. The inputs are integers (pixels, squares, products &lt; 2^24), so
 *       the double sums are exact and an integer sum reproduces them.</li>
 *   <li>numpy float32 element-wise steps in the reference's order: {@code mu1*mu1}, {@code mu1*mu2},
 *       {@code box(I*I) - mu^2}, {@code ((2*mu1mu2 + C1) * (2*s12 + C2)) / ((mu1sq + mu2sq + C1) * (s1 +
 *       s2 + C2))} with C1 = float32(6.5025), C2 = float32(58.5225) (numpy 1.24 value-based casting keeps
 *       Python floats as float32 here).</li>
 *   <li>{@code ssim_map.mean()}: float32 pairwise summation of numpy (blocks of 8 accumulators up to 128
 *       elements, halves split at a multiple of 8), divided by the count in float32; distance
 *       {@code 1 - score} in float32.</li>
 * </ul>
 * Per image the means, squares and variances are computed once; per pair only box(I1*I2) and the map,
 * ({@link FastSsimImage}), by a {@link FastSsimKernel} twin: plain Java or Panama SIMD (bit-identical;
 * {@link VectorizationProvider} picks).
 * Diagonal: 0 (the reference's diagonal is an indexing accident: entry [i,i] holds [i,n-1]).
 */
public final class FastSsim {
    /** Images per side of the all-pairs tiles (cache reuse); does not change any result. */
    static final int ROW_BLOCK = Integer.getInteger("cleanrank.ssim.rowBlock", 64);
    /**
     * Images per column block: their statistics (~50 KB each at 64 x 64) plus one row image stay within a
     * 512 KB L2; does not change any result.
     */
    static final int COL_BLOCK = Integer.getInteger("cleanrank.ssim.colBlock", 6);

    private FastSsim() {}

    /** SSIM score (float32) of two gray images of equal size, with the process's kernel twin. */
    public static float score(Raster8 a, Raster8 b) {
        return score(a, b, VectorizationProvider.getInstance().fastSsim());
    }

    /** SSIM score (float32) of two gray images of equal size, with the given kernel twin. */
    public static float score(Raster8 a, Raster8 b, FastSsimKernel kernel) {
        return kernel.score(image(a), image(b));
    }

    /** Per-image statistics of a list of thumbnails, computed once; {@link #distance} per pair. */
    public static final class Prepared {
        private final FastSsimImage[] stats;
        private final FastSsimKernel kernel;

        private Prepared(FastSsimImage[] stats, FastSsimKernel kernel) {
            this.stats = stats;
            this.kernel = kernel;
        }

        /** {@code 1 - fast_ssim(i, j)} in float32. Thread-safe. */
        public float distance(int i, int j) {
            return 1f - kernel.score(stats[i], stats[j]);
        }

        public int size() {
            return stats.length;
        }

        /** The kernel twin this uses. */
        public FastSsimKernel kernel() {
            return kernel;
        }
    }

    public static Prepared prepare(List<Raster8> grays) {
        return prepare(grays, VectorizationProvider.getInstance().fastSsim());
    }

    public static Prepared prepare(List<Raster8> grays, FastSsimKernel kernel) {
        return new Prepared(stats(grays), kernel);
    }

    private static FastSsimImage[] stats(List<Raster8> grays) {
        FastSsimImage[] st = new FastSsimImage[grays.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = image(grays.get(i));
        }
        return st;
    }

    /**
     * The per-image statistics of one gray thumbnail, as {@link #prepare} computes them: scoring two with
     * {@code 1 - kernel.score(a, b)} gives {@link Prepared#distance} exactly, without holding every image's
     * statistics at once (about 90 KB each at 64 x 64).
     */
    public static FastSsimImage statistics(Raster8 gray) {
        return image(gray);
    }

    private static FastSsimImage image(Raster8 g) {
        if (g.channels() != 1) {
            throw new IllegalArgumentException("SSIM needs gray images");
        }
        return new FastSsimImage(g.data(), g.width(), g.height());
    }

    /** {@code 1 - fast_ssim} for all pairs, row-major n x n float32, diagonal 0, all cores. */
    public static float[] distanceMatrix(List<Raster8> grays) {
        return distanceMatrix(grays, 0);
    }

    /** @param threads worker threads (0 = all cores) */
    public static float[] distanceMatrix(List<Raster8> grays, int threads) {
        return distanceMatrix(
                grays, threads, VectorizationProvider.getInstance().fastSsim());
    }

    /** As {@link #distanceMatrix(List, int)}, reporting pairs done to {@code progress}. */
    public static float[] distanceMatrix(List<Raster8> grays, int threads, Progress progress) {
        return distanceMatrix(
                grays, threads, VectorizationProvider.getInstance().fastSsim(), ROW_BLOCK, COL_BLOCK, progress);
    }

    /** As {@link #distanceMatrix(List, int)} with an explicit kernel twin (tests, benchmarks). */
    public static float[] distanceMatrix(List<Raster8> grays, int threads, FastSsimKernel kernel) {
        return distanceMatrix(grays, threads, kernel, ROW_BLOCK, COL_BLOCK);
    }

    /** With explicit cache blocks (tests: the blocks never change a result). */
    static float[] distanceMatrix(List<Raster8> grays, int threads, FastSsimKernel kernel, int rowBlock, int colBlock) {
        return distanceMatrix(grays, threads, kernel, rowBlock, colBlock, Progress.NONE);
    }

    /** The pair engine's tiles of {@code rowBlock} images into a dense matrix. */
    private static float[] distanceMatrix(
            List<Raster8> grays, int threads, FastSsimKernel kernel, int rowBlock, int colBlock, Progress progress) {
        FastSsimTiles tiles = new FastSsimTiles(prepare(grays, kernel), rowBlock, colBlock);
        return DenseDistanceMatrix.compute(tiles, threads, progress);
    }
}
