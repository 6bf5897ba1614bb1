package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cleanrank.knn.ExactKnnTest;
import org.cleanrank.pairs.BlockPair;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pair pass cut into block-pair shares, computed on their local matrices and merged in a shuffled
 * order, gives SelfClean's rankings and single linkage bit for bit: random rows, and rows with ties
 * everywhere (integer values, exact duplicates, zero rows), block sizes that do and do not divide N, K
 * larger than a share; the linkage from the merged candidate edges, not the fallback.
 */
public class SelfCleanSharesTest extends BaseVectorizationTestCase {

    public static List<BlockPair> shuffledShares(int n, int block, long seed) {
        List<BlockPair> shares = new ArrayList<>(BlockPair.triangle(n, block));
        Collections.shuffle(shares, new Random(seed));
        return shares;
    }

    /** The local matrix of a share, as a task builds it from the blocks' panels. */
    static PackedEmbeddings local(PackedEmbeddings m, BlockPair s) {
        return s.localMatrix(m.dim(), m.rowPanels(s.a0(), s.a1()), m.rowPanels(s.b0(), s.b1()));
    }

    @ParameterizedTest(name = "n={0} dim={1} block={2} K={3} ties={4} {5}")
    @CsvSource({
        "700,24,256,300,false,plain",
        "700,24,256,300,true,panama",
        "300,5,128,5000,true,plain",
        "513,16,384,40,false,panama",
        "129,8,128,10,true,panama"
    })
    void sharesMergedInAnyOrderEqualTheSingleRun(int n, int dim, int block, int k, boolean ties, String twin) {
        EmbeddingKernels kernels = provider(twin).embeddingKernels();
        float[][] rows =
                ties ? ExactKnnTest.duplicatesAndZeros(n, n / 4, dim, n) : SelfCleanSituationsTest.gaussian(n, dim, n);
        if (ties) {
            float[][] integer = ExactKnnTest.ternary(n / 2, dim, n + 1L);
            System.arraycopy(integer, 0, rows, 0, integer.length);
        }
        PackedEmbeddings m = SelfCleanSituationsTest.of(rows);
        int[] labels = new Random(n).ints(n, 0, 3).toArray();
        SelfClean.Result single = SelfClean.builder()
                .kernels(kernels)
                .threads(2)
                .topPairs(k)
                .build()
                .run(m, labels);

        SelfCleanShares.Merge merge = new SelfCleanShares.Merge(m, k, labels, kernels);
        for (BlockPair s : shuffledShares(n, block, k)) {
            merge.add(SelfCleanShares.compute(s, local(m, s), merge.shareInputs(), kernels, 1 + (s.a0() & 1)));
        }
        SelfCleanShares.Rankings merged = merge.rankings();
        assertSamePairs(single.nearDuplicates(), merged.nearDuplicates());
        assertSameSamples(single.labelErrors(), merged.labelErrors());
        assertSameLinkage(single, merge.finish(2, false, Progress.NONE));
        assertFalse(merge.linkageStats().fellBack(), "fell back to the streaming Prim: " + merge.linkageStats());
    }

    /**
     * Groups of identical rows with members in every block (a group's smallest member is in the first
     * block, the others in later shares, where the share's own smallest member stands for the group) and
     * zero rows in every block: the merged linkage is the single run's, from the candidates (no fallback),
     * and so is the one the fallback computes past a zero edge budget.
     */
    @ParameterizedTest(name = "n={0} dim={1} block={2} groups={3} {4}")
    @CsvSource({"700,12,128,5,panama", "700,12,256,1,plain", "517,6,128,40,panama", "300,3,128,2,plain"})
    void identicalAndZeroRowsAcrossSharesGiveTheSingleLinkage(int n, int dim, int block, int groups, String twin) {
        EmbeddingKernels kernels = provider(twin).embeddingKernels();
        float[][] unique = SelfCleanSituationsTest.gaussian(n, dim, n + groups);
        float[][] base = SelfCleanSituationsTest.gaussian(groups, dim, groups);
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            if (i % 11 == 5) {
                rows[i] = new float[dim];
            } else if (i % 3 == 0) {
                rows[i] = unique[i];
            } else {
                rows[i] = base[(i / 3) % groups].clone();
            }
        }
        PackedEmbeddings m = SelfCleanSituationsTest.of(rows);
        int[] labels = new Random(n).ints(n, 0, 2).toArray();
        SelfClean.Result single = SelfClean.builder()
                .kernels(kernels)
                .threads(2)
                .topPairs(50)
                .build()
                .run(m, labels);
        assertEquals(
                Arrays.stream(single.linkage().z()).boxed().toList(),
                Arrays.stream(new StreamingSingleLinkage(kernels, 1)
                                .link(m, Progress.NONE)
                                .z())
                        .boxed()
                        .toList(),
                "the single run's linkage is scipy's");
        for (long budget : new long[] {-1, 0}) {
            SelfCleanShares.Merge merge = new SelfCleanShares.Merge(m, 50, labels, kernels, budget);
            for (BlockPair s : shuffledShares(n, block, budget + groups)) {
                SelfCleanShares.Part p = SelfCleanShares.compute(s, local(m, s), merge.shareInputs(), kernels, 2);
                if (budget < 0) {
                    assertTrue(p.edgeA().length <= 4L * s.rows(), "a part's candidates stay O(rows of the share)");
                }
                merge.add(p);
            }
            SelfClean.Result merged = merge.finish(2, false, Progress.NONE);
            assertSamePairs(single.nearDuplicates(), merged.nearDuplicates());
            assertSameSamples(single.labelErrors(), merged.labelErrors());
            assertSameLinkage(single, merged);
            assertEquals(budget == 0, merge.linkageStats().fellBack(), "fallback taken: " + merge.linkageStats());
        }
    }

    static void assertSameLinkage(SelfClean.Result expected, SelfClean.Result actual) {
        double[] e = expected.linkage().z();
        double[] a = actual.linkage().z();
        assertEquals(e.length, a.length);
        for (int k = 0; k < e.length; k++) {
            if (Double.doubleToRawLongBits(e[k]) != Double.doubleToRawLongBits(a[k])) {
                throw new AssertionError(
                        "linkage row " + k / 4 + " column " + k % 4 + ": expected " + e[k] + ", got " + a[k]);
            }
        }
        assertSameSamples(expected.offTopic(), actual.offTopic());
    }

    @ParameterizedTest
    @CsvSource({"300,128", "1000,256"})
    void aMissingShareIsRefused(int n, int block) {
        PackedEmbeddings m = SelfCleanSituationsTest.of(SelfCleanSituationsTest.gaussian(n, 8, 1));
        SelfCleanShares.Merge merge =
                new SelfCleanShares.Merge(m, 10, null, plainProvider().embeddingKernels());
        List<BlockPair> shares = BlockPair.triangle(n, block);
        EmbeddingKernels kernels = plainProvider().embeddingKernels();
        for (BlockPair s : shares.subList(1, shares.size())) {
            merge.add(SelfCleanShares.compute(s, local(m, s), merge.shareInputs(), kernels, 1));
        }
        assertThrows(IllegalStateException.class, merge::rankings);
    }

    static void assertSamePairs(PairRanking expected, PairRanking actual) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            String at = "rank " + r;
            assertEquals(expected.i(r), actual.i(r), at);
            assertEquals(expected.j(r), actual.j(r), at);
            assertEquals(
                    Float.floatToRawIntBits(expected.distance(r)), Float.floatToRawIntBits(actual.distance(r)), at);
        }
    }

    static void assertSameSamples(SampleRanking expected, SampleRanking actual) {
        assertArrayEquals(expected.indices(), actual.indices());
        assertArrayEquals(expected.scores(), actual.scores());
    }
}
