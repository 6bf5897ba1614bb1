package org.cleanrank.image.cv;

import java.util.List;
import org.cleanrank.image.Raster8;
import org.cleanrank.pairs.DenseDistanceMatrix;
import org.cleanrank.pairs.Progress;

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
 * by a {@link FastSsimKernel} twin: {@link FastSsimKernels#plain() plain} Java or
 * {@link FastSsimKernels#panamaOrNull() Panama} SIMD (bit-identical; {@link FastSsimKernels#get()} picks).
 * Diagonal: 0 (the reference's diagonal is an indexing accident: entry [i,i] holds [i,n-1]).
 */
public final class FastSsim {
    static final float C1 = 6.5025f;
    static final float C2 = 58.5225f;
    static final int K = 7;
    static final double INV_AREA = 1. / (K * K);
    /** Images per side of the all-pairs tiles (cache reuse); does not change any result. */
    static final int ROW_BLOCK = Integer.getInteger("cleanrank.ssim.rowBlock", 64);
    /**
     * Images per column block: their statistics (~50 KB each at 64 x 64) plus one row image stay within a
     * 512 KB L2; does not change any result.
     */
    static final int COL_BLOCK = Integer.getInteger("cleanrank.ssim.colBlock", 6);

    private FastSsim() {}

    /** Per-image statistics. */
    static final class Stats {
        final int w, h;
        final int[] px;
        /**
         * For the SIMD twin: the pixels as bytes (unsigned), rows padded by K/2 reflected pixels on each
         * side (BORDER_REFLECT_101), row stride w + K - 1, so products of padded rows are padded product rows.
         */
        final byte[] px8;
        /**
         * For the SIMD twin: the pixels as floats, padded on all sides by K/2 reflected pixels
         * (BORDER_REFLECT_101: padded row r is image row reflect101(r - K/2), columns as {@link #px8}), then
         * zeros up to a row stride {@link #padStride} that is a multiple of 8; h + K - 1 rows. A product of
         * two padded pixels is an exact float (at most 255^2), the padded rows are whole vectors, and the 7
         * rows of the window of output row y are padded rows y .. y + 6.
         */
        final float[] padF;

        final int padStride;
        final float[] mu, muSq, sigmaSq;

        Stats(Raster8 g) {
            if (g.channels() != 1) {
                throw new IllegalArgumentException("SSIM needs gray images");
            }
            w = g.width();
            h = g.height();
            int pw = w + K - 1;
            px8 = new byte[h * pw];
            for (int y = 0; y < h; y++) {
                for (int x = -(K / 2); x < w + K / 2; x++) {
                    px8[y * pw + x + K / 2] = g.data()[y * w + reflect101(x, w)];
                }
            }
            padStride = (w + K - 1 + 7) & ~7;
            padF = new float[(h + K - 1) * padStride];
            for (int r = 0; r < h + K - 1; r++) {
                int y = reflect101(r - K / 2, h);
                for (int x = 0; x < pw; x++) {
                    padF[r * padStride + x] = px8[y * pw + x] & 0xFF;
                }
            }
            px = new int[w * h];
            for (int i = 0; i < px.length; i++) {
                px[i] = g.data()[i] & 0xFF;
            }
            int[] sq = new int[px.length];
            for (int i = 0; i < px.length; i++) {
                sq[i] = px[i] * px[i];
            }
            mu = boxMean(px, w, h);
            float[] e2 = boxMean(sq, w, h);
            muSq = new float[px.length];
            sigmaSq = new float[px.length];
            for (int i = 0; i < px.length; i++) {
                muSq[i] = mu[i] * mu[i];
                sigmaSq[i] = e2[i] - muSq[i];
            }
        }
    }

    /** SSIM score (float32) of two gray images of equal size, with the process's kernel twin. */
    public static float score(Raster8 a, Raster8 b) {
        return score(a, b, FastSsimKernels.get());
    }

    /** SSIM score (float32) of two gray images of equal size, with the given kernel twin. */
    public static float score(Raster8 a, Raster8 b, FastSsimKernel kernel) {
        return kernel.score(new Stats(a), new Stats(b));
    }

    static void checkSameSize(Stats a, Stats b) {
        if (a.w != b.w || a.h != b.h) {
            throw new IllegalArgumentException("SSIM needs equally sized images");
        }
    }

    /** Per-image statistics of a list of thumbnails, computed once; {@link #distance} per pair. */
    public static final class Prepared {
        private final Stats[] stats;
        private final FastSsimKernel kernel;

        private Prepared(Stats[] stats, FastSsimKernel kernel) {
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
        return prepare(grays, FastSsimKernels.get());
    }

    public static Prepared prepare(List<Raster8> grays, FastSsimKernel kernel) {
        return new Prepared(stats(grays), kernel);
    }

    private static Stats[] stats(List<Raster8> grays) {
        Stats[] st = new Stats[grays.size()];
        for (int i = 0; i < st.length; i++) {
            st[i] = new Stats(grays.get(i));
        }
        return st;
    }

    /** {@code 1 - fast_ssim} for all pairs, row-major n x n float32, diagonal 0, all cores. */
    public static float[] distanceMatrix(List<Raster8> grays) {
        return distanceMatrix(grays, 0);
    }

    /** @param threads worker threads (0 = all cores) */
    public static float[] distanceMatrix(List<Raster8> grays, int threads) {
        return distanceMatrix(grays, threads, FastSsimKernels.get());
    }

    /** As {@link #distanceMatrix(List, int)}, reporting pairs done to {@code progress}. */
    public static float[] distanceMatrix(List<Raster8> grays, int threads, Progress progress) {
        return distanceMatrix(grays, threads, FastSsimKernels.get(), ROW_BLOCK, COL_BLOCK, progress);
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

    /** cv2.boxFilter 7x7, normalised, BORDER_REFLECT_101, exact integer sums then (float)(sum * (1./49)). */
    static float[] boxMean(int[] v, int w, int h) {
        float[] out = new float[w * h];
        boxMean(v, w, h, new int[w * h], out);
        return out;
    }

    /**
     * {@link #boxMean(int[], int, int)} into {@code out}, with {@code rows} (at least w*h) as scratch.
     * Values are at most 255*255, so the row sums (7 terms) and the box sums (49 terms, &lt; 2^22) are
     * exact in int, as the reference's double running sums are.
     */
    static void boxMean(int[] v, int w, int h, int[] rows, float[] out) {
        int r = K / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = 0;
                for (int k = -r; k <= r; k++) {
                    s += v[y * w + reflect101(x + k, w)];
                }
                rows[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int s = 0;
                for (int k = -r; k <= r; k++) {
                    s += rows[reflect101(y + k, h) * w + x];
                }
                out[y * w + x] = (float) (s * INV_AREA);
            }
        }
    }

    /** BORDER_REFLECT_101: gfedcb|abcdefgh|gfedcba. */
    static int reflect101(int i, int n) {
        if (n == 1) {
            return 0;
        }
        while (i < 0 || i >= n) {
            i = i < 0 ? -i : 2 * n - 2 - i;
        }
        return i;
    }
}
