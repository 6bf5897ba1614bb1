package org.cleanrank.label.noiserank;

import org.cleanrank.CleanRankException;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.io.FloatMatrix;

/**
 * Exact k-nearest-neighbour search as {@code faiss.IndexFlatL2(d).add(X); index.search(queries, k)} does
 * it in faiss 1.7.3 on the CPU with 20 or more queries (its BLAS path, {@code exhaustive_L2sqr_blas}):
 * the squared distance is {@code (|q|^2 + |x|^2) - 2 q.x} in float32, clamped at 0, and the k smallest
 * are kept by (distance, sample index), i.e. on equal float32 distances the lower index comes first.
 *
 * <p>The arithmetic models the reference build so that near-ties order as in the goldens: the squared
 * norms accumulate float32 squares in double and round once (faiss' {@code fvec_norm_L2sqr_ref}, which
 * the reference build used: the SSE variant does not reproduce the goldens), and the dot products are
 * float32 fused multiply-adds in sample order, in the K blocks OpenBLAS' level-3 driver uses
 * (GEMM_Q = 320, GEMM_UNROLL_M = 8 as for Haswell: a K between 320 and 640 is split in two halves rounded
 * up to a multiple of 8; longer ones take blocks of 320 first), blocks added in order. On the goldens
 * this gives identical neighbour indices and most distances bit for bit, the rest within a few float32
 * ulps (the BLAS kernel's exact accumulation is machine specific).
 */
public final class FlatL2Search {
    static final int GEMM_Q = 320;
    static final int GEMM_UNROLL_M = 8;
    /** Samples per block: d x 256 floats of the transposed database stay in cache for a query group. */
    private static final int CHUNK = 256;

    private static final int GROUP = 8;

    private FlatL2Search() {}

    /**
     * The {@code k} nearest rows of {@code database} for each row of {@code queries}.
     *
     * @throws CleanRankException if k is not in [1, number of samples] or the widths differ
     */
    public static Neighbours search(FloatMatrix database, FloatMatrix queries, int k, int threads) {
        int n = database.rows();
        int d = database.cols();
        if (queries.cols() != d) {
            throw new CleanRankException("prototypes have " + queries.cols() + " features but the embeddings have " + d
                    + "; give prototypes in the embedding space");
        }
        if (k < 1 || k > n) {
            throw new CleanRankException(
                    "NoiseRank k = " + k + " neighbours but there are " + n + " samples; choose k between 1 and " + n);
        }
        float[] q = queries.data();
        float[] xNorms = squaredNorms(database);
        float[] qNorms = squaredNorms(queries);
        float[] xt = transpose(database);
        int nq = queries.rows();
        int[] indices = new int[nq * k];
        float[] dists = new float[nq * k];
        // queries in groups so each block of samples is reused from cache by GROUP queries
        int groups = (nq + GROUP - 1) / GROUP;
        ParallelTasks.forEach(groups, threads, g -> {
            int g0 = g * GROUP;
            int g1 = Math.min(nq, g0 + GROUP);
            float[][] dist = new float[g1 - g0][n];
            float[] block = new float[Math.min(n, CHUNK)];
            for (int j0 = 0; j0 < n; j0 += CHUNK) {
                int j1 = Math.min(n, j0 + CHUNK);
                for (int i = g0; i < g1; i++) {
                    dots(q, i * d, xt, n, d, j0, j1, block, dist[i - g0]);
                }
            }
            for (int i = g0; i < g1; i++) {
                float[] di = dist[i - g0];
                for (int j = 0; j < n; j++) {
                    float dis = qNorms[i] + xNorms[j] - 2 * di[j];
                    // as faiss: "negative values can occur for identical vectors due to roundoff errors"
                    di[j] = dis < 0 ? 0f : dis;
                }
                selectSmallest(di, k, indices, dists, i * k);
            }
        });
        return new Neighbours(nq, k, indices, dists);
    }

    /** faiss' fvec_norm_L2sqr_ref: float32 squares summed in double, rounded once. */
    static float[] squaredNorms(FloatMatrix m) {
        int d = m.cols();
        float[] a = m.data();
        float[] out = new float[m.rows()];
        for (int r = 0; r < out.length; r++) {
            double s = 0;
            for (int c = r * d, e = c + d; c < e; c++) {
                s += a[c] * a[c];
            }
            out[r] = (float) s;
        }
        return out;
    }

    /** The K-block length OpenBLAS' level-3 driver takes when {@code remaining} of K is left. */
    static int blockLength(int remaining) {
        if (remaining >= GEMM_Q * 2) {
            return GEMM_Q;
        }
        if (remaining > GEMM_Q) {
            return ((remaining / 2 + GEMM_UNROLL_M - 1) / GEMM_UNROLL_M) * GEMM_UNROLL_M;
        }
        return remaining;
    }

    /**
     * Dot products of one query with samples j0..j1-1 into {@code out[j0..j1)}. Each product is the same
     * sequence of float32 fused multiply-adds as {@link #dot}; looping over samples innermost (on the
     * transposed database) only lets the JIT run several samples per instruction.
     */
    private static void dots(float[] q, int qo, float[] xt, int n, int d, int j0, int j1, float[] block, float[] out) {
        int len = j1 - j0;
        for (int ls = 0; ls < d; ) {
            int kb = blockLength(d - ls);
            java.util.Arrays.fill(block, 0, len, 0f);
            for (int t = ls, e = ls + kb; t < e; t++) {
                float qt = q[qo + t];
                int row = t * n + j0;
                for (int j = 0; j < len; j++) {
                    block[j] = Math.fma(qt, xt[row + j], block[j]);
                }
            }
            if (ls == 0) {
                System.arraycopy(block, 0, out, j0, len);
            } else {
                for (int j = 0; j < len; j++) {
                    out[j0 + j] += block[j];
                }
            }
            ls += kb;
        }
    }

    /** One dot product in the modelled BLAS order (the reference for {@link #dots}). */
    static float dot(float[] a, int ao, float[] b, int bo, int d) {
        float c = 0f;
        for (int ls = 0; ls < d; ) {
            int len = blockLength(d - ls);
            float acc = 0f;
            for (int t = ls, e = ls + len; t < e; t++) {
                acc = Math.fma(a[ao + t], b[bo + t], acc);
            }
            c = ls == 0 ? acc : c + acc;
            ls += len;
        }
        return c;
    }

    private static float[] transpose(FloatMatrix m) {
        int n = m.rows();
        int d = m.cols();
        float[] a = m.data();
        float[] t = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                t[c * n + i] = a[i * d + c];
            }
        }
        return t;
    }

    /**
     * The k smallest of {@code dist} by (distance, index), ascending, as faiss' max-heap keeps them: a
     * sample scanned later replaces the current worst only when strictly closer.
     */
    static void selectSmallest(float[] dist, int k, int[] outIdx, float[] outDist, int off) {
        int count = 0;
        for (int j = 0; j < dist.length; j++) {
            float v = dist[j];
            if (count == k && !(v < outDist[off + k - 1])) {
                continue;
            }
            int pos = count == k ? k - 1 : count;
            // insert after every kept entry with distance <= v (those have lower indices)
            while (pos > 0 && outDist[off + pos - 1] > v) {
                outDist[off + pos] = outDist[off + pos - 1];
                outIdx[off + pos] = outIdx[off + pos - 1];
                pos--;
            }
            outDist[off + pos] = v;
            outIdx[off + pos] = j;
            if (count < k) {
                count++;
            }
        }
    }
}
