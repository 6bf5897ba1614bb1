package org.cleanrank.label.noiserank;

import java.nio.file.Path;
import org.cleanrank.Fixtures;
import org.cleanrank.io.FloatMatrix;

/** One NoiseRank golden folder of fixtures/golden/baselines (inputs and the reference's stage outputs). */
record NoiseRankGolden(
        String name, Path dir, FloatMatrix x, int[] labels, FloatMatrix prototypes, int[] prototypeLabels) {
    private static final java.util.Map<String, NoiseRankGolden> LOADED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Loaded once per test JVM (the inputs are never modified). */
    static NoiseRankGolden load(String name) {
        return LOADED.computeIfAbsent(name, NoiseRankGolden::read);
    }

    private static NoiseRankGolden read(String name) {
        Path dir = Fixtures.golden("baselines", name);
        return new NoiseRankGolden(
                name,
                dir,
                FloatMatrix.load(dir.resolve("embeddings.npy")),
                Fixtures.ints(dir.resolve("labels.npy")),
                FloatMatrix.load(dir.resolve("noiserank_prototypes.npy")),
                Fixtures.ints(dir.resolve("noiserank_prototype_labels.npy")));
    }

    int[] ints(String file) {
        return Fixtures.ints(dir.resolve(file));
    }

    double[] doubles(String file) {
        return Fixtures.doubles(dir.resolve(file));
    }
}
