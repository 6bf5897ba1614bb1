package org.cleanrank.label.noiserank;

import org.cleanrank.CleanRankException;
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
            throw new CleanRankException("prototypes have " + queries.cols() + " features but the embeddings have "
                    + d + "; give prototypes in the embedding space");
        }
        if (k < 1 || k > n) {
            throw new CleanRankException("NoiseRank k = " + k + " neighbours but there are " + n
                    + " samples; choose k between 1 and " + n);
        }
        float[] x = database.data();
        float[] q = queries.data();
        float[] xNorms = squaredNorms(database);
        float[] qNorms = squaredNorms(queries);
        int nq = queries.rows();
        int[] indices = new int[nq * k];
        float[] dists = new float[nq * k];
        Parallel.forEach(nq, threads, i -> {
            float[] dist = new float[n];
            int qo = i * d;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                dot4(q, qo, x, j * d, d, dist, j);
            }
            for (; j < n; j++) {
                dist[j] = dot(q, qo, x, j * d, d);
            }
            for (j = 0; j < n; j++) {
                float dis = qNorms[i] + xNorms[j] - 2 * dist[j];
                // as faiss: "negative values can occur for identical vectors due to roundoff errors"
                dist[j] = dis < 0 ? 0f : dis;
            }
            selectSmallest(dist, k, indices, dists, i * k);
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

    /** Four dot products against consecutive rows at once (independent chains, same per-row order as dot). */
    private static void dot4(float[] a, int ao, float[] b, int bo, int d, float[] out, int j) {
        int b0 = bo, b1 = bo + d, b2 = bo + 2 * d, b3 = bo + 3 * d;
        float c0 = 0f, c1 = 0f, c2 = 0f, c3 = 0f;
        for (int ls = 0; ls < d; ) {
            int len = blockLength(d - ls);
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            for (int t = ls, e = ls + len; t < e; t++) {
                float av = a[ao + t];
                s0 = Math.fma(av, b[b0 + t], s0);
                s1 = Math.fma(av, b[b1 + t], s1);
                s2 = Math.fma(av, b[b2 + t], s2);
                s3 = Math.fma(av, b[b3 + t], s3);
            }
            if (ls == 0) {
                c0 = s0;
                c1 = s1;
                c2 = s2;
                c3 = s3;
            } else {
                c0 += s0;
                c1 += s1;
                c2 += s2;
                c3 += s3;
            }
            ls += len;
        }
        out[j] = c0;
        out[j + 1] = c1;
        out[j + 2] = c2;
        out[j + 3] = c3;
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
