package org.cleanrank.label.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
    private final ExecutorService pool;
    private final int nChunks;
    private final double[][] partialGrad;
    private final double[] partialLoss;

    /**
     * @param x training rows as doubles, m x d row-major
     * @param y classes 0..K-1
     * @param pool evaluates chunks concurrently; null for the calling thread
     */
    SoftmaxLoss(double[] x, int m, int d, int[] y, int nClasses, double lambda, ExecutorService pool) {
        this.x = x;
        this.m = m;
        this.d = d;
        this.k = nClasses;
        this.y = y;
        this.lambda = lambda;
        this.pool = pool;
        this.nChunks = (m + CHUNK - 1) / CHUNK;
        this.partialGrad = new double[nChunks][dimension()];
        this.partialLoss = new double[nChunks];
    }

    int dimension() {
        return (d + 1) * k;
    }

    /** Writes the gradient at w into grad and returns the objective. */
    double valueAndGradient(double[] w, double[] grad) {
        if (pool == null || nChunks == 1) {
            for (int c = 0; c < nChunks; c++) {
                chunk(w, c);
            }
        } else {
            List<Callable<Void>> tasks = new ArrayList<>(nChunks);
            for (int c = 0; c < nChunks; c++) {
                int cc = c;
                tasks.add(() -> {
                    chunk(w, cc);
                    return null;
                });
            }
            try {
                for (Future<Void> f : pool.invokeAll(tasks)) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
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

    /** Loss and gradient of the rows of chunk c (without the penalty) into partialLoss/partialGrad[c]. */
    private void chunk(double[] w, int c) {
        double[] g = partialGrad[c];
        java.util.Arrays.fill(g, 0);
        int nw = d * k;
        double[] z = new double[k];
        double loss = 0;
        int end = Math.min(m, (c + 1) * CHUNK);
        for (int i = c * CHUNK; i < end; i++) {
            int row = i * d;
            System.arraycopy(w, nw, z, 0, k);
            for (int j = 0; j < d; j++) {
                double xij = x[row + j];
                int off = j * k;
                for (int q = 0; q < k; q++) {
                    z[q] += xij * w[off + q];
                }
            }
            double max = z[0];
            for (int q = 1; q < k; q++) {
                max = Math.max(max, z[q]);
            }
            int yi = y[i];
            double zy = z[yi] - max;
            double sum = 0;
            for (int q = 0; q < k; q++) {
                double e = Math.exp(z[q] - max);
                z[q] = e;
                sum += e;
            }
            // -log softmax[y] = logsumexp - z_y, both shifted by the row maximum
            loss += Math.log(sum) - zy;
            double inv = 1.0 / sum;
            for (int q = 0; q < k; q++) {
                z[q] *= inv;
            }
            z[yi] -= 1.0;
            for (int j = 0; j < d; j++) {
                double xij = x[row + j];
                int off = j * k;
                for (int q = 0; q < k; q++) {
                    g[off + q] += xij * z[q];
                }
            }
            for (int q = 0; q < k; q++) {
                g[nw + q] += z[q];
            }
        }
        partialLoss[c] = loss;
    }
}
