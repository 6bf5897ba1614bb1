package org.cleanrank.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.cleanrank.pairs.PackedEmbeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The similarity tile kernel: Panama equals plain bit for bit, rows and columns may come from two
 * matrices, and a similarity is the very value the distance kernel transforms.
 */
class SimilarityTileTwinsTest {
    @ParameterizedTest
    @CsvSource({"9,5,1", "17,40,7", "130,24,64", "77,77,33"})
    void twinsAgreeAcrossTwoMatrices(int rows, int cols, int dim) {
        EmbeddingKernels simd = KernelProvider.panamaOrNull();
        assumeTrue(simd != null, "no vector module here");
        EmbeddingKernels plain = KernelProvider.plain();
        PackedEmbeddings q = KernelTwinsTest.random(rows, dim, rows * 7L + dim);
        PackedEmbeddings b = KernelTwinsTest.random(cols, dim, cols * 13L + dim + 1);
        int pq = q.panelCount(), pb = b.panelCount();
        float[] x = new float[pq * 8 * pb * 8];
        float[] y = new float[x.length];
        plain.similarityTile(q, 0, pq, b, 0, pb, x);
        simd.similarityTile(q, 0, pq, b, 0, pb, y);
        assertArrayEquals(x, y);
        if (pb >= 3) { // odd column counts run the 4x1 remainder path
            float[] c = new float[8 * 8 * 3];
            float[] d = new float[c.length];
            plain.similarityTile(q, 0, 1, b, 0, 3, c);
            simd.similarityTile(q, 0, 1, b, 0, 3, d);
            assertArrayEquals(c, d);
        }
    }

    @ParameterizedTest
    @CsvSource({"40,64", "130,384"})
    void distanceIsTheTransformedSimilarity(int n, int dim) {
        PackedEmbeddings m = KernelTwinsTest.random(n, dim, n + dim);
        int p = m.panelCount();
        for (EmbeddingKernels k : new EmbeddingKernels[] {KernelProvider.plain(), KernelProvider.get()}) {
            float[] s = new float[p * 8 * p * 8];
            float[] d = new float[s.length];
            k.similarityTile(m, 0, p, m, 0, p, s);
            k.distanceTile(m, 0, p, 0, p, d);
            for (int c = 0; c < s.length; c++) {
                assertEquals(SelfCleanDistance.fromSimilarity(s[c]), d[c], k.name() + " cell " + c);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(s[i * p * 8 + j], s[j * p * 8 + i], "symmetric, bit for bit");
                }
            }
        }
    }
}
