package org.cleanrank.vectorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.cleanrank.pairs.PackedEmbeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The similarity tile kernel: Panama equals plain bit for bit, rows and columns may come from two
 * matrices, and a similarity is the very value the distance kernel transforms.
 */
class SimilarityTileTwinsTest extends BaseVectorizationTestCase {
    private static final int W = EmbeddingKernels.PANEL;

    @ParameterizedTest
    @CsvSource({"9,5,1", "17,40,7", "130,24,64", "77,77,33"})
    void twinsAgreeAcrossTwoMatrices(int rows, int cols, int dim) {
        EmbeddingKernels simd = panamaProvider().embeddingKernels();
        EmbeddingKernels plain = plainProvider().embeddingKernels();
        PackedEmbeddings q = EmbeddingKernelsTwinsTest.random(rows, dim, rows * 7L + dim);
        PackedEmbeddings b = EmbeddingKernelsTwinsTest.random(cols, dim, cols * 13L + dim + 1);
        int pq = q.panelCount(), pb = b.panelCount();
        float[] x = new float[pq * W * pb * W];
        float[] y = new float[x.length];
        plain.similarityTile(q.panels(), 0, pq, b.panels(), 0, pb, q.dim(), x);
        simd.similarityTile(q.panels(), 0, pq, b.panels(), 0, pb, q.dim(), y);
        assertArrayEquals(x, y);
        if (pb >= 3) { // odd column counts run the 4x1 remainder path
            float[] c = new float[W * W * 3];
            float[] d = new float[c.length];
            plain.similarityTile(q.panels(), 0, 1, b.panels(), 0, 3, q.dim(), c);
            simd.similarityTile(q.panels(), 0, 1, b.panels(), 0, 3, q.dim(), d);
            assertArrayEquals(c, d);
        }
    }

    @ParameterizedTest
    @CsvSource({"40,64", "130,384"})
    void distanceIsTheTransformedSimilarity(int n, int dim) {
        PackedEmbeddings m = EmbeddingKernelsTwinsTest.random(n, dim, n + dim);
        int p = m.panelCount();
        for (EmbeddingKernels k : new EmbeddingKernels[] {
            plainProvider().embeddingKernels(),
            VectorizationProvider.getInstance().embeddingKernels()
        }) {
            float[] s = new float[p * W * p * W];
            float[] d = new float[s.length];
            k.similarityTile(m.panels(), 0, p, m.panels(), 0, p, m.dim(), s);
            k.distanceTile(m.panels(), m.dim(), 0, p, 0, p, d);
            for (int c = 0; c < s.length; c++) {
                assertEquals(SelfCleanDistance.fromSimilarity(s[c]), d[c], k.name() + " cell " + c);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertEquals(s[i * p * W + j], s[j * p * W + i], "symmetric, bit for bit");
                }
            }
        }
    }
}
