package org.cleanrank.detect;

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
    private final IntraExtraKernel kernel = VectorizationProvider.getInstance().intraExtra();
    private final IntraExtraKernel.Accumulators acc;
    final float[] minSame;
    final float[] minDiff;
    final float[] maxDiff;

    public IntraExtraReductions(int[] labels) {
        this.labels = labels;
        acc = new IntraExtraKernel.Accumulators(labels.length);
        minSame = acc.minSame;
        minDiff = acc.minDiff;
        maxDiff = acc.maxDiff;
    }

    @Override
    public void tile(int i0, int i1, int j0, int j1, float[] d, int width) {
        for (int i = i0; i < i1; i++) {
            int from = Math.max(j0, i + 1);
            if (from >= j1) {
                continue;
            }
            acc.rowMinSame = minSame[i];
            acc.rowMinDiff = minDiff[i];
            acc.rowMaxDiff = maxDiff[i];
            kernel.row(d, (i - i0) * width + from - j0, from, j1, labels[i], labels, acc);
            minSame[i] = acc.rowMinSame;
            minDiff[i] = acc.rowMinDiff;
            maxDiff[i] = acc.rowMaxDiff;
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
