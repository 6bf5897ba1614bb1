package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.Set;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.vector.EmbeddingKernels;
import org.cleanrank.vector.KernelProvider;
import org.junit.jupiter.api.Test;

/** The situations SelfClean's own unit tests check, plus engine invariants (streaming == dense). */
public class SelfCleanSituationsTest {
    /** Normalises and packs raw rows (shared with other packages' tests). */
    public static PackedEmbeddings of(float[][] rows) {
        int dim = rows[0].length;
        return PackedEmbeddings.normalise("test", rows.length, dim, (r, dst) -> {
            for (int k = 0; k < dim; k++) {
                dst[k] = rows[r][k];
            }
        });
    }

    public static float[][] gaussian(int n, int dim, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int k = 0; k < dim; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void zeroEmbeddingsAreHalfApartEverywhere() {
        PackedEmbeddings m = of(new float[50][16]);
        SelfClean.Result r =
                SelfClean.builder().topPairs(SelfClean.ALL_PAIRS).build().run(m, null);
        for (int k = 0; k < r.nearDuplicates().size(); k++) {
            assertEquals(0.5f, r.nearDuplicates().distance(k));
        }
        assertEquals(50 * 49 / 2, r.nearDuplicates().size());
        assertEquals(0, r.nearDuplicates().i(0));
        assertEquals(1, r.nearDuplicates().j(0), "ties in condensed order");
    }

    @Test
    void exactDuplicateRanksFirst() {
        float[][] x = gaussian(200, 32, 1);
        x[150] = x[17].clone();
        SelfClean.Result r = SelfClean.builder().topPairs(10).build().run(of(x), null);
        assertEquals(17, r.nearDuplicates().i(0));
        assertEquals(150, r.nearDuplicates().j(0));
        assertTrue(r.nearDuplicates().distance(0) < 1e-6);
    }

    @Test
    void loneFarOutlierIsFirstOffTopic() {
        float[][] x = gaussian(300, 32, 2);
        for (float[] row : x) {
            row[0] += 8f; // a tight cone around e0
        }
        float[] out = new float[32];
        out[0] = -1f;
        x[123] = out;
        SelfClean.Result r = SelfClean.builder().build().run(of(x), null);
        assertEquals(123, r.offTopic().index(0));
    }

    @Test
    void duplicateWithAnotherLabelTopsLabelErrors() {
        float[][] x = gaussian(200, 32, 3);
        int[] labels = new int[200];
        for (int i = 0; i < 200; i++) {
            labels[i] = i % 4;
        }
        x[101] = x[40].clone(); // labels 1 and 0
        SelfClean.Result r = SelfClean.builder().build().run(of(x), labels);
        assertNotNull(r.labelErrors());
        assertEquals(
                Set.of(40, 101),
                Set.of(r.labelErrors().index(0), r.labelErrors().index(1)));
        assertTrue(r.labelErrors().score(0) < 1e-6 && r.labelErrors().score(1) < 1e-6);
    }

    @Test
    void noLabelsOrOneLabelGiveNoLabelRanking() {
        PackedEmbeddings m = of(gaussian(30, 8, 4));
        SelfClean.Result none = SelfClean.builder().build().run(m, null);
        assertNull(none.labelErrors());
        assertTrue(none.labelErrorsSkipped().contains("no labels"));
        SelfClean.Result one = SelfClean.builder().build().run(m, new int[30]);
        assertNull(one.labelErrors());
        assertTrue(one.labelErrorsSkipped().contains("one label"));
    }

    @Test
    void nanScoresRankFirst() {
        float[][] x = gaussian(40, 8, 5);
        int[] labels = new int[40];
        for (int i = 0; i < 40; i++) {
            labels[i] = i % 2;
        }
        float[] unit = new float[8];
        unit[0] = 1f; // normalises exactly, so the copies are at distance exactly 0
        x[0] = unit;
        x[2] = unit.clone(); // same label 0
        x[5] = unit.clone(); // label 1: sample 0 has 0/0
        SelfClean.Result r = SelfClean.builder().build().run(of(x), labels);
        assertTrue(Double.isNaN(r.labelErrors().score(0)));
    }

    @Test
    void topKIsThePrefixOfTheFullRankingEvenWithTies() {
        float[][] x = gaussian(120, 8, 6);
        for (int i = 60; i < 120; i++) {
            x[i] = x[i % 7].clone(); // many exact ties
        }
        PackedEmbeddings m = of(x);
        PairRanking all = SelfClean.builder()
                .topPairs(SelfClean.ALL_PAIRS)
                .threads(2)
                .build()
                .run(m, null)
                .nearDuplicates();
        PairRanking top = SelfClean.builder()
                .topPairs(500)
                .threads(3)
                .build()
                .run(m, null)
                .nearDuplicates();
        for (int k = 0; k < 500; k++) {
            assertEquals(all.i(k), top.i(k));
            assertEquals(all.j(k), top.j(k));
            assertEquals(all.distance(k), top.distance(k));
        }
        for (int k = 1; k < all.size(); k++) {
            assertTrue(all.distance(k) > all.distance(k - 1)
                    || (all.distance(k) == all.distance(k - 1)
                            && (all.i(k) > all.i(k - 1) || (all.i(k) == all.i(k - 1) && all.j(k) > all.j(k - 1)))));
        }
    }

    @Test
    void streamingPrimEqualsDenseScipyPrimOnTheSameDistances() {
        // above the parallel threshold, with exact duplicates (ties) and a zero row
        float[][] x = gaussian(5000, 8, 7);
        for (int i = 0; i < 200; i++) {
            x[4000 + i] = x[i].clone();
        }
        x[10] = new float[8];
        PackedEmbeddings m = of(x);
        EmbeddingKernels k = KernelProvider.get();
        int n = m.n();
        float[] d = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i * n + j] = k.distance(m, i, j);
            }
        }
        LinkageMatrix dense = SingleLinkageTestAccess.denseScipyPrim(n, d);
        LinkageMatrix streamed = new StreamingSingleLinkage(k, 2).link(m, org.cleanrank.pairs.Progress.NONE);
        assertArrayEquals(dense.z(), streamed.z(), 0.0);
    }

    @Test
    void distanceKeySortIsStableAndHandlesAnyFloat() {
        Random r = new Random(8);
        int n = 300_000;
        float[] values = {-1e-7f, -0f, 0f, 1e-9f, 0.25f, 1f, 1.0000075f, 2f, 63f, 64f, 256f};
        long[] keys = new long[n];
        float[] d = new float[n];
        for (int c = 0; c < n; c++) {
            d[c] = values[r.nextInt(values.length)];
            keys[c] = ((long) AllPairsCollector.orderedBits(d[c]) << 32) | c;
        }
        DistanceKeySort.sort(keys, 2);
        for (int k = 1; k < n; k++) {
            float a = AllPairsCollector.fromOrderedBits((int) (keys[k - 1] >>> 32));
            float b = AllPairsCollector.fromOrderedBits((int) (keys[k] >>> 32));
            assertTrue(a <= b, a + " before " + b);
            if (Float.floatToRawIntBits(a) == Float.floatToRawIntBits(b)) {
                assertTrue((keys[k - 1] & 0xFFFFFFFFL) < (keys[k] & 0xFFFFFFFFL), "ties keep condensed order");
            }
            assertEquals(d[(int) (keys[k] & 0xFFFFFFFFL)], b);
        }
    }
}
