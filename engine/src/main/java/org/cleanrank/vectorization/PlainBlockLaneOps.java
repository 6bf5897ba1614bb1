package org.cleanrank.vectorization;

/** The plain-Java twin of {@link BlockLaneOps}: obvious scalar loops. */
final class PlainBlockLaneOps implements BlockLaneOps {
    @Override
    public String name() {
        return "plain";
    }

    @Override
    public int foldMin(float[] d, float[] row, int off, float[] pen, int len) {
        int arg = -1;
        float best = Float.POSITIVE_INFINITY;
        for (int v = 0; v < len; v++) {
            float nv = Math.min(d[v], row[off + v] + pen[v]);
            d[v] = nv;
            if (nv < best) {
                best = nv;
                arg = v;
            }
        }
        return arg;
    }

    /** In 8 x 8 blocks, so that the strided stores stay in cache. */
    @Override
    public void transpose(float[] from, int rows, int cols, float[] to) {
        for (int u0 = 0; u0 < rows; u0 += 8) {
            int u1 = Math.min(rows, u0 + 8);
            for (int v0 = 0; v0 < cols; v0 += 8) {
                int v1 = Math.min(cols, v0 + 8);
                for (int v = v0; v < v1; v++) {
                    for (int u = u0; u < u1; u++) {
                        to[v * rows + u] = from[u * cols + v];
                    }
                }
            }
        }
    }

    @Override
    public int argMin(float[] d, int len) {
        int arg = -1;
        float best = Float.POSITIVE_INFINITY;
        for (int v = 0; v < len; v++) {
            if (d[v] < best) {
                best = d[v];
                arg = v;
            }
        }
        return arg;
    }

    @Override
    public void foldMax(float[] r, float g, int len) {
        for (int v = 0; v < len; v++) {
            r[v] = Math.max(r[v], g);
        }
    }

    @Override
    public int equalLanes(float[] row, int off, float[] r, int len, int[] hits) {
        int c = 0;
        for (int v = 0; v < len; v++) {
            if (row[off + v] == r[v]) {
                hits[c++] = v;
            }
        }
        return c;
    }
}
