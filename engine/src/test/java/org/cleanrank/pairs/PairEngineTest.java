package org.cleanrank.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.cleanrank.vectorization.VectorizationProvider;
import org.junit.jupiter.api.Test;

class PairEngineTest {
    @Test
    void tileNumberingCoversTheUpperTriangleOnce() {
        for (int side : new int[] {1, 2, 5, 17}) {
            long[] starts = PairEngine.tileRowStarts(side);
            boolean[][] seen = new boolean[side][side];
            for (long t = 0; t < starts[side]; t++) {
                int[] ij = PairEngine.tileCoordinates(t, starts);
                assertTrue(ij[0] <= ij[1] && ij[1] < side);
                assertTrue(!seen[ij[0]][ij[1]]);
                seen[ij[0]][ij[1]] = true;
            }
            assertEquals((long) side * (side + 1) / 2, starts[side]);
        }
    }

    @Test
    void everyPairReachesAConsumerExactlyOnce() {
        int n = 300;
        float[][] rows = new float[n][4];
        for (int i = 0; i < n; i++) {
            rows[i][i % 4] = 1f;
        }
        PackedEmbeddings m = PackedEmbeddings.ofNormalisedRows(rows);
        AtomicLong pairs = new AtomicLong();
        new PairEngine(3)
                .run(
                        m,
                        VectorizationProvider.getInstance().embeddingKernels(),
                        w -> (i0, i1, j0, j1, d, width) -> {
                            for (int i = i0; i < i1; i++) {
                                for (int j = Math.max(j0, i + 1); j < j1; j++) {
                                    pairs.incrementAndGet();
                                    float expected = (i % 4 == j % 4) ? 0f : 0.5f;
                                    assertEquals(expected, d[(i - i0) * width + (j - j0)]);
                                }
                            }
                        },
                        Progress.NONE);
        assertEquals((long) n * (n - 1) / 2, pairs.get());
    }

    @Test
    void rectangularPassReachesEveryRowColumnPairOnce() {
        for (int[] rc : new int[][] {{1, 1}, {50, 300}, {130, 129}, {257, 7}}) {
            int rows = rc[0], cols = rc[1];
            int[][] seen = new int[rows][cols];
            RectangularTiles tiles = (i0, i1, j0, j1, out) -> {
                assertTrue(i1 - i0 <= PairEngine.TILE && j1 - j0 <= PairEngine.TILE);
                assertTrue(i1 <= rows && j1 <= cols);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        out[(i - i0) * (j1 - j0) + (j - j0)] = i * 1000 + j;
                    }
                }
                return j1 - j0;
            };
            new PairEngine(3)
                    .runRectangular(
                            rows,
                            cols,
                            tiles,
                            w -> (i0, i1, j0, j1, v, width) -> {
                                for (int i = i0; i < i1; i++) {
                                    for (int j = j0; j < j1; j++) {
                                        assertEquals(i * 1000 + j, v[(i - i0) * width + (j - j0)]);
                                        synchronized (seen) {
                                            seen[i][j]++;
                                        }
                                    }
                                }
                            },
                            Progress.NONE);
            for (int[] row : seen) {
                for (int count : row) {
                    assertEquals(1, count);
                }
            }
        }
    }
}
