package org.cleanrank.outlier;

import org.cleanrank.parity.Logs;
import org.cleanrank.parity.NumpyRandomState;
import org.cleanrank.parity.SklearnRandR;

/**
 * One tree of scikit-learn 1.2.1's IsolationForest, node for node: an {@code ExtraTreeRegressor(max_features=1,
 * splitter='random', max_depth)} fitted on the drawn rows (weight 1, all others weight 0) against the
 * forest's uniform targets {@code y}, grown by the {@code DepthFirstTreeBuilder} with a
 * {@code RandomSplitter} and the MSE criterion.
 *
 * <p>Reproduced from the Cython sources: node ids in stack order (right child pushed first, so the left
 * subtree is built first); per node the splitter draws features with {@code rand_int} over its persistent
 * {@code features} / {@code constant_features} arrays until one is not constant in the node ({@code max <=
 * min + 1e-7}, float32 values), then a threshold {@code rand_uniform(min, max)} (a draw equal to max
 * becomes min) and partitions the node's samples in place with its Hoare-like loop; features found
 * constant are carried to the children ({@code n_constant_features}). The MSE criterion only matters
 * through {@code impurity <= DBL_EPSILON} (a node whose targets are all equal is a leaf) and the
 * improvement test; both are ported with sklearn's summation order (sums over the node's samples in
 * their current order, the right side as total minus left).
 *
 * <p>Each leaf keeps {@code (nodes on the path + c(leaf samples)) - 1.0}, the term
 * {@code IsolationForest._compute_score_samples} adds per tree.
 */
final class IsolationTree {
    /** sklearn's FEATURE_THRESHOLD: a feature whose node range is within this counts as constant. */
    private static final double FEATURE_THRESHOLD = 1e-7;
    /** sklearn's EPSILON in the tree builder: np.finfo('double').eps. */
    private static final double EPSILON = Math.ulp(1.0);
    /** numpy.euler_gamma. */
    private static final double EULER_GAMMA = 0.5772156649015329;

    static final int LEAF = -2; // sklearn's TREE_UNDEFINED feature

    final int[] feature;
    final double[] threshold;
    final int[] left;
    final int[] right;
    final int[] nodeSamples;
    private final double[] pathLength;
    private int nodes;

    private IsolationTree(int capacity) {
        feature = new int[capacity];
        threshold = new double[capacity];
        left = new int[capacity];
        right = new int[capacity];
        nodeSamples = new int[capacity];
        pathLength = new double[capacity];
    }

    /**
     * Grows the tree on {@code rows} (the rows with nonzero weight, increasing) of the row-major float32
     * {@code x}; {@code y} holds the forest's targets for all rows; {@code treeSeed} is the estimator's
     * random_state.
     */
    static IsolationTree grow(float[] x, int d, int[] rows, double[] y, int maxDepth, long treeSeed) {
        IsolationTree t = new IsolationTree(Math.max(1, 2 * rows.length - 1));
        new Builder(x, d, rows, y, treeSeed).build(t, maxDepth);
        return t;
    }

    /** The Splitter, Criterion and DepthFirstTreeBuilder state of one fit. */
    private static final class Builder {
        private final float[] x;
        private final int d;
        private final int[] samples;
        private final double[] y;
        private final int[] features;
        private final int[] constantFeatures;
        private final float[] xf;
        private final SklearnRandR rand;
        private final double weightedNSamples;
        // criterion state of the current node
        private int start;
        private int end;
        private double sumTotal;
        private double sqSumTotal;
        private double weightedNNode;
        private double sumLeft;
        private double sumRight;
        private double weightedNLeft;
        private double weightedNRight;
        // the split of the current node
        private int splitFeature;
        private double splitThreshold;
        private int splitPos;
        private double impurityLeft;
        private double impurityRight;
        private double improvement;
        private int nConstantOut;

        Builder(float[] x, int d, int[] rows, double[] y, long treeSeed) {
            this.x = x;
            this.d = d;
            this.samples = rows.clone();
            this.y = y;
            this.features = new int[d];
            for (int f = 0; f < d; f++) {
                features[f] = f;
            }
            this.constantFeatures = new int[d];
            this.xf = new float[rows.length];
            // Splitter.init: rand_r_state = random_state.randint(0, RAND_R_MAX)
            this.rand = new SklearnRandR(new NumpyRandomState(treeSeed).randint(0, SklearnRandR.RAND_R_MAX));
            this.weightedNSamples = rows.length; // sum of the unit weights
        }

        void build(IsolationTree t, int maxDepth) {
            int cap = 2 * maxDepth + 2; // stack depth: at most one pending right sibling per level
            int[] sStart = new int[cap], sEnd = new int[cap], sDepth = new int[cap], sParent = new int[cap];
            int[] sConst = new int[cap];
            boolean[] sIsLeft = new boolean[cap];
            double[] sImpurity = new double[cap];
            int top = 0;
            sStart[0] = 0;
            sEnd[0] = samples.length;
            sParent[0] = -1;
            top = 1;
            boolean first = true;
            while (top > 0) {
                top--;
                int st = sStart[top], en = sEnd[top], depth = sDepth[top], parent = sParent[top];
                boolean isLeft = sIsLeft[top];
                double impurity = sImpurity[top];
                int nConstant = sConst[top];
                int nNode = en - st;
                nodeReset(st, en);
                boolean isLeaf = depth >= maxDepth || nNode < 2; // min_samples_split = 2, min_samples_leaf = 1
                if (first) {
                    impurity = nodeImpurity();
                    first = false;
                }
                isLeaf = isLeaf || impurity <= EPSILON;
                if (!isLeaf) {
                    nodeSplit(impurity, nConstant);
                    nConstant = nConstantOut;
                    isLeaf = splitPos >= en || improvement + EPSILON < 0.0; // min_impurity_decrease = 0
                }
                int id = t.nodes++;
                if (parent >= 0) {
                    if (isLeft) {
                        t.left[parent] = id;
                    } else {
                        t.right[parent] = id;
                    }
                }
                t.nodeSamples[id] = nNode;
                if (isLeaf) {
                    t.feature[id] = LEAF;
                    t.threshold[id] = LEAF;
                    t.left[id] = -1;
                    t.right[id] = -1;
                    t.pathLength[id] = ((double) (depth + 1) + averagePathLength(nNode)) - 1.0;
                    continue;
                }
                t.feature[id] = splitFeature;
                t.threshold[id] = splitThreshold;
                int pos = splitPos;
                double il = impurityLeft, ir = impurityRight;
                // right child first, so the left one is popped first
                push(
                        sStart, sEnd, sDepth, sParent, sConst, sIsLeft, sImpurity, top++, pos, en, depth + 1, id,
                        nConstant, false, ir);
                push(
                        sStart, sEnd, sDepth, sParent, sConst, sIsLeft, sImpurity, top++, st, pos, depth + 1, id,
                        nConstant, true, il);
            }
        }

        private static void push(
                int[] s,
                int[] e,
                int[] dep,
                int[] par,
                int[] con,
                boolean[] isL,
                double[] imp,
                int at,
                int start,
                int end,
                int depth,
                int parent,
                int nConstant,
                boolean isLeft,
                double impurity) {
            s[at] = start;
            e[at] = end;
            dep[at] = depth;
            par[at] = parent;
            con[at] = nConstant;
            isL[at] = isLeft;
            imp[at] = impurity;
        }

        /** Criterion.init over samples[start:end] (unit weights), then reset. */
        private void nodeReset(int st, int en) {
            start = st;
            end = en;
            double s = 0.0, sq = 0.0, w = 0.0;
            for (int p = st; p < en; p++) {
                double yi = y[samples[p]];
                s += yi;
                sq += yi * yi;
                w += 1.0;
            }
            sumTotal = s;
            sqSumTotal = sq;
            weightedNNode = w;
        }

        /** MSE.node_impurity. */
        private double nodeImpurity() {
            double mean = sumTotal / weightedNNode;
            return sqSumTotal / weightedNNode - mean * mean;
        }

        /** Criterion.reset then update(newPos): sums from the nearer end, as sklearn does. */
        private void criterionUpdate(int newPos) {
            if (newPos - start <= end - newPos) {
                double s = 0.0, w = 0.0;
                for (int p = start; p < newPos; p++) {
                    s += y[samples[p]];
                    w += 1.0;
                }
                sumLeft = s;
                weightedNLeft = w;
            } else { // reverse_reset, then remove samples[newPos:end] from the left
                double s = sumTotal, w = weightedNNode;
                for (int p = end - 1; p >= newPos; p--) {
                    s -= y[samples[p]];
                    w -= 1.0;
                }
                sumLeft = s;
                weightedNLeft = w;
            }
            weightedNRight = weightedNNode - weightedNLeft;
            sumRight = sumTotal - sumLeft;
        }

        /** MSE.children_impurity at pos: the right side's square sum is the total minus the left one. */
        private void childrenImpurity(int pos) {
            double sqLeft = 0.0;
            for (int p = start; p < pos; p++) {
                double yi = y[samples[p]];
                sqLeft += yi * yi;
            }
            double sqRight = sqSumTotal - sqLeft;
            double ml = sumLeft / weightedNLeft, mr = sumRight / weightedNRight;
            impurityLeft = sqLeft / weightedNLeft - ml * ml;
            impurityRight = sqRight / weightedNRight - mr * mr;
        }

        /** RandomSplitter.node_split with max_features = 1. */
        private void nodeSplit(double impurity, int nConstantIn) {
            int nKnownConstants = nConstantIn;
            int nTotalConstants = nKnownConstants;
            int nFoundConstants = 0, nDrawnConstants = 0, nVisited = 0;
            int fi = d;
            // _init_split(best, end)
            splitPos = end;
            splitFeature = 0;
            splitThreshold = 0.0;
            improvement = Double.NEGATIVE_INFINITY;
            impurityLeft = Double.POSITIVE_INFINITY;
            impurityRight = Double.POSITIVE_INFINITY;
            double bestProxy = Double.NEGATIVE_INFINITY;
            boolean found = false;
            while (fi > nTotalConstants && (nVisited < 1 || nVisited <= nFoundConstants + nDrawnConstants)) {
                nVisited++;
                int fj = rand.randInt(nDrawnConstants, fi - nFoundConstants);
                if (fj < nKnownConstants) { // a constant known from an ancestor: move it to the drawn ones
                    swap(features, nDrawnConstants, fj);
                    nDrawnConstants++;
                    continue;
                }
                fj += nFoundConstants;
                int f = features[fj];
                float min = x[samples[start] * d + f], max = min;
                xf[start] = min;
                for (int p = start + 1; p < end; p++) {
                    float v = x[samples[p] * d + f];
                    xf[p] = v;
                    if (v < min) {
                        min = v;
                    } else if (v > max) {
                        max = v;
                    }
                }
                if (max <= min + FEATURE_THRESHOLD) {
                    swap(features, fj, nTotalConstants);
                    nFoundConstants++;
                    nTotalConstants++;
                    continue;
                }
                fi--;
                swap(features, fi, fj);
                double thr = rand.randUniform(min, max);
                if (thr == max) {
                    thr = min;
                }
                int p = start, e = end;
                while (p < e) {
                    if (xf[p] <= thr) {
                        p++;
                    } else {
                        e--;
                        float tv = xf[p];
                        xf[p] = xf[e];
                        xf[e] = tv;
                        swap(samples, p, e);
                    }
                }
                int pos = e;
                if (pos - start < 1 || end - pos < 1) { // min_samples_leaf = 1 (cannot fail: min <= thr < max)
                    continue;
                }
                criterionUpdate(pos);
                double proxy = sumLeft * sumLeft / weightedNLeft + sumRight * sumRight / weightedNRight;
                if (proxy > bestProxy) {
                    bestProxy = proxy;
                    splitFeature = f;
                    splitThreshold = thr;
                    splitPos = pos;
                    found = true;
                }
            }
            if (found && splitPos < end) {
                // max_features = 1: the one evaluated candidate is the best, samples are already partitioned by it
                criterionUpdate(splitPos);
                childrenImpurity(splitPos);
                improvement = (weightedNNode / weightedNSamples)
                        * (impurity
                                - (weightedNRight / weightedNNode * impurityRight)
                                - (weightedNLeft / weightedNNode * impurityLeft));
            }
            // the invariant for constant features: the ancestors' constants keep their order for the children
            System.arraycopy(constantFeatures, 0, features, 0, nKnownConstants);
            System.arraycopy(features, nKnownConstants, constantFeatures, nKnownConstants, nFoundConstants);
            nConstantOut = nTotalConstants;
        }

        private static void swap(int[] a, int i, int j) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The leaf term of row {@code r} of {@code x}: walks left while x[feature] <= threshold (float32 promoted to double). */
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
        return 2.0 * (Logs.ln(m) + EULER_GAMMA) - 2.0 * m / n;
    }

    int nodeCount() {
        return nodes;
    }
}
