package org.cleanrank.parity;

import java.util.Arrays;

/**
 * scikit-learn 1.2.1's {@code sklearn.utils.random.sample_without_replacement(n_population, n_samples,
 * method='auto')}, draw for draw on numpy's legacy RandomState: with ratio = n_samples / n_population,
 * {@code permutation(n_population)[:n_samples]} if 0.01 &lt; ratio &lt; 0.99, else tracking selection
 * (ratio &lt; 0.2: {@code randint(n_population)} until an unseen index) or reservoir sampling (no draw at
 * all when n_samples == n_population).
 */
public final class SampleWithoutReplacement {
    private SampleWithoutReplacement() {}

    public static int[] draw(int nPopulation, int nSamples, NumpyRandomState rng) {
        double ratio = nPopulation != 0 ? (double) nSamples / nPopulation : 1.0;
        if (ratio > 0.01 && ratio < 0.99) {
            int[] perm = new int[nPopulation];
            for (int i = 0; i < nPopulation; i++) {
                perm[i] = i;
            }
            rng.shuffle(perm);
            return Arrays.copyOf(perm, nSamples);
        }
        int[] out = new int[nSamples];
        if (ratio < 0.2) {
            boolean[] selected = new boolean[nPopulation];
            for (int i = 0; i < nSamples; i++) {
                int j;
                do {
                    j = (int) rng.randint(nPopulation);
                } while (selected[j]);
                selected[j] = true;
                out[i] = j;
            }
            return out;
        }
        for (int i = 0; i < nSamples; i++) {
            out[i] = i;
        }
        for (int i = nSamples; i < nPopulation; i++) {
            int j = (int) rng.randint(0, i + 1);
            if (j < nSamples) {
                out[j] = i;
            }
        }
        return out;
    }

    /** The drawn rows in increasing order: sklearn fits on all rows with weight 0 outside the draw, and the splitter keeps the others in row order. */
    public static int[] sortedRows(int nPopulation, int[] drawn) {
        boolean[] in = new boolean[nPopulation];
        for (int r : drawn) {
            in[r] = true;
        }
        int[] rows = new int[drawn.length];
        int k = 0;
        for (int r = 0; r < nPopulation; r++) {
            if (in[r]) {
                rows[k++] = r;
            }
        }
        return rows;
    }
}
