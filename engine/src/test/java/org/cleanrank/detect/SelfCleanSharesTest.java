package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.cleanrank.knn.ExactKnnTest;
import org.cleanrank.pairs.BlockPair;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pair pass cut into block-pair shares, computed on their local matrices and merged in a shuffled
 * order, gives SelfClean's rankings bit for bit: random rows, and rows with ties everywhere (integer
 * values, exact duplicates, zero rows), block sizes that do and do not divide N, K larger than a share.
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

        SelfCleanShares.Merge merge = new SelfCleanShares.Merge(n, k, labels);
        for (BlockPair s : shuffledShares(n, block, k)) {
            merge.add(SelfCleanShares.compute(s, local(m, s), n, k, merge.shareLabels(), kernels, 1 + (s.a0() & 1)));
        }
        SelfCleanShares.Rankings merged = merge.rankings();
        assertSamePairs(single.nearDuplicates(), merged.nearDuplicates());
        assertSameSamples(single.labelErrors(), merged.labelErrors());
    }

    @ParameterizedTest
    @CsvSource({"300,128", "1000,256"})
    void aMissingShareIsRefused(int n, int block) {
        PackedEmbeddings m = SelfCleanSituationsTest.of(SelfCleanSituationsTest.gaussian(n, 8, 1));
        SelfCleanShares.Merge merge = new SelfCleanShares.Merge(n, 10, null);
        List<BlockPair> shares = BlockPair.triangle(n, block);
        EmbeddingKernels kernels = plainProvider().embeddingKernels();
        for (BlockPair s : shares.subList(1, shares.size())) {
            merge.add(SelfCleanShares.compute(s, local(m, s), n, 10, null, kernels, 1));
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
