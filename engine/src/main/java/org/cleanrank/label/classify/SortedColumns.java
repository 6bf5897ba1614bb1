package org.cleanrank.label.classify;

import java.util.Arrays;
import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;

/**
 * A training set for depth-1 trees with every feature sorted once: sklearn's BestSplitter re-sorts the
 * node's samples for every feature in every boosting round, but with weights the only thing that
 * changes between rounds the order never does, so one sort per fold serves all 50 stumps.
 *
 * <p>Ties (equal float32 values) are ordered by training position; sklearn's introsort leaves them in an
 * order that depends on the previous feature's sort, which only changes the summation order of tied
 * samples' weights (a rounding-level difference).
 */
final class SortedColumns {
    /** sklearn's FEATURE_THRESHOLD: consecutive sorted values closer than this are not split between. */
    static final double FEATURE_THRESHOLD = 1e-7;

    final int m;
    final int d;
    final int nClasses;
    /** Class of each training sample (training order). */
    final int[] y;
    /** Rows of the full matrix in training order. */
    final int[] rows;
    /** order[f][p]: training index at sorted position p of feature f. */
    final int[][] order;
    /** yOrder[f][p] = y[order[f][p]], saving an indirection in the sweeps. */
    final int[][] yOrder;

    final float[][] sorted;
    /** Split positions p (samples [0, p) go left) that sklearn evaluates: sorted[p] > sorted[p-1] + 1e-7. */
    final int[][] candidates;
    /** isCandidate[f][p]: p is in candidates[f]. */
    final boolean[][] isCandidate;
    /** sklearn's constant-feature test at the root: max <= min + FEATURE_THRESHOLD. */
    final boolean[] constant;

    private SortedColumns(int m, int d, int nClasses, int[] y, int[] rows) {
        this.m = m;
        this.d = d;
        this.nClasses = nClasses;
        this.y = y;
        this.rows = rows;
        this.order = new int[d][];
        this.yOrder = new int[d][];
        this.sorted = new float[d][];
        this.candidates = new int[d][];
        this.isCandidate = new boolean[d][];
        this.constant = new boolean[d];
    }

    /**
     * Every column of {@code x} argsorted by (value, row): shared by all folds, each of which then only
     * filters it ({@link #of(FloatMatrix, int[][], int[], int[], int)}) instead of sorting again.
     */
    static int[][] globalOrder(FloatMatrix x) {
        int n = x.rows();
        int d = x.cols();
        float[] data = x.data();
        int[][] out = new int[d][n];
        long[] keys = new long[n];
        for (int f = 0; f < d; f++) {
            for (int i = 0; i < n; i++) {
                float v = data[i * d + f];
                if (!Float.isFinite(v)) {
                    throw new CleanRankException(
                            "feature " + f + " of sample " + i + " is " + v + "; the classifier needs finite features");
                }
                keys[i] = ((long) sortableBits(v) << 32) | i;
            }
            Arrays.sort(keys);
            for (int p = 0; p < n; p++) {
                out[f][p] = (int) keys[p];
            }
        }
        return out;
    }

    /** Sorts the features of {@code x}'s rows {@code rows} (training order, rows may repeat) with classes {@code y}. */
    static SortedColumns of(FloatMatrix x, int[] rows, int[] y, int nClasses) {
        return of(x, null, rows, y, nClasses);
    }

    /**
     * As {@link #of(FloatMatrix, int[], int[], int)}; with {@code globalOrder} (from {@link #globalOrder})
     * and distinct rows the per-feature order is filtered from it in O(n), ties then ordered by row.
     */
    static SortedColumns of(FloatMatrix x, int[][] globalOrder, int[] rows, int[] y, int nClasses) {
        int m = rows.length;
        int d = x.cols();
        if (y.length != m) {
            throw new IllegalArgumentException(y.length + " labels for " + m + " rows");
        }
        SortedColumns s = new SortedColumns(m, d, nClasses, y.clone(), rows.clone());
        float[] data = x.data();
        int[] localOf = null;
        if (globalOrder != null) {
            localOf = new int[x.rows()];
            Arrays.fill(localOf, -1);
            for (int i = 0; i < m && localOf != null; i++) {
                if (localOf[rows[i]] >= 0) {
                    localOf = null; // a repeated row: sort this fold's columns instead
                } else {
                    localOf[rows[i]] = i;
                }
            }
        }
        long[] keys = localOf == null ? new long[m] : null;
        for (int f = 0; f < d; f++) {
            int[] ord = new int[m];
            if (localOf != null) {
                int p = 0;
                for (int row : globalOrder[f]) {
                    int local = localOf[row];
                    if (local >= 0) {
                        ord[p++] = local;
                    }
                }
            } else {
                for (int i = 0; i < m; i++) {
                    float v = data[rows[i] * d + f];
                    if (!Float.isFinite(v)) {
                        throw new CleanRankException("feature " + f + " of sample " + rows[i] + " is " + v
                                + "; the classifier needs finite features");
                    }
                    keys[i] = ((long) sortableBits(v) << 32) | i;
                }
                Arrays.sort(keys);
                for (int p = 0; p < m; p++) {
                    ord[p] = (int) keys[p];
                }
            }
            int[] yo = new int[m];
            float[] val = new float[m];
            int nCand = 0;
            for (int p = 0; p < m; p++) {
                yo[p] = y[ord[p]];
                val[p] = data[rows[ord[p]] * d + f];
                if (p > 0 && val[p] > (double) val[p - 1] + FEATURE_THRESHOLD) {
                    nCand++;
                }
            }
            int[] cand = new int[nCand];
            boolean[] isCand = new boolean[m + 1];
            nCand = 0;
            for (int p = 1; p < m; p++) {
                if (val[p] > (double) val[p - 1] + FEATURE_THRESHOLD) {
                    cand[nCand++] = p;
                    isCand[p] = true;
                }
            }
            s.isCandidate[f] = isCand;
            s.order[f] = ord;
            s.yOrder[f] = yo;
            s.sorted[f] = val;
            s.candidates[f] = cand;
            s.constant[f] = m == 0 || val[m - 1] <= (double) val[0] + FEATURE_THRESHOLD;
        }
        return s;
    }

    /** Float order as a signed int; -0.0 counts as 0.0 (they compare equal, as in the reference). */
    private static int sortableBits(float v) {
        int bits = Float.floatToIntBits(v + 0.0f);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }
}
