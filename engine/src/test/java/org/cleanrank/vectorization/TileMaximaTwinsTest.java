package org.cleanrank.vectorization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pre-filter's twins give the exact row and column maxima, also on ragged tiles and repeated values. */
class TileMaximaTwinsTest extends BaseVectorizationTestCase {
    @ParameterizedTest
    @CsvSource({"128,128,128", "1,1,8", "7,13,16", "128,5,8", "33,121,128", "3,64,64"})
    void twinsTakeTheExactMaxima(int rows, int cols, int width) {
        TileMaxima plain = plainProvider().tileMaxima(),
                panama = panamaProvider().tileMaxima();
        Random r = new Random(rows * 131L + cols);
        float[] sim = new float[rows * width];
        for (int c = 0; c < sim.length; c++) {
            sim[c] = r.nextInt(4) == 0 ? 0.25f : (float) r.nextGaussian(); // repeats, and padding garbage
        }
        float[] rowA = new float[rows], colA = new float[cols], rowB = new float[rows], colB = new float[cols];
        Arrays.fill(colB, 99f); // stale maxima from an earlier tile must not survive
        plain.maxima(sim, width, rows, cols, rowA, colA);
        panama.maxima(sim, width, rows, cols, rowB, colB);
        assertArrayEquals(rowA, rowB);
        assertArrayEquals(colA, colB);
        for (int i = 0; i < rows; i++) {
            float m = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                m = Math.max(m, sim[i * width + j]);
            }
            assertEquals(m, rowA[i], "row " + i);
        }
        for (int j = 0; j < cols; j++) {
            float m = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < rows; i++) {
                m = Math.max(m, sim[i * width + j]);
            }
            assertEquals(m, colA[j], "column " + j);
        }
    }
}
