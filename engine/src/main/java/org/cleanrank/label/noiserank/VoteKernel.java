package org.cleanrank.label.noiserank;

/** The distance fed to NoiseRank's vote weight {@code 1 / (b + distance^e)}. */
public enum VoteKernel {
    /**
     * The reference: the distances faiss returns, which are SQUARED L2 distances, so the weight is
     * {@code 1 / (b + |p - x|^(2e))}. Default.
     */
    SQUARED_L2_AS_FAISS,
    /**
     * NOT the reference: the plain L2 distance {@code |p - x|} (the square root of faiss' squared distance),
     * as the kernel's description in the paper and the reference's docstring suggest. Changes predictions
     * where near and far neighbours of different labels compete (see {@code noiserank_vote_probe}).
     */
    PLAIN_L2
}
