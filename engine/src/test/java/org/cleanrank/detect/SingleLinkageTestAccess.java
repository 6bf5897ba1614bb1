package org.cleanrank.detect;

/** The obviously-correct twin of {@link StreamingSingleLinkage}: scipy's Prim loop on a dense matrix. */
public final class SingleLinkageTestAccess {
    private SingleLinkageTestAccess() {}

    /** Reductions from full rows of a (possibly asymmetric) n x n matrix, as SelfClean's row-wise nanmin does. */
    public static IntraExtraReductions rowWise(int[] labels, float[] d) {
        int n = labels.length;
        IntraExtraReductions r = new IntraExtraReductions(labels);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i == j) {
                    continue;
                }
                float v = d[i * n + j];
                if (labels[i] == labels[j]) {
                    r.minSame[i] = Math.min(r.minSame[i], v);
                } else {
                    r.minDiff[i] = Math.min(r.minDiff[i], v);
                    r.maxDiff[i] = Math.max(r.maxDiff[i], v);
                }
            }
        }
        return r;
    }

    public static LinkageMatrix denseScipyPrim(int n, float[] d) {
        boolean[] merged = new boolean[n];
        double[] dd = new double[n];
        java.util.Arrays.fill(dd, Double.POSITIVE_INFINITY);
        int[] ex = new int[n - 1];
        int[] ey = new int[n - 1];
        float[] ed = new float[n - 1];
        int x = 0, y = 0;
        for (int k = 0; k < n - 1; k++) {
            double currentMin = Double.POSITIVE_INFINITY;
            merged[x] = true;
            for (int i = 0; i < n; i++) {
                if (merged[i]) {
                    continue;
                }
                double dist = d[Math.min(x, i) * n + Math.max(x, i)]; // condensed = upper triangle
                if (dd[i] > dist) {
                    dd[i] = dist;
                }
                if (dd[i] < currentMin) {
                    y = i;
                    currentMin = dd[i];
                }
            }
            ex[k] = x;
            ey[k] = y;
            ed[k] = (float) currentMin;
            x = y;
        }
        return StreamingSingleLinkage.relabel(n, ex, ey, ed);
    }
}
