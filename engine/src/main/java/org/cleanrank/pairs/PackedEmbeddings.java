package org.cleanrank.pairs;

import org.cleanrank.CleanRankException;
import org.cleanrank.vectorization.EmbeddingKernels;

/**
 * L2-normalised embedding rows in float32, stored in <em>panels</em> of {@link #PANEL} points: the
 * value of point {@code r} in dimension {@code k} lives at
 * {@code panels[((r / 16) * dim + k) * 16 + r % 16]}. One SIMD load then reads dimension {@code k} of sixteen
 * (AVX-512) or eight (AVX2) consecutive points, which lets the kernels run that many independent dot-product chains per instruction
 * without reordering any one chain. Points past {@code n} (the padding of the last panel) are zero.
 *
 * <p>Normalisation follows scikit-learn's {@code normalize}: each row is divided (in float32) by its
 * float32 L2 norm, and an all-zero row stays zero.
 */
public final class PackedEmbeddings {
    public static final int PANEL = EmbeddingKernels.PANEL;

    private final int n;
    private final int dim;
    private final float[] panels;

    private PackedEmbeddings(int n, int dim, float[] panels) {
        this.n = n;
        this.dim = dim;
        this.panels = panels;
    }

    /** Supplies one row of the raw (un-normalised) matrix. */
    @FunctionalInterface
    public interface RowSource {
        void readRow(int row, double[] dst);
    }

    /**
     * Normalises and packs {@code n} rows of {@code dim} values.
     *
     * @param name names the input in error messages
     */
    public static PackedEmbeddings normalise(String name, int n, int dim, RowSource source) {
        long size = (long) panelCount(n) * PANEL * dim;
        if (size > Integer.MAX_VALUE - 16) {
            throw new CleanRankException(name + ": " + n + " x " + dim
                    + " embeddings exceed one Java array (2^31 values); reduce N or D (e.g. PCA) or split the dataset");
        }
        float[] panels = new float[(int) size];
        double[] row = new double[dim];
        float[] f = new float[dim];
        for (int r = 0; r < n; r++) {
            source.readRow(r, row);
            for (int k = 0; k < dim; k++) {
                f[k] = float32(name, r, k, row[k]);
            }
            float norm = (float) Math.sqrt(numpyEinsumSquaredNorm(f, dim));
            if (norm == 0f) {
                norm = 1f; // sklearn's _handle_zeros_in_scale: a zero row stays zero
            }
            int base = (r / PANEL) * dim * PANEL + (r % PANEL);
            for (int k = 0; k < dim; k++) {
                panels[base + k * PANEL] = f[k] / norm;
            }
        }
        return new PackedEmbeddings(n, dim, panels);
    }

    /**
     * The float32 squared norm exactly as scikit-learn's {@code row_norms} gets it from
     * {@code np.einsum('ij,ij->i', X, X)}: numpy's baseline (SSE, 4-lane) sum-of-products loop, which
     * takes 16 values per step as four lane-wise multiply-then-add rounds (elements 12-15 first, 0-3
     * last), then the tail four at a time, then a horizontal add ((l0 + l1) + (l2 + l3)). Matching it
     * bit for bit matters: one ulp in a norm moves the distances of near-duplicates by one ulp too.
     */
    static float numpyEinsumSquaredNorm(float[] x, int dim) {
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
        int i = 0;
        int count = dim;
        for (; count >= 16; count -= 16, i += 16) {
            a0 = x[i] * x[i] + (x[i + 4] * x[i + 4] + (x[i + 8] * x[i + 8] + (x[i + 12] * x[i + 12] + a0)));
            a1 = x[i + 1] * x[i + 1] + (x[i + 5] * x[i + 5] + (x[i + 9] * x[i + 9] + (x[i + 13] * x[i + 13] + a1)));
            a2 = x[i + 2] * x[i + 2] + (x[i + 6] * x[i + 6] + (x[i + 10] * x[i + 10] + (x[i + 14] * x[i + 14] + a2)));
            a3 = x[i + 3] * x[i + 3] + (x[i + 7] * x[i + 7] + (x[i + 11] * x[i + 11] + (x[i + 15] * x[i + 15] + a3)));
        }
        for (; count > 0; count -= 4, i += 4) {
            a0 = sq(x, i, count > 0) + a0;
            a1 = sq(x, i + 1, count > 1) + a1;
            a2 = sq(x, i + 2, count > 2) + a2;
            a3 = sq(x, i + 3, count > 3) + a3;
        }
        return (a0 + a1) + (a2 + a3);
    }

    private static float sq(float[] x, int i, boolean present) {
        return present ? x[i] * x[i] : 0f;
    }

    /** Packs rows that are already normalised as the engine wants them (tests, benchmarks). */
    public static PackedEmbeddings ofNormalisedRows(float[][] rows) {
        int n = rows.length;
        int dim = rows[0].length;
        float[] panels = new float[panelCount(n) * PANEL * dim];
        for (int r = 0; r < n; r++) {
            int base = (r / PANEL) * dim * PANEL + (r % PANEL);
            for (int k = 0; k < dim; k++) {
                panels[base + k * PANEL] = rows[r][k];
            }
        }
        return new PackedEmbeddings(n, dim, panels);
    }

    /**
     * Value {@code v} of row r, column k of the embeddings {@code name}, rounded to float32 as the references'
     * float32 paths do; a non-finite value, or one that overflows float32, is a one-line error.
     */
    public static float float32(String name, int r, int k, double v) {
        if (!Double.isFinite(v)) {
            throw new CleanRankException(name + ": row " + r + " column " + k + " is " + v
                    + "; remove or impute non-finite embedding values");
        }
        float f = (float) v;
        if (Float.isInfinite(f)) {
            throw new CleanRankException(
                    name + ": row " + r + " column " + k + " (" + v + ") overflows float32; rescale the embeddings");
        }
        return f;
    }

    /**
     * Wraps panels laid out as {@link #panels()} describes (not copied): {@code n} points of {@code dim}
     * values, e.g. row blocks of a matrix normalised elsewhere and shipped to another process.
     */
    public static PackedEmbeddings ofPanels(int n, int dim, float[] panels) {
        if ((long) panelCount(n) * PANEL * dim != panels.length) {
            throw new IllegalArgumentException(
                    panels.length + " panel values do not hold " + n + " points of dimension " + dim);
        }
        return new PackedEmbeddings(n, dim, panels);
    }

    /**
     * A copy of the panels of rows {@code [from, to)} ({@code from} on a panel boundary): the panels of
     * a row block, which {@link #ofPanels} turns back into a matrix with the same values bit for bit.
     */
    public float[] rowPanels(int from, int to) {
        if (from % PANEL != 0 || from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") of " + n + " are not a panel block");
        }
        return java.util.Arrays.copyOfRange(panels, from * dim, panelCount(to) * PANEL * dim);
    }

    public static int panelCount(int n) {
        return (n + PANEL - 1) / PANEL;
    }

    public int n() {
        return n;
    }

    public int dim() {
        return dim;
    }

    public int panelCount() {
        return panelCount(n);
    }

    /** The panel array itself (not a copy): read-only by contract. */
    public float[] panels() {
        return panels;
    }

    /** Copies point {@code r}'s normalised values into {@code dst[0..dim)}. */
    public void copyRow(int r, float[] dst) {
        int base = (r / PANEL) * dim * PANEL + (r % PANEL);
        for (int k = 0; k < dim; k++) {
            dst[k] = panels[base + k * PANEL];
        }
    }

    /** Bytes held by this matrix. */
    public long bytes() {
        return 4L * panels.length;
    }
}
