package org.cleanrank.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.NpyArray;
import org.cleanrank.label.noiserank.FlatL2Search;
import org.cleanrank.label.noiserank.Neighbours;
import org.cleanrank.outlier.PyodKnn;

/**
 * Compares our NoiseRank prototype search (faiss IndexFlatL2 semantics) and PyOD KNN scores with the
 * reference libraries on inputs no golden covers (other dimensions, near-ties, duplicates), written by
 * {@code bench/reference/crosscheck_unseen.py DIR}. Usage: {@code java -cp bench/target/benchmarks.jar
 * --add-modules jdk.incubator.vector org.cleanrank.bench.UnseenCaseCheck DIR}. Prints one line per case.
 */
public final class UnseenCaseCheck {
    private UnseenCaseCheck() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        for (int d : new int[] {16, 100, 256, 320, 512, 640, 768, 1024}) {
            if (!Files.exists(dir.resolve("faiss_X" + d + ".npy"))) {
                continue;
            }
            Neighbours nb = FlatL2Search.search(FloatMatrix.load(dir.resolve("faiss_X" + d + ".npy")),
                    FloatMatrix.load(dir.resolve("faiss_P" + d + ".npy")), 5, 0);
            int wrongIndex = 0;
            int bitEqual = 0;
            double maxDiff = 0;
            try (NpyArray ri = NpyArray.open(dir.resolve("faiss_I" + d + ".npy")); NpyArray rd = NpyArray.open(dir.resolve("faiss_D" + d + ".npy"))) {
                for (int i = 0; i < nb.indices().length; i++) {
                    wrongIndex += ri.getLong(i) == nb.indices()[i] ? 0 : 1;
                    float ref = (float) rd.getDouble(i);
                    bitEqual += ref == nb.squaredDistances()[i] ? 1 : 0;
                    maxDiff = Math.max(maxDiff, Math.abs(ref - nb.squaredDistances()[i]));
                }
            }
            System.out.printf("faiss IndexFlatL2 d=%4d: neighbour indices differing %d/%d; distances bit-equal %d/%d, max |diff| %.2g%n",
                    d, wrongIndex, nb.indices().length, bitEqual, nb.indices().length, maxDiff);
        }
        for (int d : new int[] {3, 8, 15, 16, 40, 128, 768}) {
            if (!Files.exists(dir.resolve("knn_X" + d + ".npy"))) {
                continue;
            }
            double[] s = PyodKnn.defaults().decisionScores(FloatMatrix.load(dir.resolve("knn_X" + d + ".npy")));
            int bitEqual = 0;
            double maxRel = 0;
            try (NpyArray r = NpyArray.open(dir.resolve("knn_S" + d + ".npy"))) {
                for (int i = 0; i < s.length; i++) {
                    double ref = r.getDouble(i);
                    bitEqual += ref == s[i] ? 1 : 0;
                    maxRel = ref == 0 ? maxRel : Math.max(maxRel, Math.abs(ref - s[i]) / ref);
                }
            }
            System.out.printf("PyOD KNN d=%4d: scores bit-equal %d/%d, max relative diff %.2g%n", d, bitEqual, s.length, maxRel);
        }
    }
}
