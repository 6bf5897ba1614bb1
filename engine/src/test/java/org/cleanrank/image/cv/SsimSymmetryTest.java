package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cleanrank.image.Raster8;
import org.junit.jupiter.api.Test;

/**
 * The pair engine computes each SSIM pair once, as (i, j) with i &lt; j, and mirrors it into the matrix:
 * that is only the reference's value if swapping the images does not change a bit (the reference
 * computes its lower triangle, i &gt; j). Checked with the process's kernel twin, on noise, near-duplicates
 * and constant images.
 */
class SsimSymmetryTest {
    @Test
    void swappingTheImagesChangesNoBit() {
        List<Raster8> imgs = FastSsimTwinsTest.random(12, 23, 17, 5, true);
        int differentScores = 0;
        for (int a = 0; a < imgs.size(); a++) {
            for (int b = 0; b < a; b++) {
                Raster8 x = imgs.get(a), y = imgs.get(b);
                float fast = FastSsim.score(x, y);
                assertEquals(Float.floatToRawIntBits(fast), Float.floatToRawIntBits(FastSsim.score(y, x)), a + "," + b);
                for (SkimageSsim cfg : new SkimageSsim[] {SkimageSsim.UNIFORM, SkimageSsim.GAUSSIAN}) {
                    double s = cfg.score(x, y);
                    assertEquals(
                            Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(cfg.score(y, x)), a + "," + b);
                }
                differentScores += fast != FastSsim.score(imgs.get(0), imgs.get(1)) ? 1 : 0;
            }
        }
        assertTrue(differentScores > 10, "the images are varied enough to make the check mean something");
    }

    @Test
    void denseMatrixIsTheMirroredPairScore() {
        List<Raster8> imgs = FastSsimTwinsTest.random(9, 16, 16, 8, true);
        float[] fast = FastSsim.distanceMatrix(imgs, 2);
        double[] sk = SkimageSsim.UNIFORM.distanceMatrix(imgs, 2);
        int n = imgs.size();
        for (int i = 0; i < n; i++) {
            assertEquals(0f, fast[i * n + i]);
            for (int j = 0; j < i; j++) {
                assertEquals(1f - FastSsim.score(imgs.get(i), imgs.get(j)), fast[i * n + j]);
                assertEquals(fast[i * n + j], fast[j * n + i]);
                assertEquals(1 - SkimageSsim.UNIFORM.score(imgs.get(i), imgs.get(j)), sk[i * n + j]);
                assertEquals(sk[i * n + j], sk[j * n + i]);
            }
        }
    }
}
