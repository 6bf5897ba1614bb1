package org.cleanrank.knn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.cleanrank.detect.SelfCleanSituationsTest;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tiled pass against the brute-force twin (plain kernel, every candidate, full sort). The same
 * FMA chain computes every similarity in both, so ties fall identically and the lists must be equal
 * exactly, index for index and bit for bit, on random and adversarial inputs, for any thread count
 * and for sizes that no tile divides.
 */
public class ExactKnnTest extends BaseVectorizationTestCase {
    private static PackedEmbeddings pack(float[][] rows) {
        return rows.length == 0
                ? PackedEmbeddings.normalise("empty", 0, 3, (r, dst) -> {})
                : SelfCleanSituationsTest.of(rows);
    }

    private static float[][] gaussian(int n, int dim, long seed) {
        return SelfCleanSituationsTest.gaussian(n, dim, seed);
    }

    /** Small integers in {-1, 0, 1}: few distinct similarities, ties everywhere. */
    public static float[][] ternary(int n, int dim, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int c = 0; c < dim; c++) {
                row[c] = r.nextInt(3) - 1;
            }
        }
        return x;
    }

    /** Each of {@code distinct} rows repeated, the copies scattered; every fifth distinct row all zero. */
    public static float[][] duplicatesAndZeros(int n, int distinct, int dim, long seed) {
        float[][] base = gaussian(distinct, dim, seed);
        for (int d = 0; d < distinct; d += 5) {
            base[d] = new float[dim];
        }
        Random r = new Random(seed + 1);
        float[][] x = new float[n][];
        for (int i = 0; i < n; i++) {
            x[i] = base[r.nextInt(distinct)].clone();
        }
        return x;
    }

    static void assertSameLists(NeighbourLists expected, NeighbourLists actual) {
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.k(), actual.k());
        for (int row = 0; row < expected.rows(); row++) {
            for (int r = 0; r < expected.k(); r++) {
                String at = "row " + row + " rank " + r;
                assertEquals(expected.index(row, r), actual.index(row, r), at);
                assertEquals(
                        Float.floatToRawIntBits(expected.similarity(row, r)),
                        Float.floatToRawIntBits(actual.similarity(row, r)),
                        at);
            }
        }
    }

    private static void checkSelf(float[][] rows, int k, boolean includeSelf, int threads) {
        PackedEmbeddings m = pack(rows);
        NeighbourLists brute =
                BruteForceKnn.search(m, m, k, !includeSelf, plainProvider().embeddingKernels());
        NeighbourLists tiled = ExactKnn.builder()
                .k(k)
                .includeSelf(includeSelf)
                .threads(threads)
                .build()
                .selfSearch(m);
        assertSameLists(brute, tiled);
    }

    @ParameterizedTest
    @CsvSource({"300,33,10,false,2", "300,33,10,true,3", "129,8,5,false,1", "257,64,20,false,4", "1000,16,1,false,2"})
    void randomRowsEqualTheBruteForce(int n, int dim, int k, boolean includeSelf, int threads) {
        checkSelf(gaussian(n, dim, n * 31L + dim), k, includeSelf, threads);
    }

    @ParameterizedTest
    @CsvSource({"300,33,10,false", "200,4,5,true"})
    void thePlainTwinsGiveTheSameLists(int n, int dim, int k, boolean includeSelf) {
        PackedEmbeddings m = pack(n > 250 ? gaussian(n, dim, 5) : ternary(n, dim, 5));
        NeighbourLists plain = ExactKnn.builder()
                .k(k)
                .includeSelf(includeSelf)
                .kernels(plainProvider().embeddingKernels())
                .threads(2)
                .build()
                .selfSearch(m);
        assertSameLists(
                BruteForceKnn.search(m, m, k, !includeSelf, plainProvider().embeddingKernels()), plain);
    }

    @ParameterizedTest
    @CsvSource({"400,4,10,false,2", "300,3,50,true,3", "130,5,7,false,1"})
    void tiesOfIntegerRowsFallToTheSmallerIndex(int n, int dim, int k, boolean includeSelf, int threads) {
        checkSelf(ternary(n, dim, n + dim), k, includeSelf, threads);
    }

    @ParameterizedTest
    @CsvSource({"300,40,10,false,2", "300,40,10,true,2", "270,7,25,false,3"})
    void exactDuplicatesAndZeroRows(int n, int distinct, int k, boolean includeSelf, int threads) {
        checkSelf(duplicatesAndZeros(n, distinct, 24, n + distinct), k, includeSelf, threads);
    }

    @Test
    void allEqualRowsListTheSmallestIndices() {
        float[][] rows = new float[200][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new float[] {0.3f, -1.2f, 2.5f, 0.7f, 0.1f};
        }
        checkSelf(rows, 6, false, 2);
        NeighbourLists nn = ExactKnn.builder().k(6).threads(2).build().selfSearch(pack(rows));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 6}, java.util.Arrays.copyOfRange(nn.indices(), 5 * 6, 6 * 6));
    }

    @Test
    void zeroRowsHaveSimilarityZeroToEverything() {
        float[][] rows = gaussian(20, 6, 3);
        rows[4] = new float[6];
        rows[11] = new float[6];
        checkSelf(rows, 19, true, 2);
        NeighbourLists nn = ExactKnn.builder().k(20).includeSelf(true).build().selfSearch(pack(rows));
        for (int r = 0; r < 20; r++) {
            assertEquals(0f, nn.similarity(4, r), "a zero row is at similarity 0 from every row, itself too");
            assertEquals(r, nn.index(4, r), "so its list is every row in index order");
        }
    }

    @ParameterizedTest
    @CsvSource({"1,1,false", "1,3,true", "7,7,false", "7,12,true", "9,30,false"})
    void shortListsArePaddedAsFaissPads(int n, int k, boolean includeSelf) {
        float[][] rows = gaussian(n, 5, n);
        checkSelf(rows, k, includeSelf, 2);
        NeighbourLists nn =
                ExactKnn.builder().k(k).includeSelf(includeSelf).build().selfSearch(pack(rows));
        int real = includeSelf ? n : n - 1;
        for (int row = 0; row < n; row++) {
            for (int r = 0; r < k; r++) {
                boolean missing = r >= real;
                assertEquals(missing, nn.index(row, r) == NeighbourLists.MISSING_INDEX);
                assertEquals(missing, nn.similarity(row, r) == -Float.MAX_VALUE);
            }
        }
    }

    @Test
    void emptyBaseGivesEmptyOrPaddedLists() {
        PackedEmbeddings none = pack(new float[0][]);
        assertEquals(0, ExactKnn.builder().k(3).build().selfSearch(none).indices().length);
        NeighbourLists q = ExactKnn.builder().k(2).build().search(pack(gaussian(3, 3, 1)), none);
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1, -1}, q.indices());
    }

    @ParameterizedTest
    @CsvSource({"50,300,64,10,2", "130,129,8,5,3", "1,1000,16,10,2", "300,5,4,10,1"})
    void queriesAgainstABaseEqualTheBruteForce(int q, int n, int dim, int k, int threads) {
        PackedEmbeddings queries = pack(ternary(q, dim, q));
        PackedEmbeddings base = pack(duplicatesAndZeros(n, Math.max(1, n / 3), dim, n));
        NeighbourLists brute =
                BruteForceKnn.search(queries, base, k, false, plainProvider().embeddingKernels());
        NeighbourLists tiled = ExactKnn.builder().k(k).threads(threads).build().search(queries, base);
        assertSameLists(brute, tiled);
    }

    @Test
    void similaritiesAreCosinesOfTheRawRows() {
        float[][] rows = gaussian(150, 12, 9);
        NeighbourLists nn = ExactKnn.builder().k(4).build().selfSearch(pack(rows));
        for (int i = 0; i < rows.length; i++) {
            for (int r = 0; r < 4; r++) {
                int j = nn.index(i, r);
                assertTrue(j != i && j >= 0);
                assertEquals(cosine(rows[i], rows[j]), nn.similarity(i, r), 1e-6);
                if (r > 0) {
                    assertTrue(nn.similarity(i, r) <= nn.similarity(i, r - 1), "descending");
                }
            }
        }
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0, aa = 0, bb = 0;
        for (int c = 0; c < a.length; c++) {
            ab += (double) a[c] * b[c];
            aa += (double) a[c] * a[c];
            bb += (double) b[c] * b[c];
        }
        return ab / Math.sqrt(aa * bb);
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ExactKnn.builder().k(0));
        assertThrows(
                IllegalArgumentException.class,
                () -> ExactKnn.builder().build().search(pack(gaussian(3, 4, 1)), pack(gaussian(3, 5, 1))));
    }
}
