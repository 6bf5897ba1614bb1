package org.cleanrank.io;

import java.nio.file.Path;
import java.util.Arrays;
import org.cleanrank.CleanRankException;
import org.cleanrank.pairs.PackedEmbeddings;

/**
 * A dense row-major float32 N x D matrix as the reference baselines see embeddings: PyOD, cleanlab and
 * NoiseRank work on the raw float32 values (not SelfClean's normalised rows). Loading applies the same
 * checks as {@link Embeddings#load}: 2-D, float32/float64, N &gt;= 2, every value finite.
 */
public record FloatMatrix(int rows, int cols, float[] data) {
    public FloatMatrix {
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException(rows + " x " + cols + " does not match " + data.length + " values");
        }
    }

    public float get(int r, int c) {
        return data[r * cols + c];
    }

    /** A copy of row {@code r}. */
    public float[] row(int r) {
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    /** A copy of column {@code c}. */
    public float[] column(int c) {
        float[] out = new float[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = data[r * cols + c];
        }
        return out;
    }

    public static FloatMatrix of(float[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * d];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, data, r * d, d);
        }
        return new FloatMatrix(rows.length, d, data);
    }

    /** The checks every embedding loader applies: 2-D, float, N &gt;= 2, D &gt;= 1; returns the shape. */
    static long[] checkEmbeddingShape(Path path, NpyArray a) {
        return checkEmbeddingShape(path, a, 2, "ranking");
    }

    /** The same checks with N &gt;= {@code minRows}; {@code purpose} says what needs them in the message. */
    static long[] checkEmbeddingShape(Path path, NpyArray a, int minRows, String purpose) {
        long[] shape = a.shape();
        if (shape.length != 2) {
            throw new CleanRankException(path + ": embeddings must be a 2-D N x D array, got shape "
                    + Arrays.toString(shape) + "; reshape to (N, D)");
        }
        if (!a.dtype().isFloat()) {
            throw new CleanRankException(path + ": embeddings must be float32 or float64, got " + a.dtype()
                    + "; convert with a.astype(numpy.float32)");
        }
        if (shape[0] < minRows) {
            throw new CleanRankException(
                    path + ": N = " + shape[0] + " samples; " + purpose + " needs at least " + minRows);
        }
        if (shape[1] < 1) {
            throw new CleanRankException(path + ": D = 0 features; the embeddings are empty");
        }
        return shape;
    }

    /** Reads a float32/float64 {@code .npy}; float64 is rounded to float32 as the references' float32 paths do. */
    public static FloatMatrix load(Path path) {
        try (NpyArray a = NpyArray.open(path)) {
            long[] shape = checkEmbeddingShape(path, a);
            if (shape[0] * shape[1] > Integer.MAX_VALUE - 16) {
                throw new CleanRankException(path + ": " + shape[0] + " x " + shape[1]
                        + " exceeds one Java array (2^31 values); reduce N or D (e.g. PCA) or split the dataset");
            }
            int n = (int) shape[0];
            int d = (int) shape[1];
            float[] data = new float[n * d];
            double[] row = new double[d];
            for (int r = 0; r < n; r++) {
                a.readRow(r, row);
                for (int k = 0; k < d; k++) {
                    data[r * d + k] = PackedEmbeddings.float32(path.toString(), r, k, row[k]);
                }
            }
            return new FloatMatrix(n, d, data);
        }
    }
}
