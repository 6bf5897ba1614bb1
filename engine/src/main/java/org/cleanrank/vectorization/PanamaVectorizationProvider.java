package org.cleanrank.vectorization;

import jdk.incubator.vector.FloatVector;

/**
 * The jdk.incubator.vector twins, made by {@link VectorizationProvider} by class name only when the module is
 * present. The Panama twins work on 256-bit vectors or wider (the embedding, linkage, intra/extra and kNN-maxima twins
 * take the CPU's preferred width: 512 bits with AVX-512), so this provider refuses a CPU whose preferred vectors
 * are narrower than 256 bits.
 *
 * <p>Per family: the Panama twin for embeddings, fast SSIM, scikit-image SSIM, the DCT and squared Euclidean
 * distances (each measured faster, see results/). Hamming keeps the plain twin: AVX2 has no vector popcount, so
 * {@code Long.bitCount} (one POPCNT per hash pair) beats the lane-wise BIT_COUNT (all-pairs Hamming of 100,000
 * hashes: 7.16 s plain vs 11.1 s Panama, results/README.md); {@code -Dcleanrank.kernels.hamming=panama} picks
 * the Panama one to measure it again (e.g. on a CPU with AVX-512 VPOPCNTDQ).
 */
final class PanamaVectorizationProvider extends VectorizationProvider {
    /**
     * @param panamaHamming the Panama Hamming twin instead of the plain one
     * @throws UnsupportedOperationException when the CPU's preferred vectors are narrower than 256 bits
     */
    PanamaVectorizationProvider(boolean panamaHamming) {
        int bits = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        if (bits < 256) {
            throw new UnsupportedOperationException(
                    "the CPU has " + bits + "-bit vectors, the Panama kernels need 256");
        }
        super(
                "panama",
                new Twins(
                        new PanamaEmbeddingKernels(),
                        panamaHamming
                                ? new PanamaHammingKernels()
                                : DefaultVectorizationProvider.INSTANCE.hammingKernels(),
                        new PanamaFastSsim(),
                        new PanamaSkimageSsim(),
                        new PanamaLowFrequencyDct(),
                        new PanamaSquaredEuclidean(),
                        new PanamaTileMaxima(),
                        new PanamaBlockLaneOps(),
                        new PanamaIntraExtraKernel()));
    }
}
