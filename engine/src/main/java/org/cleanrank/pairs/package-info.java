/**
 * The all-pairs scheduler and what it streams: {@link org.cleanrank.pairs.PairEngine} cuts the upper
 * triangle of N points into square tiles and hands them to workers; a {@link org.cleanrank.pairs.PairTiles}
 * computes one tile of distances (embeddings, Hamming hashes, squared Euclidean, SSIM) and a
 * {@link org.cleanrank.pairs.PairConsumer} per worker keeps what a detector needs (top-K pairs, all pairs,
 * k nearest, or the dense matrix of {@link org.cleanrank.pairs.DenseDistanceMatrix}). Here too: the
 * normalised embeddings in SIMD panels ({@link org.cleanrank.pairs.PackedEmbeddings}) and the progress
 * callback every long computation reports to.
 */
package org.cleanrank.pairs;
