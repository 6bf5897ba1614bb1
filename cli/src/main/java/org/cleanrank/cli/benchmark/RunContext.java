package org.cleanrank.cli.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.image.pipeline.PerceptualHashes;
import org.cleanrank.image.pipeline.SsimThumbnails;
import org.cleanrank.pairs.Progress;

/**
 * Shared state of one benchmark run: the data, settings, and what several detectors reuse (SelfClean's
 * single pass that yields all three of its rankings; one decode of every image for both hashes and the
 * SSIM thumbnail). Detectors run one after another; only their insides are parallel.
 */
public final class RunContext {
    private final BenchmarkData data;
    private final int threads;
    private final long seed;
    private final Progress progress;
    private final Map<String, Object> cache = new HashMap<>();
    private ImageFeatures imageFeatures;

    /** Per image (in {@link #imageSamples()} order): both 64-bit pHashes and the 64 x 64 SSIM thumbnail. */
    public record ImageFeature(long opencvHash, long imagehashHash, Raster8 ssimThumb) {}

    /** The samples whose image decoded, their features, and the files that did not decode. */
    public record ImageFeatures(int[] samples, List<ImageFeature> features, List<ImageFolder.Failure> failures) {}

    private final String clClassifier;

    public RunContext(BenchmarkData data, int threads, long seed, Progress progress) {
        this(data, threads, seed, progress, "adaboost");
    }

    /** @param clClassifier Confident Learning's cross-validated classifier: "adaboost" (CleanPatrick's) or "logistic" */
    public RunContext(BenchmarkData data, int threads, long seed, Progress progress, String clClassifier) {
        this.clClassifier = clClassifier;
        this.data = data;
        this.threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        this.seed = seed;
        this.progress = progress;
    }

    public BenchmarkData data() {
        return data;
    }

    public int threads() {
        return threads;
    }

    public String clClassifier() {
        return clClassifier;
    }

    public long seed() {
        return seed;
    }

    public Progress progress() {
        return progress;
    }

    /** A value computed once per run under {@code key} (the first caller computes it). */
    @SuppressWarnings("unchecked")
    public <T> T cached(String key, Supplier<T> compute) {
        Object v = cache.get(key);
        if (v == null) {
            v = compute.get();
            cache.put(key, v);
        }
        return (T) v;
    }

    /** The samples a detector with these needs runs on (ascending global indices). */
    public int[] subset(DetectorEntry.Input needs) {
        return switch (needs) {
            case EMBEDDINGS, EMBEDDINGS_AND_LABELS ->
                data.embeddingSamples() == null ? new int[0] : data.embeddingSamples();
            case IMAGES -> imageFeatures().samples();
        };
    }

    /** Decodes every sample's image once (all cores); undecodable files are listed, the rest go on. */
    public synchronized ImageFeatures imageFeatures() {
        if (imageFeatures == null) {
            List<Path> files = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            Path[] images = data.images();
            for (int i = 0; images != null && i < images.length; i++) {
                if (images[i] != null) {
                    files.add(images[i]);
                    owners.add(i);
                }
            }
            if (files.isEmpty()) {
                imageFeatures = new ImageFeatures(new int[0], List.of(), List.of());
                return imageFeatures;
            }
            ImageFolder.Result<ImageFeature> r = ImageFolder.map(
                    files,
                    img -> new ImageFeature(
                            PerceptualHashes.OPENCV.compute(img, 8).words()[0],
                            PerceptualHashes.IMAGEHASH.compute(img, 8).words()[0],
                            SsimThumbnails.of(img, 64)),
                    threads,
                    progress);
            Map<Path, Integer> owner = new HashMap<>();
            for (int k = 0; k < files.size(); k++) {
                owner.put(files.get(k), owners.get(k));
            }
            // Result lists the readable files in the order given (sample order); map them back to samples
            int[] samples = new int[r.files().size()];
            for (int k = 0; k < samples.length; k++) {
                samples[k] = owner.get(r.files().get(k));
            }
            imageFeatures = new ImageFeatures(samples, r.values(), r.failures());
        }
        return imageFeatures;
    }
}
