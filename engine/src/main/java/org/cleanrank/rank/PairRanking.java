package org.cleanrank.rank;

/** Sample pairs (i &lt; j, 0-based) in audit order, closest first, with their distances. */
public interface PairRanking {
    int size();

    int i(int rank);

    int j(int rank);

    float distance(int rank);

    /** A ranking held in three parallel arrays. */
    static PairRanking of(int[] i, int[] j, float[] d) {
        return new ArrayPairRanking(i, j, d);
    }

    record ArrayPairRanking(int[] is, int[] js, float[] ds) implements PairRanking {
        @Override
        public int size() {
            return is.length;
        }

        @Override
        public int i(int rank) {
            return is[rank];
        }

        @Override
        public int j(int rank) {
            return js[rank];
        }

        @Override
        public float distance(int rank) {
            return ds[rank];
        }
    }
}
