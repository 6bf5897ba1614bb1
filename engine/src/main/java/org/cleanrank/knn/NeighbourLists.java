package org.cleanrank.knn;

/**
 * The k nearest neighbours of each of {@code rows} rows, flat and row-major as FAISS returns them:
 * row {@code r}'s neighbours are {@code indices()[r*k .. r*k+k)}, best first, with their cosine
 * similarities at the same positions of {@code similarities()}.
 *
 * <p>Order: similarity descending, equal similarities by ascending index (the values as computed,
 * compared exactly). A row with fewer than k neighbours (k larger than the base, or than the base minus
 * the row itself in self-search) is padded at the end with index {@link #MISSING_INDEX} and similarity
 * {@link #MISSING_SIMILARITY}, the values FAISS {@code IndexFlatIP} pads with.
 */
public record NeighbourLists(int rows, int k, int[] indices, float[] similarities) {
    /** Index of a missing neighbour (FAISS: -1). */
    public static final int MISSING_INDEX = -1;

    /** Similarity of a missing neighbour: -FLT_MAX, what FAISS's inner-product heaps start from. */
    public static final float MISSING_SIMILARITY = -Float.MAX_VALUE;

    public NeighbourLists {
        if ((long) rows * k != indices.length || indices.length != similarities.length) {
            throw new IllegalArgumentException(rows + " x " + k + " lists do not match " + indices.length
                    + " indices and " + similarities.length + " similarities");
        }
    }

    /** Index of row {@code row}'s {@code rank}-th neighbour (0 = nearest), or {@link #MISSING_INDEX}. */
    public int index(int row, int rank) {
        return indices[row * k + rank];
    }

    /** Cosine similarity of row {@code row}'s {@code rank}-th neighbour, or {@link #MISSING_SIMILARITY}. */
    public float similarity(int row, int rank) {
        return similarities[row * k + rank];
    }
}
