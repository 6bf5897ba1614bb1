package org.cleanrank.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DenseDistanceMatrixTest {
    /** A distance that names its pair, computed only where the engine asks (i &lt; j). */
    private record Labelled(int n, int tileSide) implements PairTiles {
        @Override
        public int compute(int i0, int i1, int j0, int j1, float[] out) {
            int width = j1 - j0;
            for (int i = i0; i < i1; i++) {
                for (int j = Math.max(j0, i + 1); j < j1; j++) {
                    out[(i - i0) * width + (j - j0)] = i * 100 + j;
                }
            }
            return width;
        }
    }

    @Test
    void everyPairLandsInBothTrianglesWithAnyTileSide() {
        for (int side : new int[] {1, 3, 7, 50, 128}) {
            for (int threads : new int[] {1, 3}) {
                int n = 37;
                float[] m = DenseDistanceMatrix.compute(new Labelled(n, side), threads, Progress.NONE);
                for (int i = 0; i < n; i++) {
                    assertEquals(0f, m[i * n + i]);
                    for (int j = i + 1; j < n; j++) {
                        assertEquals(i * 100 + j, m[i * n + j], side + "/" + threads + ": " + i + "," + j);
                        assertEquals(i * 100 + j, m[j * n + i]);
                    }
                }
            }
        }
    }

    @Test
    void progressCountsPairsAndNeverGoesBackwards() {
        int n = 45;
        List<long[]> reports = new ArrayList<>();
        Progress p = (stage, done, total) -> {
            synchronized (reports) {
                assertEquals(PairEngine.STAGE, stage);
                reports.add(new long[] {done, total});
            }
        };
        new PairEngine(3).forEachTile(n, 4, w -> (i0, i1, j0, j1) -> {}, p);
        long total = (long) n * (n - 1) / 2;
        assertEquals(0, reports.get(0)[0]);
        for (int k = 1; k < reports.size(); k++) {
            assertTrue(reports.get(k)[0] >= reports.get(k - 1)[0]);
            assertEquals(total, reports.get(k)[1]);
        }
        assertEquals(total, reports.get(reports.size() - 1)[0]);
        assertEquals(1 + 12 * 13 / 2, reports.size(), "one report per tile of side 4 (12 per side), plus the start");
    }
}
