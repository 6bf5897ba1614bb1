package org.cleanrank.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cleanrank.Fixtures;
import org.cleanrank.detect.LinkageMatrix;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.detect.StreamingSingleLinkage;
import org.cleanrank.io.Embeddings;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.junit.jupiter.api.Test;

/**
 * scipy's own single linkage on inputs whose SelfClean distances are exact in any summation order and
 * almost all tied (fixtures/golden/linkage, made by bench/reference/make_linkage_ties.py): SelfClean's
 * linkage from the pair pass and the streaming Prim both give scipy's matrix bit for bit, whatever the
 * kernel twin and thread count.
 */
class SingleLinkageTiesGoldenTest extends BaseVectorizationTestCase {

    @Test
    void linkageEqualsScipyBitForBit() {
        for (String c : new String[] {"ties_dups_zeros", "zero_first"}) {
            equalsScipy(c, Fixtures.golden("linkage", c));
        }
    }

    private static void equalsScipy(String c, Path dir) {
        PackedEmbeddings m = Embeddings.load(dir.resolve("embeddings.npy"));
        double[] scipy = Fixtures.doubles(dir.resolve("single_linkage.npy"));
        assertEquals(4 * (m.n() - 1), scipy.length);
        List<EmbeddingKernels> twins = new ArrayList<>(List.of(plainProvider().embeddingKernels()));
        if (panamaAvailable()) {
            twins.add(panamaProvider().embeddingKernels());
        }
        for (EmbeddingKernels k : twins) {
            for (int threads = 1; threads <= 3; threads++) {
                LinkageMatrix z = SelfClean.builder()
                        .kernels(k)
                        .threads(threads)
                        .topPairs(10)
                        .build()
                        .run(m, null)
                        .linkage();
                assertArrayEquals(
                        scipy, z.z(), 0.0, c + " from the pair pass, " + k.name() + ", " + threads + " threads");
            }
            LinkageMatrix streamed = new StreamingSingleLinkage(k, 2).link(m, Progress.NONE);
            assertArrayEquals(scipy, streamed.z(), 0.0, c + " streaming Prim, " + k.name());
        }
    }
}
