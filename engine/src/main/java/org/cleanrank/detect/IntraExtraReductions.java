package org.cleanrank.detect;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.cleanrank.pairs.PairConsumer;
import org.cleanrank.vectorization.IntraExtraKernel;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * Per-sample reductions the intra/extra distance ratio needs, gathered from the pair stream: the
 * smallest distance to another sample of the same label, the smallest and the largest distance to a
 * sample of another label. One instance per worker; {@link #merge} combines them (min and max do not
 * depend on order, so the result is deterministic).
 */
public final class IntraExtraReductions implements PairConsumer {
    private final int[] labels;
    final float[] minSame;
    final float[] minDiff;
    final float[] maxDiff;
    private final IntraExtraKernel kernel = VectorizationProvider.getInstance().intraExtra();
    private final float[] rowAcc = new float[3];

    public IntraExtraReductions(int[] labels) {
        this.labels = labels;
        int n = labels.length;
        minSame = new float[n];
        minDiff = new float[n];
        maxDiff = new float[n];
        Arrays.fill(minSame, Float.POSITIVE_INFINITY);
        Arrays.fill(minDiff, Float.POSITIVE_INFINITY);
        Arrays.fill(maxDiff, Float.NEGATIVE_INFINITY);
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] d, int width) {
        for (int i = i0; i < i1; i++) {
            int from = Math.max(j0, i + 1);
            if (from >= j1) {
                continue;
            }
            rowAcc[IntraExtraKernel.MIN_SAME] = minSame[i];
            rowAcc[IntraExtraKernel.MIN_DIFF] = minDiff[i];
            rowAcc[IntraExtraKernel.MAX_DIFF] = maxDiff[i];
            kernel.row(d, (i - i0) * width + from - j0, from, j1, labels[i], labels, minSame, minDiff, maxDiff, rowAcc);
            minSame[i] = rowAcc[IntraExtraKernel.MIN_SAME];
            minDiff[i] = rowAcc[IntraExtraKernel.MIN_DIFF];
            maxDiff[i] = rowAcc[IntraExtraKernel.MAX_DIFF];
        }
    }

    /** Folds the other workers' reductions into the first one and returns it. */
    public static IntraExtraReductions merge(List<IntraExtraReductions> parts) {
        IntraExtraReductions into = parts.get(0);
        for (int p = 1; p < parts.size(); p++) {
            IntraExtraReductions o = parts.get(p);
            into.absorb(o.minSame, o.minDiff, o.maxDiff, i -> i);
        }
        return into;
    }

    /**
     * Folds reductions of other rows into these: row {@code r} of the given arrays is row
     * {@code row.applyAsInt(r)} here (a share's local rows, see {@link org.cleanrank.pairs.BlockPair}).
     * Minima and maxima: the values do not depend on the order of the folds.
     */
    void absorb(float[] otherMinSame, float[] otherMinDiff, float[] otherMaxDiff, IntUnaryOperator row) {
        for (int r = 0; r < otherMinSame.length; r++) {
            int i = row.applyAsInt(r);
            minSame[i] = Math.min(minSame[i], otherMinSame[r]);
            minDiff[i] = Math.min(minDiff[i], otherMinDiff[r]);
            maxDiff[i] = Math.max(maxDiff[i], otherMaxDiff[r]);
        }
    }
}
