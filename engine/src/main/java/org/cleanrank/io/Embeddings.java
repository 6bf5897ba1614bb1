package org.cleanrank.io;

import java.nio.file.Path;
import org.cleanrank.CleanRankException;
import org.cleanrank.pairs.PackedEmbeddings;

/** Loads an N x D embedding matrix from {@code .npy} (memory-mapped) into normalised float32 panels. */
public final class Embeddings {
    private Embeddings() {}

    /**
     * Reads, checks (2-D, float32/float64, N &gt;= 2, D &gt;= 1, every value finite) and normalises.
     * float64 input is rounded to float32 first: the engine computes in float32, as SelfClean stores
     * its distances.
     */
    public static PackedEmbeddings load(Path path) {
        return load(path, 2, "ranking");
    }

    /**
     * The same with at least {@code minRows} rows (kNN takes a single row; an empty matrix never loads),
     * {@code purpose} naming what needs them in the error message.
     */
    public static PackedEmbeddings load(Path path, int minRows, String purpose) {
        try (NpyArray a = NpyArray.open(path)) {
            long[] shape = FloatMatrix.checkEmbeddingShape(path, a, Math.max(1, minRows), purpose);
            if (shape[0] > Integer.MAX_VALUE || shape[1] > Integer.MAX_VALUE) {
                throw new CleanRankException(path + ": shape " + java.util.Arrays.toString(shape) + " is too large");
            }
            int n = (int) shape[0];
            int d = (int) shape[1];
            return PackedEmbeddings.normalise(path.toString(), n, d, a::readRow);
        }
    }
}
