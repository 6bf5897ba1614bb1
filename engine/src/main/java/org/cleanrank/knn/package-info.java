/**
 * Exact cosine k-nearest-neighbour search over embedding matrices: {@link org.cleanrank.knn.ExactKnn}
 * (self-search and query-vs-base, the tiled SIMD pair pass of {@link org.cleanrank.pairs.PairEngine}),
 * its result {@link org.cleanrank.knn.NeighbourLists} (FAISS's layout and padding) and
 * {@link org.cleanrank.knn.BruteForceKnn}, the full-sort twin the tests hold it to.
 */
package org.cleanrank.knn;
