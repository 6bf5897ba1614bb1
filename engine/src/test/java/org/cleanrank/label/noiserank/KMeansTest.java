package org.cleanrank.label.noiserank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;
import org.junit.jupiter.api.Test;

/** Unit checks of the sklearn-style k-means and the per-class prototypes. */
class KMeansTest {
    /** 4 well-separated Gaussian blobs in 8-d, 30 points each (sd 0.1, centres 10 apart). */
    static final float[][] BLOB_CENTRES = {
        {10, 0, 0, 0, 0, 0, 0, 0}, {0, 10, 0, 0, 0, 0, 0, 0}, {0, 0, -10, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 10}
    };

    static FloatMatrix blobs(long seed) {
        Random rnd = new Random(seed);
        int per = 30;
        int d = 8;
        float[] data = new float[BLOB_CENTRES.length * per * d];
        int row = 0;
        for (int i = 0; i < per; i++) {
            for (float[] c : BLOB_CENTRES) {
                for (int k = 0; k < d; k++) {
                    data[row * d + k] = c[k] + (float) (0.1 * rnd.nextGaussian());
                }
                row++;
            }
        }
        return new FloatMatrix(row, d, data);
    }

    @Test
    void findsWellSeparatedBlobs() {
        FloatMatrix x = blobs(7);
        KMeans.Result r = new KMeans(4).fit(x, 42);
        FloatMatrix c = r.centers();
        assertEquals(4, c.rows());
        boolean[] found = new boolean[4];
        for (int j = 0; j < 4; j++) {
            for (int b = 0; b < 4; b++) {
                double dist = 0;
                for (int k = 0; k < 8; k++) {
                    double t = c.get(j, k) - BLOB_CENTRES[b][k];
                    dist += t * t;
                }
                if (Math.sqrt(dist) < 0.1) {
                    found[b] = true;
                }
            }
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, found, "every blob centre found");
        // samples are interleaved blob 0,1,2,3,0,1,...: each blob is one cluster
        for (int i = 4; i < x.rows(); i++) {
            assertEquals(r.labels()[i % 4], r.labels()[i], "sample " + i);
        }
        assertEquals(4, Arrays.stream(r.labels()).distinct().count());
        assertTrue(r.inertia() < 120 * 8 * 0.01 * 1.5, "inertia ~ n d sd^2, got " + r.inertia());
    }

    @Test
    void sameSeedSameCentres() {
        FloatMatrix x = blobs(3);
        KMeans km = new KMeans(6);
        assertArrayEquals(
                km.fit(x, 42).centers().data(), km.fit(x, 42).centers().data());
        // a different seed starts elsewhere: with 6 clusters on 4 blobs the split blobs differ or at least the order
        assertFalse(Arrays.equals(
                km.fit(x, 42).centers().data(), km.fit(x, 1).centers().data()));
    }

    @Test
    void tenInitsNoWorseThanTheFirstAlone() {
        FloatMatrix x = blobs(11);
        for (long seed = 0; seed < 5; seed++) {
            double single = new KMeans(7, 1, 300, 1e-4).fit(x, seed).inertia();
            double best = new KMeans(7).fit(x, seed).inertia();
            assertTrue(best <= single, "seed " + seed + ": " + best + " > " + single);
        }
    }

    @Test
    void prototypesPerClassAsReference() {
        // rho = mean class count; kp = max(floor(sqrt(rho / 2)), 1)
        int[] fifty = new int[100];
        for (int i = 0; i < 100; i++) {
            fifty[i] = i % 2; // rho = 50 -> sqrt(25) = 5
        }
        assertEquals(5, KMeansPrototypes.prototypesPerClass(fifty));
        assertEquals(1, KMeansPrototypes.prototypesPerClass(new int[] {0, 1, 2, 0}));
    }

    @Test
    void prototypesDoNotDependOnThreads() {
        FloatMatrix x = blobs(5);
        int[] labels = new int[x.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (i / 3) % 3;
        }
        Prototypes one = new KMeansPrototypes(42, 1).generate(x, labels);
        Prototypes two = new KMeansPrototypes(42, 2).generate(x, labels);
        assertArrayEquals(one.centers().data(), two.centers().data());
        assertArrayEquals(one.labels(), two.labels());
        // 120 samples, 3 classes of 40: kp = floor(sqrt(20)) = 4 per class
        assertEquals(4, one.perClass());
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}, one.labels());
    }

    /**
     * Reference quirk: classes are 0..C-1 with C = number of distinct labels; label 5 of {0, 1, 5} gets no
     * prototypes (silently in the reference; reported here), and the empty class 2 counts in the mean.
     */
    @Test
    void labelsAtOrAboveClassCountGetNoPrototypes() {
        FloatMatrix x = blobs(9);
        int[] labels = new int[x.rows()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 4 == 3 ? 5 : i % 4 == 2 ? 1 : i % 4; // counts: 0 -> 30, 1 -> 60, 5 -> 30
        }
        Prototypes p = new KMeansPrototypes(42, 2).generate(x, labels);
        assertArrayEquals(new int[] {5}, p.labelsWithoutPrototypes());
        // C = 3: rho = (30 + 60 + 0) / 3 = 30 -> floor(sqrt(15)) = 3
        assertEquals(3, p.perClass());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1}, p.labels());
        // the samples labelled 5 are still scored
        assertEquals(x.rows(), new NoiseRank().rank(x, labels).size());
    }

    @Test
    void badInput() {
        FloatMatrix x = blobs(1);
        int[] labels = new int[x.rows()];
        CleanRankException mismatch =
                assertThrows(CleanRankException.class, () -> new NoiseRank().rank(x, Arrays.copyOf(labels, 10)));
        assertTrue(mismatch.getMessage().contains("10 labels for 120"), mismatch.getMessage());
        CleanRankException bigK = assertThrows(
                CleanRankException.class,
                () -> NoiseRank.builder().k(121).build().rank(x, labels));
        assertTrue(bigK.getMessage().contains("k = 121"), bigK.getMessage());
        assertThrows(CleanRankException.class, () -> FlatL2Search.search(x, x, 121, 1));
        assertThrows(CleanRankException.class, () -> NoiseRank.builder().k(0));
        int[] negative = labels.clone();
        negative[3] = -1;
        assertThrows(CleanRankException.class, () -> new NoiseRank().rank(x, negative));
        float[] nan = x.data().clone();
        nan[17] = Float.NaN;
        CleanRankException nanEx = assertThrows(
                CleanRankException.class, () -> new NoiseRank().rank(new FloatMatrix(x.rows(), x.cols(), nan), labels));
        assertTrue(nanEx.getMessage().contains("row 2 column 1"), nanEx.getMessage());
        FloatMatrix narrow = new FloatMatrix(1, 3, new float[3]);
        assertThrows(CleanRankException.class, () -> new NoiseRank().rank(x, labels, narrow, new int[] {0}));
        assertThrows(CleanRankException.class, () -> new NoiseRank().rank(x, labels, x, new int[] {0}));
        assertThrows(CleanRankException.class, () -> new KMeans(200).fit(x, 42));
        for (CleanRankException e : new CleanRankException[] {mismatch, bigK, nanEx}) {
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }
}
