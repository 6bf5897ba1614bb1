package org.cleanrank.vectorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cleanrank.Fixtures;
import org.cleanrank.pairs.PackedEmbeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Panama twin equals the plain twin bit for bit on random inputs (same FMA chain per pair). */
class EmbeddingKernelsTwinsTest extends BaseVectorizationTestCase {
    private static final int W = EmbeddingKernels.PANEL;

    static PackedEmbeddings random(int n, int dim, long seed) {
        float[][] rows = Fixtures.gaussianRows(n, dim, new Random(seed));
        if (n > 3) {
            rows[3] = rows[1].clone(); // an exact duplicate
            rows[2] = new float[dim]; // a zero row
        }
        return PackedEmbeddings.normalise("random", n, dim, (row, dst) -> {
            for (int k = 0; k < dim; k++) {
                dst[k] = rows[row][k];
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"9,1", "17,7", "40,64", "130,384", "77,33"})
    void tilesAndRowsAgree(int n, int dim) {
        EmbeddingKernels simd = panamaProvider().embeddingKernels();
        EmbeddingKernels plain = plainProvider().embeddingKernels();
        PackedEmbeddings m = random(n, dim, n * 31L + dim);
        int panels = m.panelCount();
        float[] a = new float[panels * W * panels * W];
        float[] b = new float[a.length];
        plain.distanceTile(m.panels(), dim, 0, panels, 0, panels, a);
        simd.distanceTile(m.panels(), dim, 0, panels, 0, panels, b);
        assertArrayEquals(a, b);
        // odd sub-tiles use the 4x1 remainder path
        if (panels >= 3) {
            float[] c = new float[W * W * 3];
            float[] d = new float[c.length];
            plain.distanceTile(m.panels(), dim, 1, 2, 0, 3, c);
            simd.distanceTile(m.panels(), dim, 1, 2, 0, 3, d);
            assertArrayEquals(c, d);
        }
        float[] x = new float[dim];
        float[] ra = new float[panels * W];
        float[] rb = new float[panels * W];
        for (int p = 0; p < Math.min(n, 5); p++) {
            m.copyRow(p, x);
            plain.distanceRow(x, m.panels(), dim, 0, panels, ra);
            simd.distanceRow(x, m.panels(), dim, 0, panels, rb);
            assertArrayEquals(ra, rb);
            for (int j = 0; j < n; j++) {
                assertEquals(a[p * panels * W + j], ra[j], "row kernel == tile kernel");
                assertEquals(plain.distance(m.panels(), dim, p, j), ra[j]);
                assertEquals(simd.distance(m.panels(), dim, j, p), ra[j], "symmetric");
            }
        }
    }
}
