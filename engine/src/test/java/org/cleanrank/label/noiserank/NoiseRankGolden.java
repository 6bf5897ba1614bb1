package org.cleanrank.label.noiserank;

import java.nio.file.Path;
import org.cleanrank.Fixtures;
import org.cleanrank.io.FloatMatrix;

/** One NoiseRank golden folder of fixtures/golden/baselines (inputs and the reference's stage outputs). */
record NoiseRankGolden(String name, Path dir, FloatMatrix x, int[] labels, FloatMatrix prototypes,
        int[] prototypeLabels) {
    static final String[] CASES = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2", "noiserank_vote_probe"};

    static NoiseRankGolden load(String name) {
        Path dir = Fixtures.golden("baselines", name);
        return new NoiseRankGolden(name, dir, FloatMatrix.load(dir.resolve("embeddings.npy")),
                Fixtures.ints(dir.resolve("labels.npy")), FloatMatrix.load(dir.resolve("noiserank_prototypes.npy")),
                Fixtures.ints(dir.resolve("noiserank_prototype_labels.npy")));
    }

    int[] ints(String file) {
        return Fixtures.ints(dir.resolve(file));
    }

    double[] doubles(String file) {
        return Fixtures.doubles(dir.resolve(file));
    }
}
