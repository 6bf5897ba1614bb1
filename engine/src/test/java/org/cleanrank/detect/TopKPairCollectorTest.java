package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.cleanrank.rank.Condensed;
import org.cleanrank.rank.PairRanking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The buffered top K equals the first K of a full sort by (distance, condensed index), whatever the tile order,
 * the number of workers, K against the buffer size (many refills) and the number of tied distances.
 */
class TopKPairCollectorTest {
    @ParameterizedTest
    @CsvSource({
        "200,1,1,3",
        "200,5,2,3",
        "400,2,1,1000",
        "400,10,1,1000",
        "400,50,1,1000",
        "400,700,1,1000",
        "400,60,1,40",
        "200,1500,2,1000",
        "300,3000,3,7",
        "64,2016,2,5",
        "64,5000,1,5",
        "90,40,4,1"
    })
    void equalsTheFullSortPrefix(int n, int k, int workers, int distinctValues) {
        Random r = new Random(n * 7919L + k * 31L + workers);
        float[][] d = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = distinctValues == 1000 ? r.nextFloat() : r.nextInt(distinctValues) / 8f;
            }
        }
        // tiles of 16 x 16 in a random order, dealt to the workers round robin
        int t = 16;
        List<int[]> tiles = new ArrayList<>();
        for (int i0 = 0; i0 < n; i0 += t) {
            for (int j0 = i0; j0 < n; j0 += t) {
                tiles.add(new int[] {i0, j0});
            }
        }
        java.util.Collections.shuffle(tiles, r);
        List<TopKPairCollector> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            parts.add(new TopKPairCollector(n, k));
        }
        float[] buf = new float[t * t];
        for (int q = 0; q < tiles.size(); q++) {
            int i0 = tiles.get(q)[0], j0 = tiles.get(q)[1];
            int i1 = Math.min(n, i0 + t), j1 = Math.min(n, j0 + t);
            Arrays.fill(buf, 99f);
            for (int i = i0; i < i1; i++) {
                for (int j = Math.max(j0, i + 1); j < j1; j++) {
                    buf[(i - i0) * t + (j - j0)] = d[i][j];
                }
            }
            parts.get(q % workers).tile(i0, i1, j0, j1, buf, t);
        }
        int m = (int) Math.min(k, Condensed.size(n));
        PairRanking got = TopKPairCollector.merge(n, m, parts);

        List<long[]> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                all.add(new long[] {Float.floatToIntBits(d[i][j]), Condensed.index(n, i, j), i, j});
            }
        }
        all.sort(Comparator.<long[]>comparingLong(a -> a[0]).thenComparingLong(a -> a[1]));
        int[] is = new int[m], js = new int[m];
        float[] ds = new float[m];
        for (int q = 0; q < m; q++) {
            is[q] = (int) all.get(q)[2];
            js[q] = (int) all.get(q)[3];
            ds[q] = Float.intBitsToFloat((int) all.get(q)[0]);
        }
        int[] gi = new int[got.size()], gj = new int[got.size()];
        float[] gd = new float[got.size()];
        for (int q = 0; q < got.size(); q++) {
            gi[q] = got.i(q);
            gj[q] = got.j(q);
            gd[q] = got.distance(q);
        }
        assertArrayEquals(ds, gd);
        assertArrayEquals(is, gi);
        assertArrayEquals(js, gj);
    }
}
