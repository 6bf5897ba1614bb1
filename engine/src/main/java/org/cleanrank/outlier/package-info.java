/**
 * CleanPatrick's off-topic baselines as PyOD computes them: KNN (largest k-th neighbour distance, exact
 * float32 squared-Euclidean tiles through the pair engine or a float64 scan), ECOD, HBOS and IForest
 * (scikit-learn's isolation trees with its random draws), each reproducing the reference's float
 * arithmetic so that scores and their tie order match.
 */
package org.cleanrank.outlier;
