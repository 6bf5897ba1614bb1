package org.cleanrank.label.noiserank;

/**
 * The k nearest samples of each query (prototype), nearest first, as {@code faiss.Index.search} returns
 * them: row-major {@code queries x k} arrays of sample indices and SQUARED L2 distances (float32).
 */
public record Neighbours(int queries, int k, int[] indices, float[] squaredDistances) {
    public Neighbours {
        if (indices.length != queries * k || squaredDistances.length != queries * k) {
            throw new IllegalArgumentException("expected " + queries + " x " + k + " neighbours");
        }
    }

    public int index(int query, int rank) {
        return indices[query * k + rank];
    }

    public float squaredDistance(int query, int rank) {
        return squaredDistances[query * k + rank];
    }
}
