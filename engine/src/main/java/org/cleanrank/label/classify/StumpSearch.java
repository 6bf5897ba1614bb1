package org.cleanrank.label.classify;

import java.util.Arrays;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.parity.NumpySum;
import org.cleanrank.parity.SklearnRandR;

/**
 * The root split of sklearn 1.2.1's BestSplitter with the Gini criterion, for one set of sample weights.
 *
 * <p>sklearn visits every feature in an order drawn from its own {@code rand_r} generator, sweeps the
 * sorted samples updating the left class sums incrementally and keeps the first candidate whose "proxy
 * improvement" {@code -w_R*gini_R - w_L*gini_L} is strictly larger than the best so far. Computing that
 * proxy exactly costs O(classes) per position; here a first pass scores every position in O(1) with
 * positive running sums of squares (accurate to ~1e-12 relative), and only the positions within 1e-9 of
 * the best are re-scored with sklearn's own arithmetic (its update path including {@code reverse_reset},
 * sums over classes in class order). The winner is then the one sklearn would keep: largest exact proxy,
 * ties to the feature visited first, then to the leftmost position.
 */
final class StumpSearch {
    /** np.finfo(np.double).eps, sklearn's EPSILON in the tree builder. */
    static final double EPSILON = Math.ulp(1.0);
    /** Positions whose fast score is this close (relative to the node weight) to the best are re-scored. */
    private static final double RELATIVE_TOLERANCE = 1e-9;

    private final SortedColumns c;
    private final int chunks;

    /** @param chunks threads (and chunks of candidate features) for the first pass; 1 = the calling thread */
    StumpSearch(SortedColumns c, int chunks) {
        this.c = c;
        this.chunks = Math.max(1, chunks);
    }

    private static final class Scratch {
        final double[] left;
        final double[] right;
        final double[] exactLeft;
        final double[] suffixSq;
        final double[] suffixW;
        double bestExact;
        int bestPos;

        Scratch(int k, int m) {
            left = new double[k];
            right = new double[k];
            exactLeft = new double[k];
            suffixSq = new double[m + 1];
            suffixW = new double[m + 1];
        }
    }

    DecisionStump fit(double[] w, long randRState) {
        int m = c.m;
        int k = c.nClasses;
        int[] y = c.y;
        // criterion.init at the root: samples in training order.
        double[] total = new double[k];
        double wn = 0.0;
        for (int i = 0; i < m; i++) {
            total[y[i]] += w[i];
            wn += w[i];
        }
        double impurity = gini(total, wn);
        if (m < 2 || impurity <= EPSILON) {
            return leaf(total);
        }
        int[] drawn = drawOrder(c.constant, randRState);
        int[] visit = Arrays.stream(drawn).filter(f -> !c.constant[f]).toArray();
        if (visit.length == 0) {
            return leaf(total);
        }
        double[] approx = approxMaxima(visit, w);
        double globalMax = Double.NEGATIVE_INFINITY;
        for (double a : approx) {
            if (a > globalMax) {
                globalMax = a;
            }
        }
        if (globalMax == Double.NEGATIVE_INFINITY) {
            return leaf(total);
        }
        double cutoff = globalMax - RELATIVE_TOLERANCE * wn;
        Scratch s = new Scratch(k, m);
        int bestFeature = -1;
        int bestPos = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int v = 0; v < visit.length; v++) {
            if (approx[v] >= cutoff) {
                sweep(visit[v], s, w, total, wn, cutoff, true);
                if (s.bestPos > 0 && s.bestExact > best) {
                    best = s.bestExact;
                    bestFeature = visit[v];
                    bestPos = s.bestPos;
                }
            }
        }
        if (bestFeature < 0) {
            return leaf(total);
        }
        return split(w, total, wn, impurity, bestFeature, bestPos, drawn[drawn.length - 1]);
    }

    private double[] approxMaxima(int[] visit, double[] w) {
        double[] out = new double[visit.length];
        int nChunks = Math.min(chunks, visit.length);
        if (nChunks <= 1) {
            Scratch s = new Scratch(c.nClasses, c.m);
            for (int v = 0; v < visit.length; v++) {
                out[v] = approxMax(visit[v], s, w);
            }
            return out;
        }
        ParallelTasks.forEach(nChunks, nChunks, t -> {
            int from = (int) ((long) visit.length * t / nChunks);
            int to = (int) ((long) visit.length * (t + 1) / nChunks);
            Scratch s = new Scratch(c.nClasses, c.m);
            for (int v = from; v < to; v++) {
                out[v] = approxMax(visit[v], s, w);
            }
        });
        return out;
    }

    /**
     * Pass 1: the largest fast score sqL/wL + sqR/wR of feature f over its candidate positions, both sums of
     * squares built from positive increments (the right side from the end). Same arithmetic as
     * {@link #sweep}'s fast score, in two plain loops over positions.
     */
    private double approxMax(int f, Scratch s, double[] w) {
        int m = c.m;
        int[] ord = c.order[f];
        int[] yo = c.yOrder[f];
        boolean[] isCand = c.isCandidate[f];
        if (c.candidates[f].length == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] right = s.right;
        double[] suffixSq = s.suffixSq;
        double[] suffixW = s.suffixW;
        Arrays.fill(right, 0.0);
        double sq = 0.0;
        double wr = 0.0;
        for (int p = m - 1; p >= 1; p--) {
            int k = yo[p];
            double wi = w[ord[p]];
            double r = right[k];
            sq += wi * (2.0 * r + wi);
            right[k] = r + wi;
            wr += wi;
            suffixSq[p] = sq;
            suffixW[p] = wr;
        }
        double[] left = s.left;
        Arrays.fill(left, 0.0);
        double sqL = 0.0;
        double wl = 0.0;
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < m - 1; p++) {
            int k = yo[p];
            double wi = w[ord[p]];
            double l = left[k];
            sqL += wi * (2.0 * l + wi);
            left[k] = l + wi;
            wl += wi;
            int at = p + 1;
            if (isCand[at]) {
                double wrj = suffixW[at];
                double num = sqL * wrj + suffixSq[at] * wl;
                double den = wl * wrj;
                if (num > max * den) {
                    max = num / den;
                }
            }
        }
        return max;
    }

    /**
     * Scores every candidate position of feature f and returns the largest fast score. With
     * {@code exact}, also follows sklearn's criterion state along all candidates and re-scores those
     * whose fast score is at least {@code cutoff}, leaving the first maximum in {@code s}.
     */
    private double sweep(int f, Scratch s, double[] w, double[] total, double wn, double cutoff, boolean exact) {
        int m = c.m;
        int[] ord = c.order[f];
        int[] yo = c.yOrder[f];
        int[] cand = c.candidates[f];
        int nc = cand.length;
        s.bestExact = Double.NEGATIVE_INFINITY;
        s.bestPos = -1;
        if (nc == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        // Right side from the end: positive increments keep the sum of squares accurate even when the
        // right side's weight is tiny.
        double[] right = s.right;
        double[] suffixSq = s.suffixSq;
        double[] suffixW = s.suffixW;
        Arrays.fill(right, 0.0);
        double sq = 0.0;
        double wr = 0.0;
        int p = m;
        for (int j = nc - 1; j >= 0; j--) {
            int stop = cand[j];
            while (p > stop) {
                p--;
                int k = yo[p];
                double wi = w[ord[p]];
                double r = right[k];
                sq += wi * (2.0 * r + wi);
                right[k] = r + wi;
                wr += wi;
            }
            suffixSq[j] = sq;
            suffixW[j] = wr;
        }
        double[] left = s.left;
        Arrays.fill(left, 0.0);
        double sqL = 0.0;
        double wl = 0.0;
        double max = Double.NEGATIVE_INFINITY;
        double[] xl = s.exactLeft;
        double xwl = 0.0;
        int pos = 0;
        if (exact) {
            Arrays.fill(xl, 0.0);
        }
        p = 0;
        for (int j = 0; j < nc; j++) {
            int at = cand[j];
            while (p < at) {
                int k = yo[p];
                double wi = w[ord[p]];
                double l = left[k];
                sqL += wi * (2.0 * l + wi);
                left[k] = l + wi;
                wl += wi;
                p++;
            }
            // Fast score sqL/wl + sqR/wr, compared through cross-multiplication: no division per position.
            double wrj = suffixW[j];
            double num = sqL * wrj + suffixSq[j] * wl;
            double den = wl * wrj;
            if (num > max * den) {
                max = num / den;
            }
            if (exact) {
                // ClassificationCriterion.update(new_pos): add forward, or reverse_reset and subtract
                // from the end when that is the shorter walk.
                if (at - pos <= m - at) {
                    for (int q = pos; q < at; q++) {
                        double wi = w[ord[q]];
                        xl[yo[q]] += wi;
                        xwl += wi;
                    }
                } else {
                    System.arraycopy(total, 0, xl, 0, xl.length);
                    xwl = wn;
                    for (int q = m - 1; q >= at; q--) {
                        double wi = w[ord[q]];
                        xl[yo[q]] -= wi;
                        xwl -= wi;
                    }
                }
                pos = at;
                if (num >= cutoff * den) {
                    double v = proxy(xl, xwl, total, wn);
                    if (v > s.bestExact) {
                        s.bestExact = v;
                        s.bestPos = at;
                    }
                }
            }
        }
        return max;
    }

    /** sklearn's Gini proxy_impurity_improvement: -w_R * gini_R - w_L * gini_L, classes summed in order. */
    static double proxy(double[] left, double wl, double[] total, double wn) {
        double sqL = 0.0;
        double sqR = 0.0;
        for (int k = 0; k < left.length; k++) {
            double l = left[k];
            sqL += l * l;
            double r = total[k] - l;
            sqR += r * r;
        }
        double wr = wn - wl;
        double giniL = 1.0 - sqL / (wl * wl);
        double giniR = 1.0 - sqR / (wr * wr);
        return -wr * giniR - wl * giniL;
    }

    static double gini(double[] counts, double w) {
        double sq = 0.0;
        for (double x : counts) {
            sq += x * x;
        }
        return 1.0 - sq / (w * w);
    }

    /**
     * Builds the two leaves as sklearn does after choosing the split: the samples, left in the order of
     * the last sorted feature, are partitioned in place ({@code samples[p] <= threshold} stays, the others
     * swap with the end), and each child's class sums are accumulated in that order.
     */
    private DecisionStump split(
            double[] w, double[] total, double wn, double impurity, int feature, int pos, int lastSorted) {
        int m = c.m;
        int k = c.nClasses;
        float[] val = c.sorted[feature];
        double lo = val[pos - 1];
        double hi = val[pos];
        double threshold = lo / 2.0 + hi / 2.0;
        if (threshold == hi || Double.isInfinite(threshold)) {
            threshold = lo;
        }
        boolean[] isLeft = new boolean[m];
        int[] ordF = c.order[feature];
        for (int p = 0; p < pos; p++) {
            isLeft[ordF[p]] = true;
        }
        int[] samples = c.order[lastSorted].clone();
        int p = 0;
        int end = m;
        while (p < end) {
            if (isLeft[samples[p]]) {
                p++;
            } else {
                end--;
                int t = samples[p];
                samples[p] = samples[end];
                samples[end] = t;
            }
        }
        // criterion.reset(); update(best.pos) on the partitioned samples -> best.improvement.
        double[] l = new double[k];
        double wl;
        if (pos <= m - pos) {
            wl = 0.0;
            for (int q = 0; q < pos; q++) {
                l[c.y[samples[q]]] += w[samples[q]];
                wl += w[samples[q]];
            }
        } else {
            System.arraycopy(total, 0, l, 0, k);
            wl = wn;
            for (int q = m - 1; q >= pos; q--) {
                l[c.y[samples[q]]] -= w[samples[q]];
                wl -= w[samples[q]];
            }
        }
        double wr = wn - wl;
        double[] r = new double[k];
        for (int j = 0; j < k; j++) {
            r[j] = total[j] - l[j];
        }
        double impL = gini(l, wl);
        double impR = gini(r, wr);
        double improvement = (wn / wn) * (impurity - (wr / wn * impR) - (wl / wn * impL));
        if (improvement + EPSILON < 0.0) {
            return leaf(total);
        }
        // node_reset of each child: its class sums in partitioned order.
        double[] left = new double[k];
        double[] right = new double[k];
        for (int q = 0; q < pos; q++) {
            left[c.y[samples[q]]] += w[samples[q]];
        }
        for (int q = pos; q < m; q++) {
            right[c.y[samples[q]]] += w[samples[q]];
        }
        return new DecisionStump(feature, threshold, new double[][] {normalised(left), normalised(right)});
    }

    private static DecisionStump leaf(double[] total) {
        return new DecisionStump(-1, Double.NaN, new double[][] {normalised(total)});
    }

    /** DecisionTreeClassifier.predict_proba: value / value.sum(axis=1), a zero sum left as 1. */
    static double[] normalised(double[] value) {
        double norm = NumpySum.sum(value);
        if (norm == 0.0) {
            norm = 1.0;
        }
        double[] out = new double[value.length];
        for (int j = 0; j < value.length; j++) {
            out[j] = value[j] / norm;
        }
        return out;
    }

    /**
     * The features in the order BestSplitter.node_split draws them at the root with
     * {@code max_features = n_features}: {@code rand_int(0, f_i - n_found_constants)} over a shrinking
     * array; a drawn constant feature moves to the front and still counts as visited. Returns every
     * drawn feature (constant ones too, since the last one drawn decides the sample order).
     */
    static int[] drawOrder(boolean[] constant, long randRState) {
        int d = constant.length;
        int[] features = new int[d];
        for (int i = 0; i < d; i++) {
            features[i] = i;
        }
        SklearnRandR rng = new SklearnRandR(randRState);
        int[] out = new int[d];
        int nOut = 0;
        int fi = d;
        int nVisited = 0;
        int nFound = 0;
        int nTotal = 0;
        while (fi > nTotal && (nVisited < d || nVisited <= nFound)) {
            nVisited++;
            int fj = rng.randInt(nFound, fi);
            int feature = features[fj];
            out[nOut++] = feature;
            if (constant[feature]) {
                features[fj] = features[nTotal];
                features[nTotal] = feature;
                nFound++;
                nTotal++;
            } else {
                fi--;
                features[fj] = features[fi];
                features[fi] = feature;
            }
        }
        return Arrays.copyOf(out, nOut);
    }
}
