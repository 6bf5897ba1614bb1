package org.cleanrank.label.noiserank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.cleanrank.io.FloatMatrix;
import org.junit.jupiter.api.Test;

/** Unit checks of the faiss model: OpenBLAS' K blocks, the cache-blocked path vs one dot product, ties. */
class FlatL2SearchTest {
    @Test
    void kBlocksAsOpenBlasLevel3Driver() {
        // GEMM_Q = 320, GEMM_UNROLL_M = 8: 384 -> 192 + 192 (the golden d=384 case), 700 -> 320 + 192 + 188
        assertEquals(64, FlatL2Search.blockLength(64));
        assertEquals(320, FlatL2Search.blockLength(320));
        assertEquals(192, FlatL2Search.blockLength(384));
        assertEquals(320, FlatL2Search.blockLength(700));
        assertEquals(192, FlatL2Search.blockLength(380));
    }

    @Test
    void blockedSearchEqualsScalarModel() {
        Random rnd = new Random(3);
        int n = 300, d = 700, nq = 21;
        FloatMatrix x = random(rnd, n, d);
        FloatMatrix q = random(rnd, nq, d);
        Neighbours nn = FlatL2Search.search(x, q, 7, 2);
        float[] xn = FlatL2Search.squaredNorms(x);
        float[] qn = FlatL2Search.squaredNorms(q);
        for (int i = 0; i < nq; i++) {
            float[] all = new float[n];
            for (int j = 0; j < n; j++) {
                float dis = qn[i] + xn[j] - 2 * FlatL2Search.dot(q.data(), i * d, x.data(), j * d, d);
                all[j] = Math.max(dis, 0f);
            }
            int[] idx = new int[7];
            float[] dist = new float[7];
            FlatL2Search.selectSmallest(all, 7, idx, dist, 0);
            for (int r = 0; r < 7; r++) {
                assertEquals(idx[r], nn.index(i, r), "query " + i + " rank " + r);
                assertEquals(dist[r], nn.squaredDistance(i, r), 0f, "query " + i + " rank " + r);
            }
        }
        assertArrayEquals(nn.indices(), FlatL2Search.search(x, q, 7, 1).indices(), "thread count");
    }

    @Test
    void equalDistancesKeepLowerIndexFirstAndClampAtZero() {
        float[][] rows = {{1, 0}, {0, 1}, {1, 0}, {-1, 0}, {1, 0}};
        Neighbours nn = FlatL2Search.search(FloatMatrix.of(rows), FloatMatrix.of(new float[][] {{1, 0}}), 4, 1);
        assertArrayEquals(new int[] {0, 2, 4, 1}, nn.indices());
        assertArrayEquals(new float[] {0, 0, 0, 2}, nn.squaredDistances());
    }

    private static FloatMatrix random(Random rnd, int n, int d) {
        float[] a = new float[n * d];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) rnd.nextGaussian();
        }
        return new FloatMatrix(n, d, a);
    }
}
