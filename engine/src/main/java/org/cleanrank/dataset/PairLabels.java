package org.cleanrank.dataset;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import org.cleanrank.CleanRankException;
import org.cleanrank.eval.NearDuplicateEvaluation;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.rank.PairRanking;

/**
 * Near-duplicate ground truth per sample pair, as CleanPatrick's {@code nd_matrix}: 1 = near-duplicate,
 * 0 = annotated negative, NaN = not annotated (and always NaN on the diagonal). Symmetric.
 *
 * <p>Held without an N x N matrix ({@link AnnotatedPairLabels}: a hash map of the annotated pairs;
 * {@link CliquePairLabels}: one clique id per sample), so Fitzpatrick17k's N = 16,577 costs little;
 * {@link #dense()} gives the matrix that {@link NearDuplicateEvaluation} takes when N is small.
 */
public interface PairLabels {
    /** Number of samples. */
    int n();

    /** 1.0, 0.0 or NaN (not annotated; i == j). */
    double label(int i, int j);

    /**
     * True when every pair has a label (0 unless in the same clique): the consolidated table, which
     * cannot tell annotated negatives from unannotated pairs. False for the three-file release.
     */
    boolean everyPairLabelled();

    /** Pairs (i &lt; j) labelled 0 or 1. */
    long annotatedPairCount();

    /** Pairs (i &lt; j) labelled 1. */
    long positivePairCount();

    /**
     * The annotated pairs in the order {@code np.tril_indices(n, k=-1)} visits them (row i &gt; column j,
     * row-major): the order {@code get_sorted_labels} sorts from.
     */
    AnnotatedPairs lowerTriangle();

    /** Pairs and labels in parallel arrays, {@code rows[k] > cols[k]}. */
    record AnnotatedPairs(int[] rows, int[] cols, byte[] labels) {
        public int size() {
            return rows.length;
        }
    }

    /** A distance between two samples (a matrix, embeddings, hashes...). */
    @FunctionalInterface
    interface PairDistance {
        double between(int i, int j);
    }

    /**
     * CleanPatrick's {@code get_sorted_labels(nd_matrix, distance)}: the annotated pairs' labels ordered by
     * ascending distance, ties in numpy 1.24's quicksort order ({@link NumpyArgsort#quicksort}), so the
     * result equals the reference's index for index. Distances are asked only for annotated pairs.
     */
    default int[] sortedLabels(PairDistance distance) {
        AnnotatedPairs p = lowerTriangle();
        int[] labels = new int[p.size()];
        for (int k = 0; k < labels.length; k++) {
            labels[k] = p.labels()[k];
        }
        return NearDuplicateEvaluation.sortedLabels(
                new NearDuplicateEvaluation.AnnotatedPairs(p.rows(), p.cols(), labels), distance::between);
    }

    /** {@link #sortedLabels(PairDistance)} from an n x n row-major distance matrix. */
    default int[] sortedLabels(float[] matrix) {
        int n = n();
        if (matrix.length != (long) n * n) {
            throw new IllegalArgumentException(
                    "distance matrix has " + matrix.length + " entries, expected " + n + " x " + n);
        }
        return sortedLabels((i, j) -> matrix[i * n + j]);
    }

    /**
     * The truth vector for {@link org.cleanrank.eval.RankingMetrics}: the labels of the ranking's pairs in
     * rank order, unannotated pairs skipped (as {@code get_sorted_labels} drops NaN labels). For a ranking
     * of all pairs by ascending distance this is {@code get_sorted_labels} up to the order of tied pairs;
     * for a top-K ranking it is the annotated pairs among the K.
     */
    default int[] truthInRankingOrder(PairRanking ranking) {
        IntArrayList out = new IntArrayList();
        for (int r = 0; r < ranking.size(); r++) {
            double v = label(ranking.i(r), ranking.j(r));
            if (!Double.isNaN(v)) {
                out.add((int) v);
            }
        }
        return out.toIntArray();
    }

    /** Largest N for {@link #dense()} (8 N^2 bytes = 512 MiB); beyond, use the sparse forms. */
    int DENSE_MAX_N = 8_192;

    /**
     * The n x n row-major matrix, exactly the reference's {@code nd_matrix.values} (NaN diagonal), in
     * the form {@link NearDuplicateEvaluation#sortedLabels} reads. Costs 8 n^2 bytes: for large N use
     * {@link #sortedLabels(PairDistance)} or {@link #truthInRankingOrder(PairRanking)}.
     */
    default double[] dense() {
        int n = n();
        if (n > DENSE_MAX_N) {
            throw new CleanRankException("a dense " + n + " x " + n + " pair-label matrix does not fit in memory; "
                    + "evaluate with sortedLabels(distance) or truthInRankingOrder(ranking) instead");
        }
        double[] m = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i * n + j] = label(i, j);
            }
        }
        return m;
    }
}
