package org.cleanrank.label.classify;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, algorithm 7.4: two-loop recursion, initial Hessian scaled by
 * s'y / y'y) with a backtracking Armijo line search using safeguarded quadratic interpolation. Meant for
 * smooth convex objectives, where every accepted step has s'y &gt; 0; pairs with s'y &lt;= 0 are skipped.
 */
final class Lbfgs {
    /** The objective: returns f(w) and writes its gradient into grad. */
    interface Objective {
        double valueAndGradient(double[] w, double[] grad);
    }

    /** The outcome of a minimisation. */
    record Result(double[] w, double value, double gradientMaxAbs, int iterations, boolean converged) {}

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 30;
    private static final double STALL_RELATIVE = 1e-14;
    private static final int STALL_ITERATIONS = 3;

    private final int memory;
    private final double gradientTolerance;
    private final int maxIterations;

    /**
     * @param gradientTolerance stop when max_j |g_j| &lt;= this
     */
    Lbfgs(int memory, double gradientTolerance, int maxIterations) {
        this.memory = memory;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
    }

    Result minimize(Objective objective, double[] start) {
        int p = start.length;
        double[] w = start.clone();
        double[] g = new double[p];
        double f = objective.valueAndGradient(w, g);
        double[][] s = new double[memory][p];
        double[][] yv = new double[memory][p];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        int stored = 0;
        int newest = -1;
        double[] dir = new double[p];
        double[] wNew = new double[p];
        double[] gNew = new double[p];
        int iter = 0;
        double gMax = maxAbs(g);
        int stalled = 0;
        while (gMax > gradientTolerance && iter < maxIterations && stalled < STALL_ITERATIONS) {
            // two-loop recursion: dir = -H g
            for (int j = 0; j < p; j++) {
                dir[j] = -g[j];
            }
            for (int t = 0; t < stored; t++) {
                int i = Math.floorMod(newest - t, memory);
                alpha[i] = rho[i] * dot(s[i], dir);
                axpy(-alpha[i], yv[i], dir);
            }
            double step;
            if (stored > 0) {
                double gamma = dot(s[newest], yv[newest]) / dot(yv[newest], yv[newest]);
                for (int j = 0; j < p; j++) {
                    dir[j] *= gamma;
                }
                step = 1.0;
            } else {
                step = 1.0 / Math.max(1.0, norm(g));
            }
            for (int t = stored - 1; t >= 0; t--) {
                int i = Math.floorMod(newest - t, memory);
                double beta = rho[i] * dot(yv[i], dir);
                axpy(alpha[i] - beta, s[i], dir);
            }
            double slope = dot(g, dir);
            if (!(slope < 0)) {
                // not a descent direction (numerical breakdown): restart from steepest descent
                stored = 0;
                newest = -1;
                for (int j = 0; j < p; j++) {
                    dir[j] = -g[j];
                }
                slope = -dot(g, g);
                step = 1.0 / Math.max(1.0, norm(g));
            }
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int b = 0; b < MAX_BACKTRACKS; b++) {
                for (int j = 0; j < p; j++) {
                    wNew[j] = w[j] + step * dir[j];
                }
                fNew = objective.valueAndGradient(wNew, gNew);
                // strict decrease too: near the optimum the Armijo bound rounds to f itself
                if (fNew < f && fNew <= f + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                // minimiser of the quadratic through f, slope and fNew, kept within [0.1, 0.5] of the step
                double q = -slope * step * step / (2 * (fNew - f - slope * step));
                step = Double.isFinite(q) ? Math.min(0.5 * step, Math.max(0.1 * step, q)) : 0.5 * step;
            }
            if (!accepted) {
                // no decrease representable in double precision: as close as this precision allows
                break;
            }
            iter++;
            // f has ~16 significant digits: once steps keep gaining only a few ulps, the gradient is as small
            // as this precision can make it (the role of scipy's factr test, at 1e-14 instead of 2.2e-9)
            stalled = (f - fNew) <= STALL_RELATIVE * Math.max(1.0, Math.abs(f)) ? stalled + 1 : 0;
            double sy = 0;
            for (int j = 0; j < p; j++) {
                sy += (wNew[j] - w[j]) * (gNew[j] - g[j]);
            }
            if (sy > 0) {
                int slot = (newest + 1) % memory;
                double[] sv = s[slot];
                double[] yy = yv[slot];
                for (int j = 0; j < p; j++) {
                    sv[j] = wNew[j] - w[j];
                    yy[j] = gNew[j] - g[j];
                }
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, memory);
            }
            double[] tmp = w;
            w = wNew;
            wNew = tmp;
            tmp = g;
            g = gNew;
            gNew = tmp;
            f = fNew;
            gMax = maxAbs(g);
        }
        return new Result(w, f, gMax, iter, gMax <= gradientTolerance);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
