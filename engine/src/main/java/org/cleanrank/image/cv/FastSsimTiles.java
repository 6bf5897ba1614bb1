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
        for (int i = i0; i < i1; i++) {
            for (int j = Math.max(j0, i + 1); j < j1; j++) {
                out[(i - i0) * width + (j - j0)] = prepared.distance(i, j);
            }
        }
        return width;
    }
}
