package org.cleanrank.image.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cleanrank.Fixtures;
import org.cleanrank.eval.NearDuplicateEvaluation;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.image.cv.SkimageSsim;
import org.cleanrank.image.pipeline.PerceptualHashes;
import org.cleanrank.image.pipeline.SsimThumbnails;
import org.junit.jupiter.api.Test;

/**
 * CleanPatrick's evaluate_near_duplicates on the mini CleanPatrick set, from the image files: our distance
 * matrices, the reference's annotated pair-label matrix, get_sorted_labels, calculate_scores_from_ranking.
 * Hamming distances tie a lot and the reference sorts with numpy's unstable quicksort, which
 * NumpyArgsort reproduces: the sorted labels and the metrics must be identical for every method.
 */
class NearDuplicateEvalGoldenTest {
    @Test
    void everyMethodReproducesTheReferenceEvaluation() throws Exception {
        List<String> order = new ArrayList<>();
        for (String l : Files.readAllLines(Fixtures.golden("images", "order.txt"))) {
            if (!l.isBlank()) {
                order.add(l.strip());
            }
        }
        int n = order.size();
        List<DecodedImage> imgs = order.stream()
                .map(f -> ImageDecoder.decode(Fixtures.golden("images", "images", f)))
                .toList();
        double[] labels = Fixtures.doubles(Fixtures.golden("images", "cleanpatrick", "nd_label_matrix.npy"));
        Map<String, double[]> distances = new TreeMap<>();
        distances.put("PHASH", hamming(imgs, PerceptualHashes.OPENCV, false));
        distances.put("imagehash_phash8", hamming(imgs, PerceptualHashes.IMAGEHASH, true));
        List<Raster8> thumbs = imgs.stream().map(d -> SsimThumbnails.of(d, 64)).toList();
        distances.put("SSIM", toDouble(FastSsim.distanceMatrix(thumbs, 2)));
        distances.put("skimage_ssim", SkimageSsim.UNIFORM.distanceMatrix(thumbs, 2));
        distances.put("skimage_ssim_gaussian", SkimageSsim.GAUSSIAN.distanceMatrix(thumbs, 2));

        JsonNode methods = new ObjectMapper()
                .readTree(Fixtures.golden("images", "cleanpatrick", "expected_near_duplicate_eval.json")
                        .toFile())
                .get("methods");
        for (Map.Entry<String, double[]> e : distances.entrySet()) {
            JsonNode ref = methods.get(e.getKey());
            int[] sorted = NearDuplicateEvaluation.sortedLabels(n, labels, e.getValue());
            JsonNode refLabels = ref.get("sorted_labels");
            JsonNode refDist = ref.get("sorted_distances");
            assertEquals(refLabels.size(), sorted.length, e.getKey());
            // the annotated pairs' distances, ascending, as the reference lists them
            List<Double> ours = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                for (int j = 0; j < i; j++) {
                    if (!Double.isNaN(labels[i * n + j])) {
                        ours.add(e.getValue()[i * n + j]);
                    }
                }
            }
            ours.sort(null);
            for (int r = 0; r < sorted.length; r++) {
                assertEquals(refDist.get(r).asDouble(), ours.get(r), 1e-5, e.getKey() + " distance at rank " + r);
            }
            // tie-aware label order: same number of positives within each run of equal reference distances
            int r = 0;
            while (r < sorted.length) {
                int end = r;
                while (end + 1 < sorted.length
                        && refDist.get(end + 1).asDouble() == refDist.get(r).asDouble()) {
                    end++;
                }
                int a = 0, b = 0;
                for (int q = r; q <= end; q++) {
                    a += sorted[q];
                    b += refLabels.get(q).asInt();
                }
                assertEquals(b, a, e.getKey() + " positives among tied ranks " + r + ".." + end);
                r = end + 1;
            }
            // numpy's tie order reproduced: the very same label sequence, hence the same metrics
            for (int q = 0; q < sorted.length; q++) {
                assertEquals(refLabels.get(q).asInt(), sorted[q], e.getKey() + " label at rank " + q);
            }
            Map<String, Double> m = RankingMetrics.compute(sorted);
            ref.get("metrics")
                    .properties()
                    .forEach(kv -> assertEquals(
                            kv.getValue().asDouble(), m.get(kv.getKey()), 1e-12, e.getKey() + " " + kv.getKey()));
        }
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    private static double[] hamming(List<DecodedImage> imgs, PerceptualHashes algo, boolean fraction) {
        int n = imgs.size();
        long[] h = new long[n];
        for (int i = 0; i < n; i++) {
            h[i] = algo.compute(imgs.get(i), 8).words()[0];
        }
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int c = Long.bitCount(h[i] ^ h[j]);
                d[i * n + j] = fraction ? c / 64.0 : c;
            }
        }
        return d;
    }
}
