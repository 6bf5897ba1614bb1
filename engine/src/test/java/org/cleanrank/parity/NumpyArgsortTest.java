package org.cleanrank.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.cleanrank.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumpyArgsortTest {

    /** The golden README: every PyOD ranking is np.argsort(-decision_scores_), ties in quicksort order. */
    @ParameterizedTest
    @CsvSource({
        "synth_n600_d64_seed1,knn",
        "synth_n600_d64_seed1,ecod",
        "synth_n600_d64_seed1,hbos",
        "synth_n600_d64_seed1,iforest",
        "synth_n2000_d384_seed2,knn",
        "synth_n2000_d384_seed2,ecod",
        "synth_n2000_d384_seed2,hbos",
        "synth_n2000_d384_seed2,iforest"
    })
    void reproducesPyodRankingsWithTies(String c, String name) {
        Path dir = Fixtures.golden("baselines", c);
        double[] scores = Fixtures.doubles(dir.resolve("pyod_" + name + "_scores.npy"));
        int[] expected = Fixtures.ints(dir.resolve("pyod_" + name + "_ranking.npy"));
        assertArrayEquals(expected, NumpyArgsort.quicksortDescending(scores));
    }

    /** Values printed by numpy 1.24.2: np.argsort(np.array([...])) for a small tied array and a 40-long one. */
    @Test
    void matchesNumpyOnTiedArrays() {
        double[] small = {3, 1, 2, 1, 3, 0, 2, 1};
        assertArrayEquals(new int[] {5, 1, 3, 7, 2, 6, 0, 4}, NumpyArgsort.quicksort(small));
        double[] tied = new double[40];
        for (int i = 0; i < tied.length; i++) {
            tied[i] = (i * 7) % 5;
        }
        assertArrayEquals(NUMPY_40, NumpyArgsort.quicksort(tied));
    }

    // python3 -c "import numpy as np; print(list(np.argsort(np.array([(i*7)%5 for i in range(40)], float))))"
    private static final int[] NUMPY_40 = {
        0, 20, 15, 30, 10, 25, 35, 5, 23, 8, 33, 28, 13, 3, 38, 18, 6, 21, 1, 36, 16, 26, 11, 31, 34, 29, 19, 14, 9, 4,
        24, 39, 27, 22, 17, 12, 32, 7, 2, 37
    };

    /** np.argsort of 300 integers in [0, 60) drawn by numpy.random.default_rng(0), as numpy 1.24.2 printed it. */
    @Test
    void matchesNumpyOnManyTies() {
        double[] v = {
            51, 38, 30, 16, 18, 2, 4, 0, 10, 48, 38, 54, 30, 36, 58, 43, 37, 32, 33, 56, 16, 48, 40, 0, 23, 51, 33, 2,
            45, 43, 50, 10, 5, 51, 1, 32, 4, 17, 28, 25, 24, 1, 0, 7, 0, 40, 31, 38, 15, 36, 45, 23, 27, 59, 48, 58, 22,
            41, 57, 39, 50, 41, 42, 23, 52, 8, 34, 43, 50, 31, 22, 18, 25, 29, 43, 53, 4, 56, 31, 21, 40, 34, 15, 19,
            43, 35, 30, 20, 45, 23, 19, 53, 15, 13, 42, 37, 2, 5, 22, 49, 24, 47, 18, 14, 47, 52, 4, 3, 40, 20, 34, 9,
            51, 27, 53, 47, 42, 13, 46, 3, 34, 24, 59, 11, 56, 5, 37, 34, 53, 17, 54, 40, 53, 11, 45, 56, 2, 21, 38, 6,
            30, 37, 45, 55, 24, 26, 28, 57, 11, 29, 2, 25, 56, 37, 20, 59, 36, 56, 0, 27, 50, 45, 24, 29, 25, 31, 13,
            47, 4, 24, 16, 44, 44, 42, 55, 55, 11, 6, 7, 43, 58, 55, 40, 58, 52, 0, 7, 51, 4, 58, 49, 57, 21, 8, 31, 58,
            22, 53, 23, 49, 13, 28, 19, 13, 53, 48, 8, 55, 58, 15, 25, 32, 39, 26, 8, 55, 41, 2, 48, 43, 10, 36, 30, 1,
            55, 43, 18, 0, 5, 45, 8, 30, 53, 55, 16, 3, 29, 50, 37, 4, 39, 20, 13, 25, 52, 57, 8, 33, 45, 15, 16, 14,
            12, 53, 13, 13, 7, 7, 46, 17, 48, 35, 51, 33, 45, 48, 3, 33, 27, 17, 27, 24, 29, 49, 49, 37, 42, 57, 38, 22,
            4, 33, 13, 35, 1, 50, 56, 8, 49, 24, 2, 54, 56, 2, 35, 49, 47, 24, 51, 49
        };
        assertArrayEquals(
                new int[] {
                    44, 227, 158, 185, 7, 23, 42, 223, 34, 41, 284, 290, 96, 136, 5, 27, 293, 217, 150, 235, 266, 119,
                    107, 106, 6, 239, 280, 168, 36, 76, 188, 97, 125, 32, 228, 177, 139, 178, 257, 256, 43, 186, 246,
                    230, 287, 214, 206, 65, 193, 111, 31, 8, 220, 176, 148, 123, 133, 252, 254, 255, 200, 93, 166, 282,
                    203, 242, 117, 251, 103, 249, 92, 209, 48, 82, 20, 3, 234, 250, 170, 259, 37, 129, 269, 4, 71, 226,
                    102, 90, 202, 83, 154, 241, 87, 109, 79, 192, 137, 56, 279, 196, 70, 98, 89, 24, 51, 63, 198, 121,
                    289, 40, 100, 144, 271, 297, 169, 162, 151, 164, 39, 72, 243, 210, 145, 213, 268, 113, 270, 52, 159,
                    201, 38, 146, 236, 163, 149, 73, 272, 222, 2, 86, 140, 12, 231, 46, 69, 165, 194, 78, 211, 17, 35,
                    267, 247, 26, 18, 263, 281, 120, 66, 81, 127, 110, 294, 85, 261, 283, 49, 221, 13, 156, 275, 16,
                    141, 95, 126, 153, 238, 138, 278, 47, 10, 1, 212, 240, 59, 131, 108, 22, 80, 182, 45, 57, 61, 216,
                    276, 62, 94, 116, 173, 219, 74, 84, 225, 67, 15, 29, 179, 171, 172, 142, 264, 229, 161, 88, 50, 134,
                    248, 28, 258, 118, 296, 115, 101, 167, 104, 9, 260, 21, 218, 265, 205, 54, 288, 295, 273, 274, 299,
                    99, 199, 190, 237, 30, 285, 60, 68, 160, 25, 33, 112, 298, 262, 187, 0, 105, 184, 64, 244, 232, 204,
                    75, 91, 114, 128, 132, 197, 253, 11, 130, 291, 143, 233, 181, 224, 175, 207, 215, 174, 135, 152, 77,
                    292, 157, 124, 19, 286, 58, 147, 191, 277, 245, 55, 189, 183, 195, 14, 208, 180, 53, 122, 155
                },
                NumpyArgsort.quicksort(v));
    }

    @Test
    void sortsRandomInputsWithNaNLast() {
        Random r = new Random(5);
        for (int t = 0; t < 200; t++) {
            int n = r.nextInt(300);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextInt(10) == 0 ? Double.NaN : r.nextInt(20);
            }
            int[] idx = NumpyArgsort.quicksort(v);
            boolean[] seen = new boolean[n];
            for (int k = 0; k < n; k++) {
                seen[idx[k]] = true;
                if (k > 0) {
                    assertTrue(!NumpyArgsort.less(v[idx[k]], v[idx[k - 1]]), "sorted at " + k);
                }
            }
            for (boolean s : seen) {
                assertTrue(s);
            }
        }
    }
}
