/**
 * CleanPatrick's NoiseRank label-error detector: {@link org.cleanrank.label.noiserank.NoiseRank} (facade),
 * {@link org.cleanrank.label.noiserank.KMeansPrototypes} (sklearn-1.2.1-style k-means per class),
 * {@link org.cleanrank.label.noiserank.PrototypeVote} (faiss kNN vote with squared distances),
 * {@link org.cleanrank.label.noiserank.DependenceGraph} (scores with plain distances).
 */
package org.cleanrank.label.noiserank;
