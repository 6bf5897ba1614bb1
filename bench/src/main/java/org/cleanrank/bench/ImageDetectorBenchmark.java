package org.cleanrank.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.image.cv.OpenCvPhash;
import org.cleanrank.image.pil.ImageHashPhash;
import org.cleanrank.image.read.DecodedImage;
import org.cleanrank.image.read.ImageDecoder;
import org.cleanrank.image.read.OpenCvRead;
import org.cleanrank.image.read.PillowRead;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The image detectors (Hamming: {@link HammingBenchmark}): all-pairs
 * fast SSIM over 2,000 64 x 64 thumbnails, and pHash per image (from decoded pixels, and decode to hash)
 * on the 37 golden images in fixtures/golden/images/images (run from the repository root). The per-image
 * benchmarks share the class's mode and iterations; the single-shot all-pairs run sets its own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx4g"})
public class ImageDetectorBenchmark {
    private List<Raster8> thumbs;
    private List<Path> files;
    private List<DecodedImage> decoded;
    private List<Raster8> grays;

    @Setup
    public void setup() throws Exception {
        thumbs = RandomThumbnails.first(2000);
        Path dir = Path.of("fixtures/golden/images/images");
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        decoded = files.stream().map(ImageDecoder::decode).toList();
        grays = decoded.stream().map(OpenCvRead::grayscale).toList();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public float[] fastSsimAllPairs2000() {
        return FastSsim.distanceMatrix(thumbs, Runtime.getRuntime().availableProcessors());
    }

    @Benchmark
    public void opencvPhashFromPixels37(Blackhole bh) {
        for (Raster8 g : grays) {
            bh.consume(OpenCvPhash.hash(g));
        }
    }

    /** Decoding alone, every golden file (PNGs through PngDecoder, JPEGs through ImageIO). */
    @Benchmark
    public void decodeOnly37(Blackhole bh) {
        for (Path f : files) {
            bh.consume(ImageDecoder.decode(f));
        }
    }

    @Benchmark
    public void opencvPhashDecodeToHash37(Blackhole bh) {
        for (Path f : files) {
            bh.consume(OpenCvPhash.hash(OpenCvRead.grayscale(ImageDecoder.decode(f))));
        }
    }

    @Benchmark
    public void imagehashFromDecoded37(Blackhole bh) {
        for (DecodedImage d : decoded) {
            bh.consume(ImageHashPhash.hash(PillowRead.gray(d), 8));
        }
    }
}
