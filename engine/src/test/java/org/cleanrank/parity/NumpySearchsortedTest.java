package org.cleanrank.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumpySearchsortedTest {
    @Test
    void leftSideCountsTheValuesStrictlyBelow() {
        double[] a = {1, 2, 2, 2, 5};
        // np.searchsorted([1, 2, 2, 2, 5], [0, 1, 1.5, 2, 3, 5, 6], side='left') -> [0, 0, 1, 1, 4, 4, 5]
        double[] v = {0, 1, 1.5, 2, 3, 5, 6};
        int[] expected = {0, 0, 1, 1, 4, 4, 5};
        for (int i = 0; i < v.length; i++) {
            assertEquals(expected[i], NumpySearchsorted.left(a, v[i]), "v = " + v[i]);
        }
        assertEquals(0, NumpySearchsorted.left(new double[0], 3));
    }
}
