package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cleanrank.image.Raster8;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.SkimageSsimKernel;
import org.junit.jupiter.api.Test;

/** The plain and Panama scikit-image SSIM twins give the same float64 bits, for both configurations. */
class SkimageSsimTwinsTest extends BaseVectorizationTestCase {
    static SkimageSsimKernel panama() {
        return panamaProvider().skimageSsim();
    }

    @Test
    void twinsBitIdenticalOnRandomImagesOfManySizes() {
        // widths below, at and above the vector/border split, odd and even, for both window sizes
        int[][] sizes = {{64, 64}, {11, 11}, {12, 13}, {13, 12}, {15, 20}, {30, 17}, {100, 64}, {7, 7}, {8, 9}};
        int compared = 0;
        for (SkimageSsim cfg : new SkimageSsim[] {SkimageSsim.UNIFORM, SkimageSsim.GAUSSIAN}) {
            for (int[] sz : sizes) {
                if (sz[0] < cfg.pad() * 2 + 1 || sz[1] < cfg.pad() * 2 + 1) {
                    continue;
                }
                for (boolean smooth : new boolean[] {false, true}) {
                    List<Raster8> imgs = FastSsimTwinsTest.random(9, sz[0], sz[1], 17L * sz[0] + sz[1], smooth);
                    double[] p = cfg.distanceMatrix(imgs, 2, plainProvider().skimageSsim());
                    double[] v = cfg.distanceMatrix(imgs, 2, panama());
                    for (int k = 0; k < p.length; k++) {
                        assertEquals(
                                Double.doubleToRawLongBits(p[k]),
                                Double.doubleToRawLongBits(v[k]),
                                sz[0] + "x" + sz[1] + " entry " + k + ": " + p[k] + " vs " + v[k]);
                    }
                    compared += p.length;
                }
            }
        }
        assertTrue(compared > 1000);
    }

    @Test
    void resultDoesNotDependOnThreads() {
        List<Raster8> imgs = FastSsimTwinsTest.random(21, 24, 20, 5, true);
        double[] one = SkimageSsim.GAUSSIAN.distanceMatrix(imgs, 1, panama());
        double[] three = SkimageSsim.GAUSSIAN.distanceMatrix(imgs, 3, panama());
        assertTrue(java.util.Arrays.equals(one, three));
    }

    @Test
    void identicalImagesScoreOneAndTheWindowMustFit() {
        Raster8 a = FastSsimTwinsTest.random(1, 20, 20, 3, false).get(0);
        assertEquals(1.0, SkimageSsim.UNIFORM.score(a, a), 1e-12);
        Raster8 small = FastSsimTwinsTest.random(1, 10, 10, 3, false).get(0);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SkimageSsim.GAUSSIAN.score(small, small));
        assertTrue(e.getMessage().contains("exceeds the image"), e.getMessage());
    }
}
