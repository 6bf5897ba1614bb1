package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cleanrank.Fixtures;
import org.cleanrank.image.GoldenImages;
import org.cleanrank.image.Raster8;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.FastSsimKernel;
import org.junit.jupiter.api.Test;

/** The plain and Panama fast-SSIM twins give the same float32 bits, on random and on golden images. */
class FastSsimTwinsTest extends BaseVectorizationTestCase {
    static FastSsimKernel panama() {
        return panamaProvider().fastSsim();
    }

    static FastSsimKernel plain() {
        return plainProvider().fastSsim();
    }

    static List<Raster8> random(int n, int w, int h, long seed, boolean smooth) {
        Random r = new Random(seed);
        List<Raster8> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] px = new byte[w * h];
            r.nextBytes(px);
            if (smooth && i % 2 == 1) {
                // near-duplicates and flat areas: SSIM near 1, zero variances, constant images
                byte[] prev = out.get(i - 1).data();
                for (int k = 0; k < px.length; k++) {
                    int v = (prev[k] & 0xFF) + (r.nextInt(5) - 2);
                    px[k] = (byte) (i % 4 == 3 ? 77 : Math.max(0, Math.min(255, v)));
                }
            }
            out.add(Raster8.gray(w, h, px));
        }
        return out;
    }

    @Test
    void twinsBitIdenticalOnRandomThumbnails() {
        int[][] sizes = {{64, 64}, {7, 7}, {8, 8}, {63, 17}, {100, 64}, {1, 1}, {3, 2}, {9, 5}, {17, 130}, {16, 16}};
        FastSsimKernel plain = plain(), panama = panama();
        for (int[] sz : sizes) {
            for (boolean smooth : new boolean[] {false, true}) {
                List<Raster8> imgs = random(12, sz[0], sz[1], 31L * sz[0] + sz[1] + (smooth ? 7 : 0), smooth);
                float[] p = FastSsim.distanceMatrix(imgs, 2, plain);
                float[] v = FastSsim.distanceMatrix(imgs, 2, panama);
                for (int k = 0; k < p.length; k++) {
                    assertEquals(
                            Float.floatToRawIntBits(p[k]),
                            Float.floatToRawIntBits(v[k]),
                            sz[0] + "x" + sz[1] + " entry " + k + ": " + p[k] + " vs " + v[k]);
                }
                for (int k = 0; k + 1 < imgs.size(); k += 3) {
                    float sp = FastSsim.score(imgs.get(k), imgs.get(k + 1), plain);
                    float sv = FastSsim.score(imgs.get(k), imgs.get(k + 1), panama);
                    assertEquals(
                            Float.floatToRawIntBits(sp), Float.floatToRawIntBits(sv), sz[0] + "x" + sz[1] + " score");
                }
            }
        }
    }

    @Test
    void twinsBitIdenticalOnManyRandom64x64Pairs() {
        List<Raster8> imgs = random(60, 64, 64, 1, true);
        FastSsim.Prepared p = FastSsim.prepare(imgs, plain());
        FastSsim.Prepared v = FastSsim.prepare(imgs, panama());
        for (int i = 0; i < imgs.size(); i++) {
            for (int j = 0; j < imgs.size(); j++) {
                assertEquals(
                        Float.floatToRawIntBits(p.distance(i, j)),
                        Float.floatToRawIntBits(v.distance(i, j)),
                        i + "," + j);
            }
        }
    }

    @Test
    void panamaTwinMatchesTheGoldenMatrixBitForBit() {
        CvSsimGoldenTest.Sub s = CvSsimGoldenTest.sub();
        double[] ref = Fixtures.doubles(GoldenImages.path("ssim_fast_distance.npy"));
        float[] plain = FastSsim.distanceMatrix(s.imgs(), 2, plain());
        float[] simd = FastSsim.distanceMatrix(s.imgs(), 2, panama());
        int m = s.idx().length, same = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                assertEquals(Float.floatToRawIntBits(plain[a * m + b]), Float.floatToRawIntBits(simd[a * m + b]));
                if (a != b && (float) ref[s.idx()[a] * s.n() + s.idx()[b]] == simd[a * m + b]) {
                    same++;
                }
            }
        }
        System.out.printf(
                "panama fast_ssim: %d/%d off-diagonal entries equal the float32 reference%n", same, m * (m - 1));
    }

    @Test
    void cacheBlocksDoNotChangeTheMatrix() {
        List<Raster8> imgs = random(23, 16, 16, 9, false);
        float[] ref = FastSsim.distanceMatrix(imgs, 1, panama(), 1, 1);
        int checked = 0;
        for (int[] b : new int[][] {{64, 6}, {5, 3}, {2, 7}, {23, 23}, {100, 1}}) {
            for (int threads : new int[] {1, 3}) {
                float[] got = FastSsim.distanceMatrix(imgs, threads, panama(), b[0], b[1]);
                for (int k = 0; k < ref.length; k++) {
                    assertEquals(
                            Float.floatToRawIntBits(ref[k]),
                            Float.floatToRawIntBits(got[k]),
                            "blocks " + b[0] + "/" + b[1] + " entry " + k);
                    checked += k / 23 != k % 23 && got[k] != 0f ? 1 : 0;
                }
            }
        }
        assertEquals(10 * 23 * 22, checked, "every off-diagonal pair computed (random images: no distance is 0)");
    }

    @Test
    void pairTilesGiveTheMatrixEntries() {
        List<Raster8> imgs = random(30, 64, 64, 11, true);
        float[] ref = FastSsim.distanceMatrix(imgs, 1, panama());
        FastSsimTiles tiles = new FastSsimTiles(FastSsim.prepare(imgs, panama()));
        for (int[] t : new int[][] {{0, 30, 0, 30}, {5, 11, 8, 30}, {0, 7, 20, 29}}) {
            float[] out = new float[(t[1] - t[0]) * (t[3] - t[2])];
            int width = tiles.compute(t[0], t[1], t[2], t[3], out);
            assertEquals(t[3] - t[2], width);
            for (int i = t[0]; i < t[1]; i++) {
                for (int j = Math.max(t[2], i + 1); j < t[3]; j++) {
                    assertEquals(
                            Float.floatToRawIntBits(ref[i * 30 + j]),
                            Float.floatToRawIntBits(out[(i - t[0]) * width + (j - t[2])]),
                            i + "," + j);
                }
            }
        }
    }
}
