package org.cleanrank.rank;

/**
 * The condensed (upper-triangle, row-major, no diagonal) numbering of pairs that scipy and SelfClean
 * use: (0,1), (0,2), ..., (0,n-1), (1,2), ...
 */
public final class Condensed {
    private Condensed() {}

    public static long size(int n) {
        return (long) n * (n - 1) / 2;
    }

    /** Condensed index of pair (i, j), i &lt; j. */
    public static long index(int n, int i, int j) {
        return (long) i * n - (long) i * (i + 1) / 2 + (j - i - 1);
    }

    /** First condensed index of row i. */
    public static long rowStart(int n, int i) {
        return (long) i * n - (long) i * (i + 1) / 2;
    }

    /** Row i of condensed index k. */
    public static int row(int n, long k) {
        // invert k = i*n - i(i+1)/2 with a float estimate, then correct it exactly
        double b = 2.0 * n - 1;
        int i = (int) Math.floor((b - Math.sqrt(b * b - 8.0 * k)) / 2);
        if (i < 0) {
            i = 0;
        }
        if (i > n - 2) {
            i = n - 2;
        }
        while (i > 0 && rowStart(n, i) > k) {
            i--;
        }
        while (i < n - 2 && rowStart(n, i + 1) <= k) {
            i++;
        }
        return i;
    }

    /** Column j of condensed index k in row i. */
    public static int column(int n, long k, int i) {
        return (int) (k - rowStart(n, i)) + i + 1;
    }
}
