package org.cleanrank.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.longs.Long2ByteOpenHashMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cleanrank.CleanRankException;
import org.cleanrank.rank.PairRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pair labels at Fitzpatrick17k scale (no N x N matrix), and the pandas reading of labels. */
class PairLabelsTest {
    static final int N = 16_577; // Fitzpatrick17k

    static AnnotatedPairLabels annotated() {
        Long2ByteOpenHashMap m = new Long2ByteOpenHashMap();
        m.put(AnnotatedPairLabels.key(N, 16_000, 3), (byte) 1);
        m.put(AnnotatedPairLabels.key(N, 5, 16_576), (byte) 0);
        m.put(AnnotatedPairLabels.key(N, 7, 5), (byte) 1);
        return new AnnotatedPairLabels(N, m);
    }

    @Test
    void annotatedPairsAtFullScale() {
        AnnotatedPairLabels p = annotated();
        assertEquals(1.0, p.label(3, 16_000));
        assertEquals(1.0, p.label(16_000, 3));
        assertEquals(0.0, p.label(16_576, 5));
        assertTrue(Double.isNaN(p.label(3, 4)));
        assertTrue(Double.isNaN(p.label(3, 3)));
        assertEquals(3, p.annotatedPairCount());
        assertEquals(2, p.positivePairCount());
        PairLabels.AnnotatedPairs t = p.lowerTriangle();
        assertArrayEquals(new int[] {7, 16_000, 16_576}, t.rows());
        assertArrayEquals(new int[] {5, 3, 5}, t.cols());
        assertArrayEquals(new byte[] {1, 1, 0}, t.labels());
        // distances asked only for the 3 annotated pairs; ascending: (16576,5) d=0.1, (7,5) d=0.2, (16000,3) d=0.3
        int[] asked = new int[1];
        int[] sorted = p.sortedLabels((i, j) -> {
            asked[0]++;
            return i == 16_576 ? 0.1 : i == 7 ? 0.2 : 0.3;
        });
        assertEquals(3, asked[0]);
        assertArrayEquals(new int[] {0, 1, 1}, sorted);
        PairRanking r =
                PairRanking.of(new int[] {0, 3, 5, 1}, new int[] {1, 16_000, 16_576, 2}, new float[] {0, 1, 2, 3});
        assertArrayEquals(new int[] {1, 0}, p.truthInRankingOrder(r));
        CleanRankException e = assertThrows(CleanRankException.class, p::dense);
        assertTrue(
                e.getMessage().startsWith("a dense 16577 x 16577 pair-label matrix does not fit in memory"),
                e.getMessage());
    }

    @Test
    void cliquesLabelEveryPair() {
        int[] clique = new int[N];
        for (int i = 0; i < N; i++) {
            clique[i] = i; // singletons
        }
        clique[10] = clique[20] = clique[30] = 10;
        CliquePairLabels p = new CliquePairLabels(clique);
        assertEquals(3, p.positivePairCount());
        assertEquals((long) N * (N - 1) / 2, p.annotatedPairCount());
        assertEquals(1.0, p.label(30, 10));
        assertEquals(0.0, p.label(30, 11));
        assertTrue(Double.isNaN(p.label(30, 30)));
        PairRanking r = PairRanking.of(new int[] {10, 0, 20}, new int[] {30, 1, 10}, new float[] {0, 1, 2});
        assertArrayEquals(new int[] {1, 0, 1}, p.truthInRankingOrder(r));
        CliquePairLabels small = new CliquePairLabels(new int[] {0, 1, 0, 2});
        assertArrayEquals(
                new int[] {1, 0, 0, 0, 0, 0},
                small.sortedLabels((i, j) -> i == 2 && j == 0 ? -1 : i + j)); // (2,0) closest
    }

    @Test
    void pandasMissingValuesBecomeUndefinedAndOtherTextIsKept(@TempDir Path tmp) throws IOException {
        String a = "0".repeat(31);
        Path csv = Files.writeString(
                tmp.resolve("fitzpatrick17k.csv"),
                ",md5hash,fitzpatrick_scale,label\n"
                        + "0," + a + "1,3,NA\n"
                        + "1," + a + "2,,\" x \"\n"
                        + "2," + a + "3,4.0,None\n"
                        + "3," + a + "4,-1,nan\n"
                        + "4," + a + "5,2, NA\n");
        Fitzpatrick17kMetadata m = Fitzpatrick17kMetadata.read(csv, null);
        // pandas 1.5: 'NA' and 'nan' are NaN -> 'undefined'; 'None' (NaN only from pandas 2.0) and ' NA' (not stripped)
        // are text
        assertEquals(
                List.of("undefined", " x ", "None", "undefined", " NA"),
                m.labels().names());
        assertArrayEquals(new int[] {0, 1, 2, 0, 3}, m.labels().codes());
        assertArrayEquals(new int[] {3, -1, 4, -1, 2}, m.fitzpatrick());
    }
}
