package org.cleanrank.knn;

import org.cleanrank.detect.SelfCleanSituationsTest;
import org.cleanrank.pairs.BlockPair;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kNN self-search cut into block-pair shares and merged in a shuffled order gives ExactKnn's lists
 * bit for bit, ties (integer rows, duplicates, zero rows) and padding (k above the candidates) included.
 */
class KnnSharesTest extends BaseVectorizationTestCase {

    @ParameterizedTest(name = "n={0} block={1} k={2} self={3} ties={4} {5}")
    @CsvSource({
        "700,256,10,false,false,plain",
        "700,128,7,true,true,panama",
        "300,128,50,false,true,panama",
        "130,128,200,true,true,plain",
        "513,384,3,false,false,panama"
    })
    void sharesMergedInAnyOrderEqualTheSingleRun(
            int n, int block, int k, boolean includeSelf, boolean ties, String twin) {
        EmbeddingKernels kernels = provider(twin).embeddingKernels();
        float[][] rows =
                ties ? ExactKnnTest.duplicatesAndZeros(n, n / 3, 12, n) : SelfCleanSituationsTest.gaussian(n, 20, n);
        if (ties) {
            float[][] integer = ExactKnnTest.ternary(n / 2, 12, n + 1L);
            System.arraycopy(integer, 0, rows, 0, integer.length);
        }
        PackedEmbeddings m = SelfCleanSituationsTest.of(rows);
        NeighbourLists single = ExactKnn.builder()
                .k(k)
                .includeSelf(includeSelf)
                .kernels(kernels)
                .threads(2)
                .build()
                .selfSearch(m);

        int kept = KnnShares.kept(n, k, includeSelf);
        KnnShares.Merge merge = new KnnShares.Merge(n, k, kept);
        for (BlockPair s : org.cleanrank.detect.SelfCleanSharesTest.shuffledShares(n, block, k)) {
            PackedEmbeddings local = s.localMatrix(m.dim(), m.rowPanels(s.a0(), s.a1()), m.rowPanels(s.b0(), s.b1()));
            merge.add(KnnShares.compute(s, local, kept, includeSelf, kernels, 1 + (s.b0() & 1)));
        }
        ExactKnnTest.assertSameLists(single, merge.finish());
    }
}
