package org.cleanrank.vectorization;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link IntraExtraKernel}: per vector of columns, a label mask splits the distances into
 * same-label and other-label lanes (the others set to the identity of min or max), so every column
 * accumulator is updated with one min or max and no branch. The columns past the last whole vector go
 * through the plain twin.
 */
final class PanamaIntraExtraKernel implements IntraExtraKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = VectorSpecies.of(int.class, S.vectorShape());
    private static final int L = S.length();
    private static final FloatVector INF = FloatVector.broadcast(S, Float.POSITIVE_INFINITY);
    private static final FloatVector NEG_INF = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);

    @Override
    public void row(float[] d, int off, int from, int to, int label, int[] labels, Accumulators acc) {
        float[] minSame = acc.minSame, minDiff = acc.minDiff, maxDiff = acc.maxDiff;
        FloatVector same = INF, diff = INF, max = NEG_INF;
        int j = from;
        for (; j + L <= to; j += L) {
            FloatVector v = FloatVector.fromArray(S, d, off + j - from);
            VectorMask<Float> isSame = IntVector.fromArray(I, labels, j)
                    .compare(VectorOperators.EQ, label)
                    .cast(S);
            FloatVector vSame = INF.blend(v, isSame);
            FloatVector vDiffLow = v.blend(INF, isSame);
            FloatVector vDiffHigh = v.blend(NEG_INF, isSame);
            same = same.min(vSame);
            diff = diff.min(vDiffLow);
            max = max.max(vDiffHigh);
            FloatVector.fromArray(S, minSame, j).min(vSame).intoArray(minSame, j);
            FloatVector.fromArray(S, minDiff, j).min(vDiffLow).intoArray(minDiff, j);
            FloatVector.fromArray(S, maxDiff, j).max(vDiffHigh).intoArray(maxDiff, j);
        }
        acc.rowMinSame = Math.min(acc.rowMinSame, same.reduceLanes(VectorOperators.MIN));
        acc.rowMinDiff = Math.min(acc.rowMinDiff, diff.reduceLanes(VectorOperators.MIN));
        acc.rowMaxDiff = Math.max(acc.rowMaxDiff, max.reduceLanes(VectorOperators.MAX));
        if (j < to) {
            PLAIN.row(d, off + j - from, j, to, label, labels, acc);
        }
    }

    @Override
    public String name() {
        return "panama-" + L + "x32";
    }
}
