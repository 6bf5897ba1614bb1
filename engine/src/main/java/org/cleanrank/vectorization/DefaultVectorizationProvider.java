package org.cleanrank.vectorization;

/** The plain-Java twins of every family: always available, the obviously-correct reference. */
final class DefaultVectorizationProvider extends VectorizationProvider {
    static final DefaultVectorizationProvider INSTANCE = new DefaultVectorizationProvider();

    private DefaultVectorizationProvider() {
        super(
                "plain",
                new Twins(
                        new PlainEmbeddingKernels(),
                        new PlainHammingKernels(),
                        new PlainFastSsim(),
                        new PlainSkimageSsim(),
                        new PlainLowFrequencyDct(),
                        new PlainSquaredEuclidean(),
                        TileMaxima.PLAIN,
                        new PlainBlockLaneOps(),
                        IntraExtraKernel.PLAIN));
    }
}
