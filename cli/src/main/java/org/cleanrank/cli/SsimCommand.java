package org.cleanrank.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.image.cv.SkimageSsim;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.image.pipeline.SsimThumbnails;
import org.cleanrank.io.NpyWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "ssim",
        mixinStandardHelpOptions = true,
        description = {
            "The N x N SSIM distance matrix (1 - SSIM, float32 .npy) over a folder's images.",
            "Thumbnails as CleanPatrick makes them: cv2.imread colour, INTER_AREA to SxS, BGR2GRAY.",
            "fast: CleanPatrick's fast_ssim (7x7 box, BORDER_REFLECT_101, C1 = 6.5025,",
            "      C2 = 58.5225, mean of the map);",
            "skimage: structural_similarity's defaults (7x7 uniform, sample covariance, 3-pixel crop);",
            "gaussian: the Wang et al. variant (sigma 1.5, 11x11, population covariance).",
            "The diagonal is 0."
        })
final class SsimCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    ImageFolderOption images;

    @Option(
            names = "--variant",
            defaultValue = "fast",
            paramLabel = "fast|skimage|gaussian",
            description = "the SSIM to compute (default ${DEFAULT-VALUE}; see above)")
    String variant;

    @Option(
            names = "--size",
            defaultValue = "64",
            paramLabel = "64|S|original",
            description = "thumbnail side (default 64), or 'original' for full-size gray images of equal size")
    String size;

    @Option(
            names = "--list",
            paramLabel = "FILES.txt",
            description = "file names (one per line) giving the matrix order; default: name order")
    Path list;

    @Option(names = "--out", required = true, paramLabel = "D.npy", description = "the N x N float32 matrix to write")
    Path out;

    /**
     * Fails when the n x n float32 matrix and the per-image statistics (~24 bytes per thumbnail pixel) do not
     * fit in 90% of the heap: before decoding for thumbnails of a known side, again after decoding with the
     * real size (for {@code --size original}).
     */
    static void checkMemory(int n, long pixelsPerImage, long maxHeap, String variant) {
        String instead = variant.equals("fast") && pixelsPerImage == 64L * 64
                ? "or rank the closest pairs without the matrix: near-duplicates --method ssim --pairs K"
                : "or compare fewer images (--list)";
        if ((long) n * n > Integer.MAX_VALUE - 8) {
            throw new CleanRankException(
                    n + " images: an " + n + " x " + n + " matrix exceeds Java's largest array; " + instead);
        }
        long need = 4L * n * n + 24L * pixelsPerImage * n;
        if (need > maxHeap * 0.9) {
            throw new CleanRankException(String.format(
                    "%d images need ~%.1f GB for the %d x %d SSIM matrix and the images'"
                            + " statistics, the heap allows %.1f GB: set CLEANRANK_HEAP=%dg, %s",
                    n, need / 1e9, n, n, maxHeap / 1e9, (long) Math.ceil(need / 0.9 / (1L << 30)) + 1, instead));
        }
    }

    static int parseSize(String s) {
        if (s.equalsIgnoreCase("original")) {
            return 0;
        }
        try {
            int v = Integer.parseInt(s);
            if (v >= 7) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new CleanRankException("--size " + s + ": expected a side >= 7 (the SSIM window) or 'original'");
    }

    static List<Path> files(ImageFolderOption images, Path list) {
        if (list == null) {
            return images.files();
        }
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(list)) {
                if (!line.isBlank()) {
                    out.add(images.dir.resolve(line.strip()));
                }
            }
            if (out.isEmpty()) {
                throw new CleanRankException(list + ": no file names in it");
            }
            return out;
        } catch (IOException e) {
            throw new CleanRankException(list + ": cannot read (" + e.getMessage() + ")");
        }
    }

    @Override
    public Integer call() {
        int side = parseSize(size);
        if (!List.of("fast", "skimage", "gaussian").contains(variant)) {
            throw new CleanRankException("--variant " + variant + ": expected fast, skimage or gaussian");
        }
        if (variant.equals("gaussian") && side > 0 && side < 11) {
            throw new CleanRankException("--size " + side + ": the Gaussian variant's window is 11 x 11 (scikit-image's"
                    + " win_size for sigma 1.5); use --size 11 or larger");
        }
        StderrProgress progress = run.progress();
        List<Path> files = files(images, list);
        if (side > 0) {
            checkMemory(files.size(), (long) side * side, Runtime.getRuntime().maxMemory(), variant);
        }
        ImageFolder.Result<Raster8> r =
                ImageRun.run(files, img -> SsimThumbnails.of(img, side), run.threadCount(), progress);
        if (list != null && !r.failures().isEmpty()) {
            throw new CleanRankException(list + ": " + r.failures().size()
                    + " listed files are unreadable (above); the matrix order needs every file");
        }
        List<Raster8> thumbs = r.values();
        Raster8 first = thumbs.get(0);
        for (int i = 1; i < thumbs.size(); i++) {
            Raster8 t = thumbs.get(i);
            if (t.width() != first.width() || t.height() != first.height()) {
                throw new CleanRankException(
                        r.files().get(i) + ": " + t.width() + "x" + t.height() + " differs from " + first.width() + "x"
                                + first.height() + "; --size original needs images of one size, use --size 64");
            }
        }
        if (!variant.equals("fast")) {
            // fast_ssim (cv2.boxFilter) runs on any size; structural_similarity refuses a window larger than the image
            int window = variant.equals("gaussian") ? 11 : 7;
            if (first.width() < window || first.height() < window) {
                throw new CleanRankException(r.files().get(0) + ": " + first.width() + "x" + first.height()
                        + " is smaller than the " + window + " x " + window
                        + " SSIM window (scikit-image refuses this too); use --size 64");
            }
        }
        if (side <= 0) {
            checkMemory(
                    thumbs.size(),
                    (long) first.width() * first.height(),
                    Runtime.getRuntime().maxMemory(),
                    variant);
        }
        int n = thumbs.size();
        int t = run.threadCount();
        float[] d = switch (variant) {
            case "fast" -> FastSsim.distanceMatrix(thumbs, t, progress);
            case "skimage" -> SkimageSsim.UNIFORM.distanceMatrixFloat32(thumbs, t, progress);
            default -> SkimageSsim.GAUSSIAN.distanceMatrixFloat32(thumbs, t, progress);
        };
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 0f;
        }
        NpyWriter.writeFloat32(out, d, n, n);
        progress.message("wrote " + n + " x " + n + " SSIM distances to " + out);
        return 0;
    }
}
