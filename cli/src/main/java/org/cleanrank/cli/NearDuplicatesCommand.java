package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.detect.PairRankings;
import org.cleanrank.hash.HammingNearDuplicates;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.image.cv.FastSsimTiles;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.image.pipeline.PerceptualHashes;
import org.cleanrank.image.pipeline.SsimThumbnails;
import org.cleanrank.io.RankingFiles;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.vectorization.VectorizationProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "near-duplicates",
        mixinStandardHelpOptions = true,
        description = {
            "Near-duplicate image pairs of a folder, closest first: rank,file_i,file_j,distance.",
            "phash: imagehash pHash (64 bits), distance = fraction of differing bits,"
                    + " as CleanPatrick's pHASHDetector;",
            "phash-opencv: OpenCV PHash on the IMREAD_GRAYSCALE read, distance = differing bits,"
                    + " as precompute_hashes.py;",
            "ssim: 1 - CleanPatrick's fast SSIM of 64x64 thumbnails.",
            "Ties in file order."
        })
final class NearDuplicatesCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    ImageFolderOption images;

    @Option(
            names = "--method",
            required = true,
            paramLabel = "phash|phash-opencv|ssim",
            description = "the distance (see above)")
    String method;

    @Option(names = "--out", required = true, paramLabel = "pairs.csv", description = "file to write")
    Path out;

    @Mixin
    PairsOption pairs;

    @Override
    public Integer call() {
        long k = pairs.count;
        StderrProgress progress = run.progress();
        List<Path> files = images.files();
        int t = run.threadCount();
        PairRanking ranking;
        List<Path> ok;
        switch (method) {
            case "phash", "phash-opencv" -> {
                PerceptualHashes h = method.equals("phash") ? PerceptualHashes.IMAGEHASH : PerceptualHashes.OPENCV;
                ImageFolder.Result<PerceptualHashes.Hash> r =
                        ImageRun.run(files, img -> h.compute(img, 8), t, progress);
                ok = r.files();
                requireTwo(ok);
                long[] words = new long[ok.size()];
                for (int i = 0; i < words.length; i++) {
                    words[i] = r.values().get(i).words()[0];
                }
                ranking = HammingNearDuplicates.rank(
                        words,
                        1,
                        ok.size(),
                        k,
                        method.equals("phash"),
                        t,
                        VectorizationProvider.getInstance().hammingKernels(),
                        progress);
            }
            case "ssim" -> {
                ImageFolder.Result<Raster8> r = ImageRun.run(files, img -> SsimThumbnails.of(img, 64), t, progress);
                ok = r.files();
                requireTwo(ok);
                ranking = PairRankings.rank(new FastSsimTiles(FastSsim.prepare(r.values())), k, t, progress);
            }
            default -> throw new CleanRankException("--method " + method + ": expected phash, phash-opencv or ssim");
        }
        List<Path> names = ok;
        RankingFiles.writeAtomically(out, w -> {
            w.write("rank,file_i,file_j,distance\n");
            for (int r = 0; r < ranking.size(); r++) {
                w.write((r + 1) + "," + ImageRun.name(names.get(ranking.i(r))) + ","
                        + ImageRun.name(names.get(ranking.j(r))) + "," + ranking.distance(r) + "\n");
            }
        });
        progress.message("wrote " + ranking.size() + " pairs to " + out);
        return 0;
    }

    private static void requireTwo(List<Path> ok) {
        if (ok.size() < 2) {
            throw new CleanRankException("fewer than 2 readable images; nothing to compare");
        }
    }
}
