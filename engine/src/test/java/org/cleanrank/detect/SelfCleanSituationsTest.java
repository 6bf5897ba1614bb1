package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.cleanrank.vectorization.VectorizationProvider;
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

    /** The unit vector on axis k (or its opposite): it normalises exactly, so its copies are exactly 0 apart. */
    static float[] axis(int dim, int k, float sign) {
        float[] v = new float[dim];
        v[k] = sign;
        return v;
    }

    /**
     * The documented NaN rule (README, "Label-error NaN"): samples with an exact copy of their own label and
     * of another label (0/0) come first, by index; every other sample is where a stable ascending sort of
     * the non-NaN scores puts it, ties by index, for any thread count.
     */
    @Test
    void nanScoresRankFirstByIndexAndTheRestKeepTheStableOrder() {
        int n = 60;
        int dim = 8;
        float[][] x = gaussian(n, dim, 5);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 3;
        }
        x[0] = axis(dim, 0, 1); // labels 0, 0 and 1: samples 0 and 3 are 0/0, sample 1 (no own copy) scores 0
        x[3] = axis(dim, 0, 1);
        x[1] = axis(dim, 0, 1);
        x[10] = axis(dim, 1, 1); // labels 1, 1, 2, 2: all four are 0/0
        x[13] = axis(dim, 1, 1);
        x[11] = axis(dim, 1, 1);
        x[14] = axis(dim, 1, 1);
        x[20] = axis(dim, 2, 1); // labels 2, 2: own copies only, score 1 (the largest possible)
        x[23] = axis(dim, 2, 1);
        x[30] = axis(dim, 3, 1); // labels 0, 0: score 1 as well
        x[33] = axis(dim, 3, 1);
        x[40] = axis(dim, 2, -1); // labels 1, 2: another label's copy only, both score 0 (tied with sample 1)
        x[41] = axis(dim, 2, -1);
        PackedEmbeddings m = of(x);
        SampleRanking one =
                SelfClean.builder().threads(1).build().run(m, labels).labelErrors();
        SampleRanking three =
                SelfClean.builder().threads(3).build().run(m, labels).labelErrors();
        assertArrayEquals(one.indices(), three.indices());

        int[] order = one.indices();
        double[] byIndex = new double[n];
        for (int r = 0; r < n; r++) {
            byIndex[order[r]] = one.score(r);
        }
        int[] nan = {0, 3, 10, 11, 13, 14};
        assertArrayEquals(nan, Arrays.copyOf(order, nan.length));
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            assertEquals(Arrays.binarySearch(nan, i) >= 0, Double.isNaN(byIndex[i]), "NaN exactly for sample " + i);
            if (!Double.isNaN(byIndex[i])) {
                rest.add(i);
            }
        }
        rest.sort(Comparator.comparingDouble(i -> byIndex[i])); // List.sort is stable: ties stay by index
        assertArrayEquals(
                rest.stream().mapToInt(Integer::intValue).toArray(), Arrays.copyOfRange(order, nan.length, n));
        // the constructed ties really are ties, at both ends
        assertArrayEquals(new int[] {1, 40, 41}, Arrays.copyOfRange(order, nan.length, nan.length + 3));
        assertArrayEquals(new int[] {20, 23, 30, 33}, Arrays.copyOfRange(order, n - 4, n));
        assertEquals(0.0, one.score(nan.length + 2));
        assertEquals(1.0, one.score(n - 4));
    }

    /** Python's sorted leaves 0.5, NaN, 0.2, 0.1 in the order 0, 1, 3, 2; the rule gives NaN, then ascending. */
    @Test
    void nanRuleOnScoresPythonsSortLeavesOutOfOrder() {
        SampleRanking r = IntraExtraLabelErrors.rank(new float[] {0.5f, Float.NaN, 0.2f, 0.1f, Float.NaN, 0.2f});
        assertArrayEquals(new int[] {1, 4, 3, 2, 5, 0}, r.indices());
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
        EmbeddingKernels k = VectorizationProvider.getInstance().embeddingKernels();
        int n = m.n();
        float[] d = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i * n + j] = k.distance(m.panels(), m.dim(), i, j);
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
