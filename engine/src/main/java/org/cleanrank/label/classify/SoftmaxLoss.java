package org.cleanrank.label.classify;

import org.cleanrank.concurrent.ParallelTasks;

/**
 * The L2-penalised multinomial logistic loss sklearn 1.2.1's lbfgs path minimises
 * ({@code LinearModelLoss(HalfMultinomialLoss)} with {@code l2_reg_strength = 1/C}):
 * {@code f(W, b) = 0.5 * lambda * ||W||^2 + sum_i (logsumexp(x_i W + b) - (x_i W + b)[y_i])}; the intercept
 * b is not penalised. Parameters are one vector: W as d x K row-major (feature j, class k at j*K + k), then
 * the K intercepts.
 *
 * <p>Rows are processed in fixed chunks whose partial sums are added in chunk order, so the value and
 * gradient do not depend on how many threads evaluate them.
 */
final class SoftmaxLoss {
    /** Rows per chunk: independent of the thread count so the sums are too. */
    static final int CHUNK = 128;

    private final double[] x;
    private final int m;
    private final int d;
    private final int k;
    private final int[] y;
    private final double lambda;
    private final int threads;
    private final int nChunks;
    private final double[][] partialGrad;
    private final double[] partialLoss;

    /**
     * @param x training rows as doubles, m x d row-major
     * @param y classes 0..K-1
     * @param threads threads that evaluate chunks concurrently (1: the calling thread alone)
     */
    SoftmaxLoss(double[] x, int m, int d, int[] y, int nClasses, double lambda, int threads) {
        this.x = x;
        this.m = m;
        this.d = d;
        this.k = nClasses;
        this.y = y;
        this.lambda = lambda;
        this.threads = threads;
        this.nChunks = (m + CHUNK - 1) / CHUNK;
        this.partialGrad = new double[nChunks][dimension()];
        this.partialLoss = new double[nChunks];
    }

    int dimension() {
        return (d + 1) * k;
    }

    /** Writes the gradient at w into grad and returns the objective. */
    double valueAndGradient(double[] w, double[] grad) {
        // each chunk writes only its own partials, summed below in chunk order: no result depends on threads
        ParallelTasks.forEach(nChunks, threads, c -> chunk(w, c));
        int p = dimension();
        int nw = d * k;
        double loss = 0;
        for (int j = 0; j < nw; j++) {
            grad[j] = lambda * w[j];
            loss += w[j] * w[j];
        }
        loss *= 0.5 * lambda;
        for (int j = nw; j < p; j++) {
            grad[j] = 0;
        }
        for (int c = 0; c < nChunks; c++) {
            loss += partialLoss[c];
            double[] g = partialGrad[c];
            for (int j = 0; j < p; j++) {
                grad[j] += g[j];
            }
        }
        return loss;
    }

    /**
     * Loss and gradient of the rows of chunk c (without the penalty) into partialLoss/partialGrad[c]. Rows go
     * four at a time so that each coefficient row loaded serves four samples (the products are
     * memory-bound otherwise); the grouping depends only on the chunk, not on the threads.
     */
    private void chunk(double[] w, int c) {
        double[] g = partialGrad[c];
        java.util.Arrays.fill(g, 0);
        int nw = d * k;
        double[] z0 = new double[k];
        double[] z1 = new double[k];
        double[] z2 = new double[k];
        double[] z3 = new double[k];
        double loss = 0;
        int end = Math.min(m, (c + 1) * CHUNK);
        int i = c * CHUNK;
        for (; i + 4 <= end; i += 4) {
            int r0 = i * d;
            int r1 = r0 + d;
            int r2 = r1 + d;
            int r3 = r2 + d;
            System.arraycopy(w, nw, z0, 0, k);
            System.arraycopy(w, nw, z1, 0, k);
            System.arraycopy(w, nw, z2, 0, k);
            System.arraycopy(w, nw, z3, 0, k);
            for (int j = 0; j < d; j++) {
                double a0 = x[r0 + j];
                double a1 = x[r1 + j];
                double a2 = x[r2 + j];
                double a3 = x[r3 + j];
                int off = j * k;
                for (int q = 0; q < k; q++) {
                    double wq = w[off + q];
                    z0[q] += a0 * wq;
                    z1[q] += a1 * wq;
                    z2[q] += a2 * wq;
                    z3[q] += a3 * wq;
                }
            }
            loss += residual(z0, y[i]) + residual(z1, y[i + 1]) + residual(z2, y[i + 2]) + residual(z3, y[i + 3]);
            for (int j = 0; j < d; j++) {
                double a0 = x[r0 + j];
                double a1 = x[r1 + j];
                double a2 = x[r2 + j];
                double a3 = x[r3 + j];
                int off = j * k;
                for (int q = 0; q < k; q++) {
                    g[off + q] += a0 * z0[q] + a1 * z1[q] + a2 * z2[q] + a3 * z3[q];
                }
            }
            for (int q = 0; q < k; q++) {
                g[nw + q] += z0[q] + z1[q] + z2[q] + z3[q];
            }
        }
        for (; i < end; i++) {
            int row = i * d;
            System.arraycopy(w, nw, z0, 0, k);
            for (int j = 0; j < d; j++) {
                double xij = x[row + j];
                int off = j * k;
                for (int q = 0; q < k; q++) {
                    z0[q] += xij * w[off + q];
                }
            }
            loss += residual(z0, y[i]);
            for (int j = 0; j < d; j++) {
                double xij = x[row + j];
                int off = j * k;
                for (int q = 0; q < k; q++) {
                    g[off + q] += xij * z0[q];
                }
            }
            for (int q = 0; q < k; q++) {
                g[nw + q] += z0[q];
            }
        }
        partialLoss[c] = loss;
    }

    /**
     * Turns the scores z of a sample with class yi into softmax(z) - onehot(yi) in place and returns
     * -log softmax(z)[yi] = logsumexp(z) - z[yi], both shifted by the row maximum.
     */
    private static double residual(double[] z, int yi) {
        int k = z.length;
        double max = z[0];
        for (int q = 1; q < k; q++) {
            max = Math.max(max, z[q]);
        }
        double zy = z[yi] - max;
        double sum = 0;
        for (int q = 0; q < k; q++) {
            double e = Math.exp(z[q] - max);
            z[q] = e;
            sum += e;
        }
        double inv = 1.0 / sum;
        for (int q = 0; q < k; q++) {
            z[q] *= inv;
        }
        z[yi] -= 1.0;
        return Math.log(sum) - zy;
    }
}
