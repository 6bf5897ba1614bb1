package org.cleanrank.cli.benchmark;

import it.unimi.dsi.fastutil.ints.IntArrays;
import org.cleanrank.eval.NearDuplicateEvaluation.AnnotatedPairs;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.pairs.PairTiles;

/**
 * Distances of chosen pairs read from the same kernel tiles the pair engine streams (so they equal the
 * ranked distances bit for bit): pairs grouped by their aligned 8 x 8 tile, each tile computed once.
 */
final class TileLookup {
    private static final int P = PackedEmbeddings.PANEL;

    private TileLookup() {}

    static double[] distances(PairTiles tiles, AnnotatedPairs pairs) {
        int m = pairs.size();
        int n = tiles.n();
        long[] tileKey = new long[m];
        int[] order = new int[m];
        for (int p = 0; p < m; p++) {
            int a = Math.min(pairs.i()[p], pairs.j()[p]);
            int b = Math.max(pairs.i()[p], pairs.j()[p]);
            tileKey[p] = (long) (a / P) * ((n + P - 1) / P) + b / P;
            order[p] = p;
        }
        IntArrays.quickSort(order, (x, y) -> Long.compare(tileKey[x], tileKey[y]));
        double[] out = new double[m];
        float[] buf = new float[P * P * 2];
        long current = -1;
        int width = 0;
        int i0 = 0;
        int j0 = 0;
        for (int p : order) {
            int a = Math.min(pairs.i()[p], pairs.j()[p]);
            int b = Math.max(pairs.i()[p], pairs.j()[p]);
            if (tileKey[p] != current) {
                current = tileKey[p];
                i0 = a - a % P;
                j0 = b - b % P;
                width = tiles.compute(i0, Math.min(n, i0 + P), j0, Math.min(n, j0 + P), buf);
            }
            out[p] = buf[(a - i0) * width + (b - j0)];
        }
        return out;
    }
}
