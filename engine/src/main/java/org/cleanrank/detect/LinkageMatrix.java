package org.cleanrank.detect;

/**
 * A scipy linkage matrix: row r = (left, right, distance, size), merging clusters {@code left < right}
 * into cluster {@code n + r}. Stored flat, row-major, as scipy's float64 array.
 */
public record LinkageMatrix(int n, double[] z) {

    public int rows() {
        return n - 1;
    }

    public int left(int r) {
        return (int) z[4 * r];
    }

    public int right(int r) {
        return (int) z[4 * r + 1];
    }

    public double distance(int r) {
        return z[4 * r + 2];
    }

    public int size(int r) {
        return (int) z[4 * r + 3];
    }

    /** Number of leaves under node {@code id} (a leaf when id &lt; n). */
    public int count(int id) {
        return id < n ? 1 : size(id - n);
    }
}
