package org.cleanrank.label.noiserank;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.cleanrank.CleanRankException;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.parity.NumpySearchsorted;

/**
 * k-means with scikit-learn 1.2.1's {@code KMeans(n_clusters, random_state=seed)} semantics (the defaults
 * NoiseRank inherits): greedy k-means++ initialisation, {@code n_init = 10} independent runs keeping the
 * lowest inertia, Lloyd iterations with {@code max_iter = 300} and {@code tol = 1e-4} scaled by the mean
 * per-feature variance.
 *
 * <ul>
 *   <li>k-means++: the first centre is a uniformly random sample; each further centre is the best of
 *       {@code 2 + floor(ln k)} candidates drawn with probability proportional to the squared distance to
 *       the nearest centre so far (inverse CDF on the cumulative sum, "left" side as numpy's searchsorted),
 *       best = lowest total potential, first on ties.</li>
 *   <li>Lloyd: assign each sample to its nearest centre (first on ties), move each centre to the mean of
 *       its samples; an empty cluster is moved onto the sample farthest from its own centre (which leaves
 *       its old cluster's mean), as sklearn relocates empty clusters; stop when no label changes (strict
 *       convergence) or the summed squared centre shift is {@code <= tol}; after a tolerance stop the
 *       labels are recomputed for the final centres.</li>
 *   <li>Best run: a later run replaces the best only if its inertia is strictly lower AND its labelling is
 *       not the same clustering up to a relabelling (sklearn's {@code _is_same_clustering}).</li>
 * </ul>
 * The data are float32 and the centres are returned in float32 (sklearn keeps the input dtype); the
 * arithmetic in between is float64. The random numbers are Java's {@link SplittableRandom}, not numpy's
 * RandomState: the centres are reproducible for a given seed (run r uses the r-th split of the seed's
 * generator, so runs can execute in any order or in parallel) but cannot equal sklearn's; compare them
 * through what they lead to (metrics).
 */
public final class KMeans {
    public static final int DEFAULT_N_INIT = 10;
    public static final int DEFAULT_MAX_ITER = 300;
    public static final double DEFAULT_TOL = 1e-4;

    private final int nClusters;
    private final int nInit;
    private final int maxIter;
    private final double tol;

    /** sklearn 1.2.1 defaults: n_init = 10, max_iter = 300, tol = 1e-4. */
    public KMeans(int nClusters) {
        this(nClusters, DEFAULT_N_INIT, DEFAULT_MAX_ITER, DEFAULT_TOL);
    }

    public KMeans(int nClusters, int nInit, int maxIter, double tol) {
        if (nClusters < 1 || nInit < 1 || maxIter < 1 || !(tol >= 0)) {
            throw new IllegalArgumentException("k-means needs n_clusters, n_init, max_iter >= 1 and tol >= 0");
        }
        this.nClusters = nClusters;
        this.nInit = nInit;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    /**
     * One clustering.
     *
     * @param centers row-major nClusters x d, float32
     * @param labels the cluster of each sample
     * @param inertia sum of squared distances of the samples to their centres
     * @param iterations Lloyd iterations of the chosen run
     */
    public record Result(FloatMatrix centers, int[] labels, double inertia, int iterations) {}

    /** Fits all runs one after another (see {@link KMeansPrototypes} for parallel fitting). */
    public Result fit(FloatMatrix x, long seed) {
        SplittableRandom[] rngs = runGenerators(seed, nInit);
        Data data = prepare(x);
        Result[] runs = new Result[nInit];
        for (int r = 0; r < nInit; r++) {
            runs[r] = run(data, rngs[r]);
        }
        return best(runs);
    }

    int nInit() {
        return nInit;
    }

    /** The generator of each run: the r-th split of {@code new SplittableRandom(seed)}. */
    static SplittableRandom[] runGenerators(long seed, int nInit) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] out = new SplittableRandom[nInit];
        for (int r = 0; r < nInit; r++) {
            out[r] = root.split();
        }
        return out;
    }

    /** The samples in float64 with sklearn's tolerance {@code mean(var(X, axis=0)) * tol}. */
    record Data(double[] x, int n, int d, double tol) {}

    Data prepare(FloatMatrix m) {
        int n = m.rows();
        int d = m.cols();
        if (nClusters > n) {
            throw new CleanRankException("k-means with " + nClusters + " clusters needs at least as many samples, got "
                    + n + "; lower the number of clusters");
        }
        float[] f = m.data();
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = f[i];
        }
        double varSum = 0;
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                mean += x[i * d + c];
            }
            mean /= n;
            double v = 0;
            for (int i = 0; i < n; i++) {
                double t = x[i * d + c] - mean;
                v += t * t;
            }
            varSum += v / n;
        }
        return new Data(x, n, d, varSum / d * tol);
    }

    /** sklearn's choice among runs, in run order. */
    Result best(Result[] runs) {
        Result best = null;
        for (Result r : runs) {
            if (best == null || (r.inertia() < best.inertia() && !sameClustering(r.labels(), best.labels()))) {
                best = r;
            }
        }
        return best;
    }

    /** sklearn's _is_same_clustering: labels1 maps consistently onto labels2 (a relabelling). */
    boolean sameClustering(int[] labels1, int[] labels2) {
        int[] mapping = new int[nClusters];
        Arrays.fill(mapping, -1);
        for (int i = 0; i < labels1.length; i++) {
            int a = labels1[i];
            if (mapping[a] == -1) {
                mapping[a] = labels2[i];
            } else if (mapping[a] != labels2[i]) {
                return false;
            }
        }
        return true;
    }

    /** One k-means++ initialisation followed by Lloyd iterations. */
    Result run(Data data, SplittableRandom rng) {
        double[] centers = kmeansPlusPlus(data, rng);
        return lloyd(data, centers);
    }

    double[] kmeansPlusPlus(Data data, SplittableRandom rng) {
        int n = data.n();
        int d = data.d();
        double[] x = data.x();
        int k = nClusters;
        int trials = 2 + (int) Math.log(k);
        double[] centers = new double[k * d];
        int first = rng.nextInt(n);
        System.arraycopy(x, first * d, centers, 0, d);
        double[] closest = new double[n];
        for (int i = 0; i < n; i++) {
            closest[i] = sqDist(x, i * d, x, first * d, d);
        }
        double pot = sum(closest);
        double[] cumulative = new double[n];
        double[] candidate = new double[n];
        double[] bestDist = new double[n];
        for (int c = 1; c < k; c++) {
            double run = 0;
            for (int i = 0; i < n; i++) {
                run += closest[i];
                cumulative[i] = run;
            }
            int bestId = -1;
            double bestPot = Double.POSITIVE_INFINITY;
            int[] ids = new int[trials];
            for (int t = 0; t < trials; t++) {
                ids[t] = Math.min(NumpySearchsorted.left(cumulative, rng.nextDouble() * pot), n - 1);
            }
            for (int t = 0; t < trials; t++) {
                int id = ids[t];
                for (int i = 0; i < n; i++) {
                    candidate[i] = Math.min(closest[i], sqDist(x, i * d, x, id * d, d));
                }
                double p = sum(candidate);
                if (bestId < 0 || p < bestPot) {
                    bestId = id;
                    bestPot = p;
                    System.arraycopy(candidate, 0, bestDist, 0, n);
                }
            }
            System.arraycopy(bestDist, 0, closest, 0, n);
            pot = bestPot;
            System.arraycopy(x, bestId * d, centers, c * d, d);
        }
        return centers;
    }

    Result lloyd(Data data, double[] centers) {
        int n = data.n();
        int d = data.d();
        int k = nClusters;
        double[] x = data.x();
        int[] labels = new int[n];
        int[] labelsOld = new int[n];
        Arrays.fill(labels, -1);
        Arrays.fill(labelsOld, -1);
        double[] sums = new double[k * d];
        int[] counts = new int[k];
        boolean strict = false;
        int it;
        for (it = 0; it < maxIter; it++) {
            assign(data, centers, labels);
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                int l = labels[i];
                counts[l]++;
                for (int c = 0; c < d; c++) {
                    sums[l * d + c] += x[i * d + c];
                }
            }
            relocateEmptyClusters(data, centers, labels, sums, counts);
            double shift = 0;
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < d; c++) {
                    double nc = counts[j] > 0 ? sums[j * d + c] / counts[j] : sums[j * d + c];
                    double t = nc - centers[j * d + c];
                    shift += t * t;
                    centers[j * d + c] = nc;
                }
            }
            if (Arrays.equals(labels, labelsOld)) {
                strict = true;
                break;
            }
            if (shift <= data.tol()) {
                break;
            }
            System.arraycopy(labels, 0, labelsOld, 0, n);
        }
        if (!strict) {
            assign(data, centers, labels);
        }
        double inertia = 0;
        for (int i = 0; i < n; i++) {
            inertia += sqDist(x, i * d, centers, labels[i] * d, d);
        }
        float[] fc = new float[k * d];
        for (int i = 0; i < fc.length; i++) {
            fc[i] = (float) centers[i];
        }
        return new Result(new FloatMatrix(k, d, fc), labels, inertia, Math.min(it + 1, maxIter));
    }

    private void assign(Data data, double[] centers, int[] labels) {
        int d = data.d();
        double[] x = data.x();
        for (int i = 0; i < data.n(); i++) {
            int best = 0;
            double bestD = sqDist(x, i * d, centers, 0, d);
            for (int j = 1; j < nClusters; j++) {
                double dj = sqDist(x, i * d, centers, j * d, d);
                if (dj < bestD) {
                    bestD = dj;
                    best = j;
                }
            }
            labels[i] = best;
        }
    }

    /**
     * sklearn's _relocate_empty_clusters_dense: the samples farthest from their current centre (most
     * distant first, lower index first on ties) become the empty clusters' only members.
     */
    private void relocateEmptyClusters(Data data, double[] centers, int[] labels, double[] sums, int[] counts) {
        int nEmpty = 0;
        for (int c : counts) {
            if (c == 0) {
                nEmpty++;
            }
        }
        if (nEmpty == 0) {
            return;
        }
        int n = data.n();
        int d = data.d();
        double[] x = data.x();
        double[] dist = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            dist[i] = sqDist(x, i * d, centers, labels[i] * d, d);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(dist[b], dist[a]));
        int taken = 0;
        for (int j = 0; j < nClusters && taken < n; j++) {
            if (counts[j] != 0) {
                continue;
            }
            int far = order[taken++];
            int old = labels[far];
            for (int c = 0; c < d; c++) {
                sums[old * d + c] -= x[far * d + c];
                sums[j * d + c] = x[far * d + c];
            }
            counts[j] = 1;
            counts[old]--;
            // as sklearn, the sample's label is left as it was; the next assignment step fixes it
        }
    }

    private static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }

    private static double sqDist(double[] a, int ao, double[] b, int bo, int d) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            double t = a[ao + c] - b[bo + c];
            s += t * t;
        }
        return s;
    }
}
