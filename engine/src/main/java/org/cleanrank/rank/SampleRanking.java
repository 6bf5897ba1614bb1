package org.cleanrank.rank;

/**
 * Samples in audit order, most suspicious first, each with the score the detector's reference reports
 * (for SelfClean's LAD: the running area sum; for label errors: the intra/extra distance ratio).
 */
public record SampleRanking(int[] indices, double[] scores) {
    public SampleRanking {
        if (indices.length != scores.length) {
            throw new IllegalArgumentException("indices and scores differ in length");
        }
    }

    public int size() {
        return indices.length;
    }

    public int index(int rank) {
        return indices[rank];
    }

    public double score(int rank) {
        return scores[rank];
    }
}
