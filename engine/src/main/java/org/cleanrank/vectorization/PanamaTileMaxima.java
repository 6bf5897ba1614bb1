package org.cleanrank.vectorization;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD twin of {@link TileMaxima}: a vector of columns (8 or 16) per instruction. Maxima are taken with a
 * compare-and-blend (values are finite, so this equals the plain twin's {@code >} test exactly);
 * columns past the last whole vector go through the plain loop.
 */
final class PanamaTileMaxima implements TileMaxima {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    public void maxima(float[] sim, int width, int rows, int cols, float[] rowMax, float[] colMax) {
        java.util.Arrays.fill(colMax, 0, cols, Float.NEGATIVE_INFINITY);
        int vectorCols = cols - cols % L;
        FloatVector lowest = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            FloatVector rowAcc = lowest;
            for (int c = 0; c < vectorCols; c += L) {
                FloatVector v = FloatVector.fromArray(S, sim, base + c);
                rowAcc = rowAcc.blend(v, v.compare(VectorOperators.GT, rowAcc));
                FloatVector col = FloatVector.fromArray(S, colMax, c);
                VectorMask<Float> up = v.compare(VectorOperators.GT, col);
                col.blend(v, up).intoArray(colMax, c);
            }
            rowMax[r] =
                    TileMaxima.scalarPart(sim, base, vectorCols, cols, rowAcc.reduceLanes(VectorOperators.MAX), colMax);
        }
    }
}
