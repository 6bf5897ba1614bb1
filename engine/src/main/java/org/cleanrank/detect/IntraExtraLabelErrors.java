package org.cleanrank.detect;

import it.unimi.dsi.fastutil.ints.IntArrays;
import org.cleanrank.rank.SampleRanking;

/**
 * SelfClean's label-error ranking by the intra/extra distance ratio
 * ({@code IntraExtraDistanceLabelErrorMixin}): for each sample, {@code min_diff² / (min_same² + min_diff²)}
 * in float32, where min_same is the distance to the closest other sample of its label (or, when it has
 * none, its largest distance to a sample of another label) and min_diff the distance to the closest
 * sample of another label. Ranked ascending, ties by index (Python's stable sort).
 *
 * <p><b>NaN.</b> A sample with an exact copy of its own label <em>and</em> an exact copy of another
 * label scores 0/0 = NaN. The reference sorts a Python list with NaN keys, which has no defined result:
 * every comparison with NaN is false, so the NaNs stay where the sort happens to leave them and split the
 * list into runs that are not merged in order ({@code sorted} on scores 0.5, NaN, 0.2, 0.1 gives 0, 1, 3,
 * 2). We rank NaN scores <em>first</em>, by index (an identical image carrying another label is the
 * strongest label-conflict evidence there is), then the other samples exactly as the reference orders a
 * list without NaN: ascending, ties by index.
 */
public final class IntraExtraLabelErrors {
    private IntraExtraLabelErrors() {}

    /** Scores, indexed by sample, from merged reductions. */
    public static float[] scores(IntraExtraReductions r) {
        int n = r.minSame.length;
        float[] s = new float[n];
        for (int i = 0; i < n; i++) {
            float same = r.minSame[i] == Float.POSITIVE_INFINITY ? r.maxDiff[i] : r.minSame[i];
            float diff = r.minDiff[i];
            s[i] = (diff * diff) / (same * same + diff * diff);
        }
        return s;
    }

    /** The ranking: NaN scores first by index, then the others by ascending score, ties by index. */
    public static SampleRanking rank(float[] scores) {
        int n = scores.length;
        int[] order = new int[n];
        int nan = 0;
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(scores[i])) {
                order[nan++] = i;
            }
        }
        for (int i = 0, k = nan; i < n; i++) {
            if (!Float.isNaN(scores[i])) {
                order[k++] = i;
            }
        }
        // stable, and -0.0 == 0.0 as in Python (Float.compare would split them)
        IntArrays.mergeSort(order, nan, n, (a, b) -> scores[a] < scores[b] ? -1 : (scores[a] > scores[b] ? 1 : 0));
        double[] sc = new double[n];
        for (int r = 0; r < n; r++) {
            sc[r] = scores[order[r]];
        }
        return new SampleRanking(order, sc);
    }
}
