package org.cleanrank.image.cv;

import org.cleanrank.pairs.PairTiles;

/** Fast-SSIM distances ({@code 1 - fast_ssim}) as pair tiles, so the pair engine can rank them. */
public record FastSsimTiles(FastSsim.Prepared prepared) implements PairTiles {
    @Override
    public int n() {
        return prepared.size();
    }

    @Override
    public int compute(int i0, int i1, int j0, int j1, float[] out) {
        int width = j1 - j0;
        // column blocks small enough to stay in L2 while every row of the tile runs over them
        for (int jb = j0; jb < j1; jb += FastSsim.COL_BLOCK) {
            int jbEnd = Math.min(j1, jb + FastSsim.COL_BLOCK);
            for (int i = i0; i < i1; i++) {
                for (int j = Math.max(jb, i + 1); j < jbEnd; j++) {
                    out[(i - i0) * width + (j - j0)] = prepared.distance(i, j);
                }
            }
        }
        return width;
    }
}
