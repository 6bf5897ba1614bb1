package org.cleanrank.image.cv;

import org.cleanrank.pairs.PairTiles;

/**
 * Fast-SSIM distances ({@code 1 - fast_ssim}) as pair tiles, so the pair engine can rank them or fill the
 * dense matrix: square tiles of {@code tileSide} images, walked in column blocks of {@code colBlock} images
 * ({@link SsimTileOrder}). Neither size changes a result.
 */
public record FastSsimTiles(FastSsim.Prepared prepared, int tileSide, int colBlock) implements PairTiles {
    /** With the measured default blocks ({@code -Dcleanrank.ssim.rowBlock}, {@code -Dcleanrank.ssim.colBlock}). */
    public FastSsimTiles(FastSsim.Prepared prepared) {
        this(prepared, FastSsim.ROW_BLOCK, FastSsim.COL_BLOCK);
    }

    @Override
    public int n() {
        return prepared.size();
    }

    @Override
    public int compute(int i0, int i1, int j0, int j1, float[] out) {
        int width = j1 - j0;
        SsimTileOrder.walk(
                i0, i1, j0, j1, colBlock, (i, j) -> out[(i - i0) * width + (j - j0)] = prepared.distance(i, j));
        return width;
    }
}
