package org.cleanrank.vector;

import org.cleanrank.pairs.PackedEmbeddings;

/**
 * The hot loops of the embedding engine, in two twins: {@link PlainEmbeddingKernels} (plain Java, the
 * obviously-correct reference) and {@link PanamaEmbeddingKernels} (jdk.incubator.vector).
 * {@link KernelProvider} picks one per process.
 *
 * <p>Both twins compute every pair's dot product as the same chain of fused multiply-adds in
 * ascending dimension order, starting from zero, so the twins agree <em>bit for bit</em>, a distance
 * never depends on the tiling or on which method computed it, and d(i, j) == d(j, i). The Panama twin
 * gets its speed by running eight such chains side by side (one per lane), never by reordering one
 * chain, which is why it needs the panel layout of {@link PackedEmbeddings}.
 *
 * <p>All outputs are SelfClean distances, see {@link SelfCleanDistance}, except
 * {@link #similarityTile}'s, which are the dot products themselves (the cosine similarities of the
 * normalised rows, as exact kNN reports them).
 */
public interface EmbeddingKernels {

    /** A short name for logs and benchmark reports ("plain", "panama-8x32"). */
    String name();

    /** SelfClean distance between points {@code a} and {@code b}. */
    float distance(PackedEmbeddings m, int a, int b);

    /**
     * Distances of every point in panels {@code [pi0, pi1)} to every point in panels {@code [pj0, pj1)},
     * written row-major to {@code out[(i - 8*pi0) * 8*(pj1 - pj0) + (j - 8*pj0)]}. Padding points
     * (index >= n) are computed too; callers ignore them.
     */
    void distanceTile(PackedEmbeddings m, int pi0, int pi1, int pj0, int pj1, float[] out);

    /**
     * Cosine similarities (the same FMA chains as {@link #distanceTile}, without the distance transform)
     * of every point in panels {@code [pi0, pi1)} of {@code a} to every point in panels
     * {@code [pj0, pj1)} of {@code b}, written row-major to
     * {@code out[(i - 8*pi0) * 8*(pj1 - pj0) + (j - 8*pj0)]}. {@code a} and {@code b} have the same
     * dimension and may be the same matrix (self-search); padding points give 0.
     */
    void similarityTile(PackedEmbeddings a, int pi0, int pi1, PackedEmbeddings b, int pj0, int pj1, float[] out);

    /**
     * Distances of one point, given by its values {@code x[0..dim)}, to every point in panels
     * {@code [p0, p1)} of {@code panels} (panel layout, see {@link PackedEmbeddings}), written to
     * {@code out[(p - p0) * 8 + lane]}.
     */
    void distanceRow(float[] x, float[] panels, int dim, int p0, int p1, float[] out);
}
