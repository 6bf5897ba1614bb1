package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.image.pipeline.PerceptualHashes;
import org.cleanrank.io.RankingFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "hash",
        mixinStandardHelpOptions = true,
        description = {
            "Perceptual hashes of every image in a folder, exactly as the reference libraries compute them.",
            "imagehash: imagehash.phash(PIL.Image.open(f), hash_size), hex as str() prints it.",
            "opencv: cv2.img_hash.PHash on cv2.imread(f, IMREAD_GRAYSCALE), hex of the 8 bytes,"
                    + " as CleanPatrick's precompute_hashes.py.",
            "Writes file,hash in file-name order; unreadable files are listed on stderr and left out."
        })
final class HashCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Mixin
    ImageFolderOption images;

    @Option(
            names = "--algorithm",
            required = true,
            paramLabel = "imagehash|opencv",
            description = "the library whose pHash to reproduce")
    String algorithm;

    @Option(
            names = "--hash-size",
            defaultValue = "8",
            paramLabel = "8|16",
            description = "8 (64 bits, default) or 16 (256 bits, imagehash only)")
    int hashSize;

    @Option(names = "--out", required = true, paramLabel = "hashes.csv", description = "file to write")
    Path out;

    static PerceptualHashes algorithm(String a, int hashSize) {
        PerceptualHashes h = switch (a) {
            case "imagehash" -> PerceptualHashes.IMAGEHASH;
            case "opencv" -> PerceptualHashes.OPENCV;
            default -> throw new CleanRankException("--algorithm " + a + ": expected imagehash or opencv");
        };
        if (hashSize != 8 && hashSize != 16) {
            throw new CleanRankException("--hash-size " + hashSize + ": expected 8 or 16");
        }
        if (h == PerceptualHashes.OPENCV && hashSize != 8) {
            throw new CleanRankException("--hash-size 16: OpenCV's PHash is always 64 bits; use --algorithm imagehash");
        }
        return h;
    }

    @Override
    public Integer call() {
        PerceptualHashes h = algorithm(algorithm, hashSize);
        StderrProgress progress = run.progress();
        ImageFolder.Result<PerceptualHashes.Hash> r =
                ImageRun.run(images.files(), img -> h.compute(img, hashSize), run.threadCount(), progress);
        RankingFiles.writeAtomically(out, w -> {
            w.write("file,hash\n");
            for (int i = 0; i < r.files().size(); i++) {
                w.write(ImageRun.name(r.files().get(i)) + ","
                        + r.values().get(i).hex() + "\n");
            }
        });
        progress.message("wrote " + r.files().size() + " hashes to " + out);
        return 0;
    }
}
