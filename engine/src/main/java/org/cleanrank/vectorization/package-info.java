/**
 * The hot kernels of the engine, each in a plain-Java twin and a Panama (jdk.incubator.vector) twin that give the
 * same bits: embedding distances, Hamming distances, fast SSIM, scikit-image SSIM, the pHash DCT and squared
 * Euclidean distances, with the per-image layouts they read. {@link org.cleanrank.vectorization.VectorizationProvider}
 * picks the implementation once per process ({@code -Dcleanrank.kernels=plain|panama} forces one). The package
 * depends on no package that uses it, so every caller can reach it without an import cycle.
 */
package org.cleanrank.vectorization;
