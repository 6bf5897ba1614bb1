package org.cleanrank.label.noiserank;

import it.unimi.dsi.fastutil.ints.IntAVLTreeSet;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;

/**
 * Step 1 of NoiseRank ({@code NoiseRankDetector.generate_prototypes}): k-means centres of every class.
 *
 * <p>As the reference: C = the number of distinct labels; for c in 0 .. C-1, n_c = #(labels == c);
 * rho = mean of the n_c (classes without samples count as 0); kp = max(floor(sqrt(rho / 2)), 1); each class
 * with samples gets {@code KMeans(n_clusters=min(kp, n_c), random_state=seed)} fitted on its rows (in
 * sample order) and contributes its centres in class order.
 *
 * <p>Reference quirk reproduced: a label value {@code >= C} (labels not coded 0..C-1, e.g. {0, 1, 5}) gets no
 * prototypes and is skipped without a warning, and the mean class count then includes the empty classes
 * in 0..C-1. {@link Prototypes#labelsWithoutPrototypes()} lists such labels so callers can tell. Negative
 * labels are rejected (the reference would skip them the same way; recode labels to 0..C-1).
 *
 * <p>k-means is {@link KMeans} (sklearn 1.2.1 semantics, but not numpy's random numbers). All (class, run)
 * fits run in parallel; each uses the seed's r-th generator, so the result does not depend on threads.
 */
public final class KMeansPrototypes {
    private final long seed;
    private final int threads;

    public KMeansPrototypes(long seed, int threads) {
        this.seed = seed;
        this.threads = threads;
    }

    /** The per-class cluster count {@code max(floor(sqrt(mean class count / 2)), 1)} over classes 0..C-1. */
    public static int prototypesPerClass(int[] labels) {
        int classes = new IntOpenHashSet(labels).size();
        long members = 0;
        for (int y : labels) {
            if (y >= 0 && y < classes) {
                members++;
            }
        }
        double rho = (double) members / classes;
        return Math.max((int) Math.floor(Math.sqrt(rho / 2)), 1);
    }

    public Prototypes generate(FloatMatrix x, int[] labels) {
        int n = x.rows();
        int d = x.cols();
        if (labels.length != n) {
            throw new CleanRankException(
                    labels.length + " labels for " + n + " embedding rows; give exactly one label per row");
        }
        IntAVLTreeSet distinct = new IntAVLTreeSet(labels);
        if (!distinct.isEmpty() && distinct.firstInt() < 0) {
            throw new CleanRankException("NoiseRank labels must be class codes 0..C-1, found " + distinct.firstInt()
                    + "; recode the labels");
        }
        int classes = distinct.size();
        int kp = prototypesPerClass(labels);
        int[] counts = new int[classes];
        for (int y : labels) {
            if (y < classes) {
                counts[y]++;
            }
        }
        int[] skipped = distinct.tailSet(classes).toIntArray();
        // rows of each class in sample order
        int[][] members = new int[classes][];
        for (int c = 0; c < classes; c++) {
            members[c] = new int[counts[c]];
        }
        int[] fill = new int[classes];
        for (int i = 0; i < n; i++) {
            int y = labels[i];
            if (y < classes) {
                members[y][fill[y]++] = i;
            }
        }
        KMeans[] models = new KMeans[classes];
        KMeans.Data[] data = new KMeans.Data[classes];
        int nInit = KMeans.DEFAULT_N_INIT;
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                models[c] = new KMeans(Math.min(kp, counts[c]));
                data[c] = models[c].prepare(gather(x, members[c]));
            }
        }
        KMeans.Result[][] runs = new KMeans.Result[classes][nInit];
        ParallelTasks.forEach(classes * nInit, threads, t -> {
            int c = t / nInit;
            int r = t % nInit;
            if (models[c] != null) {
                // every class starts from the same seed, as the reference passes random_state=seed to each
                // KMeans; run r takes the seed's r-th generator, made afresh so tasks share no state
                runs[c][r] = models[c].run(data[c], KMeans.runGenerators(seed, r + 1)[r]);
            }
        });
        int total = 0;
        KMeans.Result[] best = new KMeans.Result[classes];
        for (int c = 0; c < classes; c++) {
            if (models[c] != null) {
                best[c] = models[c].best(runs[c]);
                total += best[c].centers().rows();
            }
        }
        if (total == 0) {
            throw new CleanRankException("no class in 0.." + (classes - 1)
                    + " has samples, so NoiseRank has no prototypes;" + " recode the labels to 0..C-1");
        }
        float[] centers = new float[total * d];
        int[] protoLabels = new int[total];
        int row = 0;
        for (int c = 0; c < classes; c++) {
            if (best[c] == null) {
                continue;
            }
            FloatMatrix m = best[c].centers();
            System.arraycopy(m.data(), 0, centers, row * d, m.rows() * d);
            for (int j = 0; j < m.rows(); j++) {
                protoLabels[row++] = c;
            }
        }
        return new Prototypes(new FloatMatrix(total, d, centers), protoLabels, kp, skipped);
    }

    private static FloatMatrix gather(FloatMatrix x, int[] rows) {
        int d = x.cols();
        float[] out = new float[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(x.data(), rows[r] * d, out, r * d, d);
        }
        return new FloatMatrix(rows.length, d, out);
    }
}
