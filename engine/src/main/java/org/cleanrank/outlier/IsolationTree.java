package org.cleanrank.outlier;

import java.util.SplittableRandom;

/**
 * One tree of scikit-learn's IsolationForest: an {@code ExtraTreeRegressor(max_features=1,
 * splitter='random', max_depth=ceil(log2(max_samples)))} grown on a subsample. At each node features are
 * drawn without replacement until one is not constant in the node (sklearn's test: {@code max <= min +
 * 1e-7}); the threshold is uniform in [min, max) of that feature's float32 values (a draw equal to max
 * becomes min), samples with {@code x <= threshold} go left. A node is a leaf at the depth limit, with
 * fewer than two samples, or when every feature is constant in it. Each leaf stores sklearn's path
 * length {@code (nodes on the path + c(leaf size)) - 1.0}.
 */
final class IsolationTree {
    /** sklearn's FEATURE_THRESHOLD: a feature whose node range is within this counts as constant. */
    private static final double FEATURE_THRESHOLD = 1e-7;

    private final int[] feature; // -1 for a leaf
    private final double[] threshold;
    private final int[] left;
    private final int[] right;
    private final double[] pathLength;
    private int nodes;

    private IsolationTree(int capacity) {
        feature = new int[capacity];
        threshold = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        pathLength = new double[capacity];
    }

    /** Grows a tree on {@code sample} (row indices of {@code x}, reordered in place). */
    static IsolationTree grow(float[] x, int d, int[] sample, int maxDepth, SplittableRandom rng) {
        IsolationTree t = new IsolationTree(Math.max(1, 2 * sample.length - 1));
        int[] features = new int[d];
        for (int f = 0; f < d; f++) {
            features[f] = f;
        }
        t.build(x, d, sample, 0, sample.length, 0, maxDepth, features, rng);
        return t;
    }

    private int build(float[] x, int d, int[] s, int start, int end, int depth, int maxDepth, int[] features,
            SplittableRandom rng) {
        int node = nodes++;
        int size = end - start;
        if (depth < maxDepth && size >= 2) {
            // draw features without replacement until one varies in this node
            for (int remaining = d; remaining > 0; remaining--) {
                int pick = rng.nextInt(remaining);
                int f = features[pick];
                features[pick] = features[remaining - 1];
                features[remaining - 1] = f;
                float min = x[s[start] * d + f], max = min;
                for (int i = start + 1; i < end; i++) {
                    float v = x[s[i] * d + f];
                    if (v < min) {
                        min = v;
                    } else if (v > max) {
                        max = v;
                    }
                }
                if (max <= min + FEATURE_THRESHOLD) {
                    continue;
                }
                double thr = ((double) max - (double) min) * rng.nextDouble() + min; // rand_uniform(min, max)
                if (thr == max) {
                    thr = min;
                }
                int p = partition(x, d, s, start, end, f, thr);
                feature[node] = f;
                threshold[node] = thr;
                left[node] = build(x, d, s, start, p, depth + 1, maxDepth, features, rng);
                right[node] = build(x, d, s, p, end, depth + 1, maxDepth, features, rng);
                return node;
            }
        }
        feature[node] = -1;
        pathLength[node] = ((double) (depth + 1) + averagePathLength(size)) - 1.0;
        return node;
    }

    /** Moves samples with x[f] <= thr to the front of [start, end); returns the first of the rest. */
    private static int partition(float[] x, int d, int[] s, int start, int end, int f, double thr) {
        int p = start, q = end;
        while (p < q) {
            if (x[s[p] * d + f] <= thr) {
                p++;
            } else {
                q--;
                int tmp = s[p];
                s[p] = s[q];
                s[q] = tmp;
            }
        }
        return p;
    }

    /** The leaf path length of row {@code r} of {@code x}. */
    double pathLength(float[] x, int d, int r) {
        int node = 0;
        int base = r * d;
        while (feature[node] >= 0) {
            node = x[base + feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return pathLength[node];
    }

    /**
     * sklearn's {@code _average_path_length}: c(n) = 2 (ln(n - 1) + euler_gamma) - 2 (n - 1) / n, the mean
     * path length of an unsuccessful BST search, with c(1) = 0 and c(2) = 1.
     */
    static double averagePathLength(int n) {
        if (n <= 1) {
            return 0.0;
        }
        if (n == 2) {
            return 1.0;
        }
        double m = n - 1.0;
        return 2.0 * (Logs.ln(m) + 0.5772156649015329) - 2.0 * m / n;
    }

    int nodeCount() {
        return nodes;
    }
}
