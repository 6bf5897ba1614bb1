package org.cleanrank.image.cv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cleanrank.Fixtures;
import org.cleanrank.image.GoldenImages;
import org.cleanrank.image.Raster8;
import org.junit.jupiter.api.Test;

/** SSIM matrices from the 64x64 stage arrays vs the reference matrices (rows/columns of the PNG inputs). */
class CvSsimGoldenTest {
    /** The golden images that have a 64x64 stage array: their indices in the n-image set, and the arrays. */
    record Sub(int[] idx, List<Raster8> imgs, int n) {
        /** The reference matrix {@code refName} (n x n) restricted to these images: m x m in their order. */
        double[] reference(String refName) {
            double[] full = Fixtures.doubles(GoldenImages.path(refName));
            int m = idx.length;
            double[] out = new double[m * m];
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    out[a * m + b] = full[idx[a] * n + idx[b]];
                }
            }
            return out;
        }
    }

    static Sub sub() {
        List<String> order = GoldenImages.order();
        List<Integer> idx = new ArrayList<>();
        List<Raster8> imgs = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Raster8 stage = GoldenImages.grayStage(order.get(i), "cv_gray_64x64_area");
            if (stage != null) {
                idx.add(i);
                imgs.add(stage);
            }
        }
        return new Sub(idx.stream().mapToInt(Integer::intValue).toArray(), imgs, order.size());
    }

    /** The lower triangle (the reference's diagonal is not a distance) within 1e-5, most pairs to the float bit. */
    @Test
    void fastSsim() {
        Sub s = sub();
        double[] ref = s.reference("ssim_fast_distance.npy");
        float[] got = FastSsim.distanceMatrix(s.imgs(), 2);
        int m = s.idx().length, exact = 0, pairs = 0;
        double worst = 0;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < a; b++) {
                double r = ref[a * m + b], g = got[a * m + b];
                worst = Math.max(worst, Math.abs(r - g));
                exact += (float) r == (float) g ? 1 : 0;
                pairs++;
                assertEquals(r, g, 1e-5, "pair " + a + "," + b);
            }
            assertEquals(0f, got[a * m + a]);
        }
        System.out.printf("fast_ssim: %d/%d pairs bit-identical (float32), worst |diff| %.3g%n", exact, pairs, worst);
        assertTrue(pairs >= 210);
    }

    @Test
    void skimageUniformAndGaussian() {
        Sub s = sub();
        check(s, SkimageSsim.UNIFORM.distanceMatrix(s.imgs(), 2), "ssim_skimage_distance.npy");
        check(s, SkimageSsim.GAUSSIAN.distanceMatrix(s.imgs(), 1), "ssim_skimage_gaussian_distance.npy");
    }

    /** Every pair of {@code got} (m x m) within 1e-5 of the reference matrix {@code refName}. */
    static void check(Sub s, double[] got, String refName) {
        double[] ref = s.reference(refName);
        int m = s.idx().length;
        double worst = 0;
        for (int i = 0; i < m * m; i++) {
            worst = Math.max(worst, Math.abs(ref[i] - got[i]));
            assertEquals(ref[i], got[i], 1e-5, refName + " pair " + i / m + "," + i % m);
        }
        System.out.printf("%s: worst |diff| %.3g over %d x %d%n", refName, worst, m, m);
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        Sub s = sub();
        List<Raster8> few = s.imgs().subList(0, 8);
        assertTrue(java.util.Arrays.equals(FastSsim.distanceMatrix(few, 1), FastSsim.distanceMatrix(few, 3)));
        assertTrue(java.util.Arrays.equals(
                SkimageSsim.UNIFORM.distanceMatrix(few, 1), SkimageSsim.UNIFORM.distanceMatrix(few, 3)));
    }
}
