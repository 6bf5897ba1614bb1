package org.cleanrank.parity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NumpyRandomStateTest {
    /** numpy 1.24.2: RandomState(0).randint(2147483647) x5, and each as a seed -> randint(0, 2**31-1). */
    @Test
    void numpyRandomStateMatchesNumpy() {
        NumpyRandomState rs = new NumpyRandomState(0);
        long[] seeds = new long[5];
        for (int i = 0; i < 5; i++) {
            seeds[i] = rs.randint(Integer.MAX_VALUE);
        }
        assertArrayEquals(new long[] {209652396, 398764591, 924231285, 1478610112, 441365315}, seeds);
        long[] states = Arrays.stream(seeds)
                .map(s -> new NumpyRandomState(s).randint(0, 0x7FFFFFFF))
                .toArray();
        assertArrayEquals(new long[] {2087557356, 132990059, 1109697837, 123230084, 633163265}, states);
        // rs = RandomState(12345); a = np.arange(10); rs.shuffle(a); rs.randint(0, 7); rs.randint(1000)
        NumpyRandomState r2 = new NumpyRandomState(12345);
        int[] a = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        r2.shuffle(a);
        assertArrayEquals(new int[] {0, 7, 3, 9, 6, 4, 1, 8, 5, 2}, a);
        assertEquals(2, r2.randint(0, 7));
        assertEquals(541, r2.randint(1000));
    }
}
