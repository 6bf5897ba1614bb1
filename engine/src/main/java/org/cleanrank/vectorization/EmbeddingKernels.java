package org.cleanrank.vectorization;

/**
 * The hot loops of the embedding engine, in two twins: {@link PlainEmbeddingKernels} (plain Java, the
 * obviously-correct reference) and {@link PanamaEmbeddingKernels} (jdk.incubator.vector).
 * {@link VectorizationProvider} picks one per process.
 *
 * <p>Both twins compute every pair's dot product as the same chain of fused multiply-adds in
 * ascending dimension order, starting from zero, so the twins agree <em>bit for bit</em>, a distance
 * never depends on the tiling or on which method computed it, and d(i, j) == d(j, i). The Panama twin
 * gets its speed by running eight or sixteen such chains side by side (one per lane), never by reordering one
 * chain, which is why it needs the panel layout: {@link #PANEL} points per panel, dimension {@code k} of point
 * {@code r} at {@code panels[((r / 16) * dim + k) * 16 + r % 16]}, padding points zero
 * ({@code org.cleanrank.pairs.PackedEmbeddings} builds it). The kernels take the panel array and the
 * dimension rather than that class, so this package depends on no caller.
 *
 * <p>All outputs are SelfClean distances, see {@link SelfCleanDistance}, except
 * {@link #similarityTile}'s, which are the dot products themselves (the cosine similarities of the
 * normalised rows, as exact kNN reports them).
 */
public interface EmbeddingKernels {
    /**
     * Points per panel: one 512-bit vector of float32 (two 256-bit ones). Sixteen rather than eight so that
     * one layout feeds both AVX-512 and AVX2 at their peak; the cost is at most 15 zero padding points.
     */
    int PANEL = 16;

    /** A short name for logs and benchmark reports ("plain", "panama-8x32"). */
    String name();

    /** SelfClean distance between points {@code a} and {@code b} of the panel array {@code panels}. */
    float distance(float[] panels, int dim, int a, int b);

    /**
     * Distances of every point in panels {@code [pi0, pi1)} to every point in panels {@code [pj0, pj1)} of
     * {@code panels}, written row-major to {@code out[(i - 16*pi0) * 16*(pj1 - pj0) + (j - 16*pj0)]}. Padding points
     * (index >= n) are computed too; callers ignore them.
     */
    void distanceTile(float[] panels, int dim, int pi0, int pi1, int pj0, int pj1, float[] out);

    /**
     * Cosine similarities (the same FMA chains as {@link #distanceTile}, without the distance transform)
     * of every point in panels {@code [pi0, pi1)} of the panel array {@code a} to every point in panels
     * {@code [pj0, pj1)} of the panel array {@code b}, written row-major to
     * {@code out[(i - 16*pi0) * 16*(pj1 - pj0) + (j - 16*pj0)]}. {@code a} and {@code b} have the same
     * dimension and may be the same matrix (self-search); padding points give 0.
     */
    void similarityTile(float[] a, int pi0, int pi1, float[] b, int pj0, int pj1, int dim, float[] out);

    /**
     * Distances of one point, given by its values {@code x[0..dim)}, to every point in panels
     * {@code [p0, p1)} of {@code panels} (panel layout), written to
     * {@code out[(p - p0) * 16 + lane]}.
     */
    void distanceRow(float[] x, float[] panels, int dim, int p0, int p1, float[] out);
}
