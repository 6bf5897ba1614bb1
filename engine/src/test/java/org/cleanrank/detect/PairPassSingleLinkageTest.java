package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.Progress;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.cleanrank.vectorization.VectorizationProvider;
import org.junit.jupiter.api.Test;

/**
 * The single linkage from the pair pass against its plain twin, the streaming Prim, bit for bit (all four
 * columns) on inputs built to produce ties: Gaussian, coarse integer values, exact duplicates, zero rows,
 * all-zero matrices; with block sizes that do not divide N and several thread counts.
 */
class PairPassSingleLinkageTest {
    private static final EmbeddingKernels K =
            VectorizationProvider.getInstance().embeddingKernels();

    static PackedEmbeddings of(float[][] rows) {
        return SelfCleanSituationsTest.of(rows);
    }

    private static LinkageMatrix plain(PackedEmbeddings m) {
        return new StreamingSingleLinkage(K, 1).link(m, Progress.NONE);
    }

    /** The new path; asserts it did not fall back, so the comparison tests the candidate Prim. */
    private static LinkageMatrix fromPairPass(PackedEmbeddings m, int threads, int block) {
        PairPassSingleLinkage l = new PairPassSingleLinkage(K, threads).block(block);
        PairPassSingleLinkage.Pass pass = l.begin(m);
        new org.cleanrank.pairs.PairEngine(threads).run(m, K, w -> pass.collector(), Progress.NONE);
        LinkageMatrix z = pass.finish(Progress.NONE);
        assertFalse(pass.stats().fellBack(), "fell back to the streaming Prim");
        return z;
    }

    private static void assertSameRows(PackedEmbeddings m, String what) {
        LinkageMatrix expected = plain(m);
        for (int threads : new int[] {1, 2, 3}) {
            for (int block : new int[] {8, 37, 128}) {
                LinkageMatrix z = fromPairPass(m, threads, block);
                assertEquals(m.n(), z.n());
                if (!Arrays.equals(expected.z(), z.z())) {
                    int row = 0;
                    while (Double.doubleToRawLongBits(expected.z()[row]) == Double.doubleToRawLongBits(z.z()[row])) {
                        row++;
                    }
                    throw new AssertionError(what + ", " + threads + " threads, block " + block
                            + ": first difference in row " + row / 4 + " column " + row % 4 + ": expected "
                            + expected.z()[row] + ", got " + z.z()[row]);
                }
            }
        }
    }

    static float[][] gaussian(Random r, int n, int dim) {
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int k = 0; k < dim; k++) {
                row[k] = (float) r.nextGaussian();
            }
        }
        return x;
    }

    /** Values in {-2..2}: in low dimension most distances are shared by many pairs. */
    static float[][] coarseIntegers(Random r, int n, int dim) {
        float[][] x = new float[n][dim];
        for (float[] row : x) {
            for (int k = 0; k < dim; k++) {
                row[k] = r.nextInt(5) - 2;
            }
        }
        return x;
    }

    /** Replaces a share of the rows by copies (exact duplicates) or positive multiples of other rows. */
    static void duplicate(Random r, float[][] x, double share, boolean scaled) {
        int n = x.length;
        for (int c = 0; c < (int) (share * n); c++) {
            int to = r.nextInt(n), from = r.nextInt(n);
            float s = scaled ? 1 + r.nextInt(4) : 1f;
            for (int k = 0; k < x[to].length; k++) {
                x[to][k] = s * x[from][k];
            }
        }
    }

    static void zeroRows(Random r, float[][] x, double share) {
        for (int c = 0; c < (int) Math.ceil(share * x.length); c++) {
            Arrays.fill(x[r.nextInt(x.length)], 0f);
        }
    }

    @Test
    void randomInputsWithTiesDuplicatesAndZeroRows() {
        Random r = new Random(20261128);
        for (int trial = 0; trial < 36; trial++) {
            int n = 2 + r.nextInt(300);
            int dim = 2 + r.nextInt(12);
            int kind = trial % 6;
            float[][] x = switch (kind) {
                case 0 -> gaussian(r, n, dim);
                case 1, 2, 3 -> coarseIntegers(r, n, 2 + r.nextInt(3));
                default -> gaussian(r, n, dim);
            };
            if (kind == 2 || kind == 4) {
                duplicate(r, x, 0.2 + 0.2 * r.nextDouble(), kind == 2);
            }
            if (kind == 3 || kind == 5) {
                zeroRows(r, x, 0.02 + 0.38 * r.nextDouble());
            }
            if (kind == 3) {
                duplicate(r, x, 0.3, false);
            }
            assertSameRows(of(x), "trial " + trial + " kind " + kind + " n " + n);
        }
    }

    @Test
    void scipyTieGoldensWithEveryBlockSize() {
        // SingleLinkageTiesGoldenTest ties the plain twin to scipy on these; here the block sizes vary
        for (String c : new String[] {"ties_dups_zeros", "zero_first"}) {
            PackedEmbeddings m = org.cleanrank.io.Embeddings.load(
                    org.cleanrank.Fixtures.golden("linkage", c).resolve("embeddings.npy"));
            assertSameRows(m, c);
        }
    }

    @Test
    void allZeroMatrix() {
        assertSameRows(of(new float[50][198]), "all zero 50 x 198");
    }

    @Test
    void zeroRowsWithOneNonZeroRow() {
        for (int at : new int[] {0, 1, 17, 39}) {
            float[][] x = new float[40][6];
            x[at][2] = 3f;
            assertSameRows(of(x), "one non-zero row at " + at);
        }
    }

    @Test
    void oneAndTwoPoints() {
        assertSameRows(of(new float[][] {{1f, 2f}}), "n = 1");
        assertSameRows(of(new float[][] {{1f, 2f}, {2f, -1f}}), "n = 2");
        assertSameRows(of(new float[][] {{0f, 0f}, {2f, -1f}}), "n = 2, zero first");
        assertSameRows(of(new float[][] {{1f, 2f}, {0f, 0f}}), "n = 2, zero second");
    }

    @Test
    void largeGroupsOfIdenticalRowsKeepFewCandidates() {
        Random r = new Random(5);
        float[][] x = gaussian(r, 600, 8);
        for (int i = 0; i < 600; i++) {
            if (i % 3 != 0) {
                x[i] = x[i % 2 == 0 ? 4 : 7].clone(); // two groups of 200 identical rows
            }
        }
        assertFewCandidates(of(x), "two groups of 200 identical rows");
        // a hub: 300 identical rows and 900 noisy copies of them, each tight to the group (a star)
        float[] center = gaussian(r, 1, 32)[0];
        float[][] hub = new float[1200][];
        for (int i = 0; i < 1200; i++) {
            hub[i] = center.clone();
            if (i % 4 != 1) {
                for (int k = 0; k < 32; k++) {
                    hub[i][k] += 0.3f * (float) r.nextGaussian();
                }
            }
        }
        assertFewCandidates(of(hub), "hub of 300 identical rows");
    }

    /** Same rows as the twin, and about one candidate per point: a group is one node, not g points. */
    private static void assertFewCandidates(PackedEmbeddings m, String what) {
        assertSameRows(m, what);
        PairPassSingleLinkage.Pass pass = new PairPassSingleLinkage(K, 2).begin(m);
        new org.cleanrank.pairs.PairEngine(2).run(m, K, w -> pass.collector(), Progress.NONE);
        pass.finish(Progress.NONE);
        assertTrue(pass.stats().candidates() < m.n(), what + ": " + pass.stats());
    }

    @Test
    void orthogonalRowsExceedTheBudgetAndFallBackToTheStreamingPrim() {
        // 120 one-hot rows: all pairs at exactly 0.5, all of them tight
        float[][] x = new float[120][120];
        for (int i = 0; i < 120; i++) {
            x[i][(i * 7) % 120] = 1f;
        }
        PackedEmbeddings m = of(x);
        PairPassSingleLinkage.Pass pass =
                new PairPassSingleLinkage(K, 2).edgeBudget(1000).begin(m);
        new org.cleanrank.pairs.PairEngine(2).run(m, K, w -> pass.collector(), Progress.NONE);
        LinkageMatrix z = pass.finish(Progress.NONE);
        assertTrue(pass.stats().fellBack());
        assertTrue(Arrays.equals(plain(m).z(), z.z()));
        // with room for them, the candidates give the same rows
        assertSameRows(m, "orthogonal rows");
    }

    @Test
    void selfCleanDefaultPathEqualsThePlainTwinAboveOneTile() {
        Random r = new Random(11);
        float[][] x = gaussian(r, 1500, 16);
        duplicate(r, x, 0.25, false);
        zeroRows(r, x, 0.05);
        PackedEmbeddings m = of(x);
        LinkageMatrix z = SelfClean.builder().threads(2).build().run(m, null).linkage();
        assertTrue(Arrays.equals(plain(m).z(), z.z()));
    }
}
