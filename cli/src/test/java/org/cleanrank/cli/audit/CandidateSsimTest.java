package org.cleanrank.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.cleanrank.detect.PairRankings;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.image.cv.FastSsimTiles;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.vectorization.FastSsimKernel;
import org.cleanrank.vectorization.VectorizationProvider;
import org.junit.jupiter.api.Test;

/**
 * SSIM on candidate pairs scores each pair exactly as the all-pairs pass does, and ranks the candidates in
 * the all-pairs ranking's order (ties, such as the exact copies here, by (i, j)).
 */
class CandidateSsimTest {
    private static final FastSsimKernel KERNEL =
            VectorizationProvider.getInstance().fastSsim();

    /** 24 gray 64 x 64 thumbnails: smooth random pictures, some exact copies and some slightly noisy ones. */
    private static List<Raster8> thumbs() {
        SplittableRandom rnd = new SplittableRandom(7);
        List<Raster8> t = new ArrayList<>();
        for (int k = 0; k < 24; k++) {
            if (k % 6 == 5) {
                t.add(t.get(k - 3)); // exact copy: distance 0, ties with the other copies
                continue;
            }
            byte[] px = new byte[64 * 64];
            if (k % 6 == 4) {
                byte[] base = t.get(k - 1).data();
                for (int p = 0; p < px.length; p++) {
                    px[p] = (byte) Math.clamp((base[p] & 0xFF) + rnd.nextInt(-6, 7), 0, 255);
                }
            } else {
                int fx = rnd.nextInt(1, 6);
                int fy = rnd.nextInt(1, 6);
                for (int y = 0; y < 64; y++) {
                    for (int x = 0; x < 64; x++) {
                        double v = 128 + 90 * Math.sin(fx * x / 10.0) * Math.cos(fy * y / 10.0);
                        px[y * 64 + x] = (byte) Math.clamp(Math.round(v) + rnd.nextInt(-20, 21), 0, 255);
                    }
                }
            }
            t.add(Raster8.gray(64, 64, px));
        }
        return t;
    }

    @Test
    void allPairsAsCandidatesGiveTheAllPairsRankingExactly() {
        List<Raster8> t = thumbs();
        int n = t.size();
        PairRanking all = PairRankings.rank(new FastSsimTiles(FastSsim.prepare(t, KERNEL)), 1000, 2, Progress.NONE);
        assertEquals(n * (n - 1) / 2, all.size());
        int[] local = new int[n];
        Arrays.setAll(local, k -> k);
        CandidateSsim c = CandidateSsim.score(List.of(all), local, t, KERNEL, 1000, 2, Progress.NONE);
        assertEquals(all.size(), c.candidates());
        for (int k = 0; k < all.size(); k++) {
            assertEquals(all.i(k), c.ranking().i(k), "rank " + k);
            assertEquals(all.j(k), c.ranking().j(k), "rank " + k);
            assertEquals(all.distance(k), c.ranking().distance(k), "rank " + k);
        }
        assertEquals(0f, c.ranking().distance(0), "the exact copies come first");
    }

    @Test
    void candidatesOfSeveralListsAreScoredOnceExactlyAndOthersAreUnknown() {
        List<Raster8> t = thumbs();
        FastSsim.Prepared p = FastSsim.prepare(t, KERNEL);
        // samples 0..25 of which 3 and 17 did not decode; decoded images at positions 0..23
        int[] local = new int[26];
        int next = 0;
        for (int s = 0; s < local.length; s++) {
            local[s] = s == 3 || s == 17 ? -1 : next++;
        }
        PairRanking a = PairRanking.of(new int[] {0, 1, 2, 5, 9}, new int[] {4, 3, 25, 6, 10}, new float[5]);
        // the same pair listed again (and reversed), a pair with an undecoded sample, pairs sharing sample 5
        PairRanking b = PairRanking.of(new int[] {5, 6, 17, 5, 5}, new int[] {6, 5, 18, 7, 8}, new float[5]);
        CandidateSsim c = CandidateSsim.score(List.of(a, b), local, t, KERNEL, 3, 2, Progress.NONE);
        int[][] expected = {{0, 4}, {2, 25}, {5, 6}, {9, 10}, {5, 7}, {5, 8}};
        assertEquals(expected.length, c.candidates());
        for (int[] e : expected) {
            float want = p.distance(local[e[0]], local[e[1]]);
            assertEquals(want, (float) c.distance().distance(e[0], e[1]), Arrays.toString(e));
            assertEquals(want, (float) c.distance().distance(e[1], e[0]), "either order");
        }
        assertTrue(Double.isNaN(c.distance().distance(1, 3)), "a pair with an undecoded image is no candidate");
        assertTrue(Double.isNaN(c.distance().distance(0, 1)), "a pair no list holds is no candidate");
        assertEquals(3, c.ranking().size(), "kept the 3 closest");
        for (int k = 1; k < 3; k++) {
            assertTrue(c.ranking().distance(k - 1) <= c.ranking().distance(k));
        }
    }
}
