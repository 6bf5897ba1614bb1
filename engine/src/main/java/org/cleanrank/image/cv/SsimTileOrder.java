package org.cleanrank.image.cv;

/**
 * The order in which an SSIM tile of {@link org.cleanrank.pairs.PairEngine} visits its pairs: column blocks
 * of {@code colBlock} images, each against every image of the tile's rows. A column block (its images'
 * statistics, ~50 KB each at 64 x 64) stays in the core's L2 while the tile's row images stream over it, and
 * a row image is reused for {@code colBlock} pairs in a row. The order changes no result: every pair is
 * computed once, in a fixed way.
 */
final class SsimTileOrder {
    /** One pair (i &lt; j) of the tile. */
    @FunctionalInterface
    interface PairJob {
        void pair(int i, int j);
    }

    private SsimTileOrder() {}

    /** Every pair i &lt; j with i in {@code [i0, i1)} and j in {@code [j0, j1)}, column block by column block. */
    static void walk(int i0, int i1, int j0, int j1, int colBlock, PairJob job) {
        for (int jb = j0; jb < j1; jb += colBlock) {
            int jbEnd = Math.min(j1, jb + colBlock);
            for (int i = i0; i < i1; i++) {
                for (int j = Math.max(jb, i + 1); j < jbEnd; j++) {
                    job.pair(i, j);
                }
            }
        }
    }
}
