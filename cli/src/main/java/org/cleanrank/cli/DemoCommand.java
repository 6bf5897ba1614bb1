package org.cleanrank.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.cleanrank.CleanRankException;
import org.cleanrank.fixtures.SyntheticImageDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "The whole CleanPatrick comparison on a generated dataset: no download, one command.",
            "Generates (seeded) a small CleanPatrick-like dataset (drawn lesion pictures, near-duplicate variants,",
            "off-topic pictures, embeddings, labels with planted",
            "errors, ground truth in CleanPatrick's formats) into OUT/dataset, then runs `benchmark` on it: every",
            "detector per issue type, CleanPatrick's table, OUT/metrics.json, OUT/rankings/ and OUT/report.html."
        })
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--out",
            defaultValue = "cleanrank-demo",
            paramLabel = "DIR",
            description = "output folder (default ${DEFAULT-VALUE}; its dataset/ subfolder is regenerated)")
    Path out;

    @Option(
            names = "--n",
            defaultValue = "240",
            description = "original pictures before variants and off-topic ones (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--seed", defaultValue = "42", description = "generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Mixin
    RunOptions run = new RunOptions();

    @Override
    public Integer call() {
        StderrProgress progress = run.progress();
        Path data = out.resolve("dataset");
        clearGenerated(data);
        SyntheticImageDataset.Spec spec =
                SyntheticImageDataset.Spec.DEFAULT.withN(n).withSeed(seed);
        SyntheticImageDataset.Result d = SyntheticImageDataset.write(
                data, spec, run.threads <= 0 ? Runtime.getRuntime().availableProcessors() : run.threads);
        progress.message(String.format(
                Locale.ROOT,
                "generated %d pictures (%d near-duplicate groups, %d off-topic, %d label errors), %d-d embeddings, seed %d, in %s",
                d.imageCount(),
                d.nearDuplicateGroups(),
                d.offTopic(),
                d.labelErrors(),
                d.dim(),
                seed,
                data));
        BenchmarkCommand b = new BenchmarkCommand();
        b.dataset = d.groundTruthDir();
        b.images = d.imageDir();
        b.embeddings = d.embeddingsNpy();
        b.ids = d.embeddingIdsCsv();
        b.out = out;
        b.pairs = 1000;
        b.reportItems = 24;
        b.seed = 0;
        b.clClassifier = "adaboost";
        b.run = run;
        return b.call();
    }

    /** Removes a previous demo dataset (only one this command wrote: it has the generator's README.txt). */
    private static void clearGenerated(Path data) {
        if (!Files.exists(data)) {
            return;
        }
        if (!Files.isRegularFile(data.resolve("README.txt"))) {
            throw new CleanRankException(data + " exists and was not written by `demo`; choose another --out");
        }
        try (Stream<Path> s = Files.walk(data)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new CleanRankException(data + ": cannot remove the previous demo dataset (" + e.getMessage() + ")");
        }
    }
}
