package org.cleanrank.image.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.cleanrank.Fixtures;
import org.cleanrank.image.GoldenImages;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.image.cv.OpenCvPhash;
import org.cleanrank.image.cv.SkimageSsim;
import org.junit.jupiter.api.Test;

/** Decoder + cv2.imread conventions + OpenCV PHash / CleanPatrick SSIM, end to end from all 37 golden files. */
class OpenCvReadGoldenTest {
    @Test
    void opencvPhashFromFilesMatchesForEveryImage() throws IOException {
        int checked = GoldenImages.forEachExpectedHash((file, h) -> {
            DecodedImage img = ImageDecoder.decode(GoldenImages.path("images", file));
            assertEquals(
                    h.get("opencv_phash_gray"),
                    OpenCvPhash.hex(OpenCvPhash.hash(OpenCvRead.grayscale(img))),
                    file + " opencv_phash_gray (IMREAD_GRAYSCALE)");
            assertEquals(
                    h.get("opencv_phash_color"),
                    OpenCvPhash.hex(OpenCvPhash.hash(OpenCvRead.color(img))),
                    file + " opencv_phash_color (IMREAD_COLOR)");
        });
        assertEquals(37, checked);
    }

    /** CleanPatrick's SSIM thumbnails: imread colour -> INTER_AREA 64x64 -> BGR2GRAY. */
    static Raster8 thumbnail(String file) {
        return org.cleanrank.image.pipeline.SsimThumbnails.of(
                ImageDecoder.decode(Fixtures.golden("images", "images", file)), 64);
    }

    @Test
    void ssimFromFilesMatchesTheReferenceMatrices() throws IOException {
        List<String> order = Files.readAllLines(Fixtures.golden("images", "order.txt"));
        List<Raster8> thumbs = new ArrayList<>();
        for (String f : order) {
            if (!f.isBlank()) {
                thumbs.add(thumbnail(f.strip()));
            }
        }
        int n = thumbs.size();
        assertEquals(37, n);
        float[] fast = FastSsim.distanceMatrix(thumbs, 2);
        double[] refFast = Fixtures.doubles(Fixtures.golden("images", "ssim_fast_distance.npy"));
        double[] sk = SkimageSsim.UNIFORM.distanceMatrix(thumbs, 2);
        double[] refSk = Fixtures.doubles(Fixtures.golden("images", "ssim_skimage_distance.npy"));
        double[] gs = SkimageSsim.GAUSSIAN.distanceMatrix(thumbs, 2);
        double[] refGs = Fixtures.doubles(Fixtures.golden("images", "ssim_skimage_gaussian_distance.npy"));
        double worst = 0;
        int exact = 0;
        for (int i = 1; i < n; i++) {
            for (int j = 0; j < i; j++) {
                int k = i * n + j;
                worst = Math.max(worst, Math.abs(fast[k] - refFast[k]));
                worst = Math.max(worst, Math.abs(sk[k] - refSk[k]));
                worst = Math.max(worst, Math.abs(gs[k] - refGs[k]));
                if (fast[k] == (float) refFast[k]) {
                    exact++;
                }
            }
        }
        assertTrue(worst <= 2e-3, "largest SSIM distance error from files " + worst);
        // with libjpeg-exact decoding the thumbnails are the reference's, so the values are too
        assertEquals(n * (n - 1) / 2, exact, "fast SSIM identical to the float32 reference on every pair");
    }
}
