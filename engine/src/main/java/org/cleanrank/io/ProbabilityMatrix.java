package org.cleanrank.io;

import java.nio.file.Path;
import java.util.Arrays;
import org.cleanrank.CleanRankException;

/** Reads an N x C predicted-probability matrix ({@code .npy}, float) into row-major doubles. */
public final class ProbabilityMatrix {
    private ProbabilityMatrix() {}

    public record Loaded(int rows, int classes, double[] data) {}

    public static Loaded load(Path path) {
        try (NpyArray a = NpyArray.open(path)) {
            long[] shape = a.shape();
            if (shape.length != 2) {
                throw new CleanRankException(path + ": predicted probabilities must be a 2-D N x C array, got shape "
                        + Arrays.toString(shape));
            }
            if (!a.dtype().isFloat()) {
                throw new CleanRankException(
                        path + ": predicted probabilities must be float32 or float64, got " + a.dtype());
            }
            if (shape[0] * shape[1] > Integer.MAX_VALUE - 16) {
                throw new CleanRankException(path + ": " + shape[0] + " x " + shape[1] + " is too large for one array");
            }
            int n = (int) shape[0];
            int c = (int) shape[1];
            double[] data = new double[n * c];
            for (int i = 0; i < data.length; i++) {
                data[i] = a.getDouble(i);
            }
            return new Loaded(n, c, data);
        }
    }
}
