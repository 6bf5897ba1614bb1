/**
 * SelfClean (the reference detector) over normalised embeddings: one streamed pass over all pairs gives
 * the near-duplicate ranking (top-K or all pairs, closest first, ties by condensed index) and the
 * intra/extra label-error scores; scipy's single linkage, computed one distance row at a time, gives
 * the LAD off-topic ranking. {@link org.cleanrank.detect.PairRankings} ranks the pairs of any other
 * distance (hashes, SSIM) the same way.
 */
package org.cleanrank.detect;
