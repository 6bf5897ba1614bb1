package org.cleanrank.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.NpyArray;
import org.cleanrank.label.cl.ConfidentJoint;
import org.cleanrank.label.cl.FilterBy;
import org.cleanrank.label.cl.LabelIssueFilter;
import org.cleanrank.label.cl.LabelQuality;
import org.cleanrank.label.cl.LabeledProbabilities;
import org.cleanrank.label.cl.QualityMethod;
import org.cleanrank.label.classify.AdaBoostSammeR;
import org.cleanrank.label.noiserank.FlatL2Search;
import org.cleanrank.label.noiserank.Neighbours;
import org.cleanrank.outlier.PyodEcod;
import org.cleanrank.outlier.PyodHbos;
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
            Neighbours nb = FlatL2Search.search(
                    FloatMatrix.load(dir.resolve("faiss_X" + d + ".npy")),
                    FloatMatrix.load(dir.resolve("faiss_P" + d + ".npy")),
                    5,
                    0);
            int wrongIndex = 0;
            int bitEqual = 0;
            double maxDiff = 0;
            try (NpyArray ri = NpyArray.open(dir.resolve("faiss_I" + d + ".npy"));
                    NpyArray rd = NpyArray.open(dir.resolve("faiss_D" + d + ".npy"))) {
                for (int i = 0; i < nb.indices().length; i++) {
                    wrongIndex += ri.getLong(i) == nb.indices()[i] ? 0 : 1;
                    float ref = (float) rd.getDouble(i);
                    bitEqual += ref == nb.squaredDistances()[i] ? 1 : 0;
                    maxDiff = Math.max(maxDiff, Math.abs(ref - nb.squaredDistances()[i]));
                }
            }
            System.out.printf(
                    "faiss IndexFlatL2 d=%4d: neighbour indices differing %d/%d; distances bit-equal %d/%d, max |diff| %.2g%n",
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
            System.out.printf(
                    "PyOD KNN d=%4d: scores bit-equal %d/%d, max relative diff %.2g%n", d, bitEqual, s.length, maxRel);
        }
        for (int d : new int[] {5, 33, 200}) {
            if (!Files.exists(dir.resolve("pyod_X" + d + ".npy"))) {
                continue;
            }
            FloatMatrix x = FloatMatrix.load(dir.resolve("pyod_X" + d + ".npy"));
            compareScores(
                    "PyOD ECOD d=" + d, PyodEcod.defaults().decisionScores(x), dir.resolve("pyod_ecod" + d + ".npy"));
            compareScores(
                    "PyOD HBOS d=" + d, PyodHbos.defaults().decisionScores(x), dir.resolve("pyod_hbos" + d + ".npy"));
        }
        adaBoost(dir);
        for (int c : new int[] {7, 25}) {
            if (!Files.exists(dir.resolve("cl_pp" + c + ".npy"))) {
                continue;
            }
            double[] pp = NpyArray.readDoubles(dir.resolve("cl_pp" + c + ".npy"));
            long[] raw = NpyArray.readLongs(dir.resolve("cl_labels" + c + ".npy"));
            int[] labels = new int[raw.length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = (int) raw[i];
            }
            LabeledProbabilities p = LabeledProbabilities.of(pp, c, labels);
            long[][] joint = ConfidentJoint.compute(p, true).counts();
            long[] refJoint = NpyArray.readLongs(dir.resolve("cl_joint" + c + ".npy"));
            int jointDiff = 0;
            for (int i = 0; i < c; i++) {
                for (int j = 0; j < c; j++) {
                    jointDiff += joint[i][j] == refJoint[i * c + j] ? 0 : 1;
                }
            }
            System.out.printf(
                    "cleanlab C=%d: calibrated confident joint entries differing %d/%d%n", c, jointDiff, c * c);
            for (QualityMethod m : QualityMethod.values()) {
                compareScores(
                        "cleanlab C=" + c + " label quality " + m.referenceName(),
                        LabelQuality.scores(p, m),
                        dir.resolve("cl_quality_" + m.referenceName() + c + ".npy"));
            }
            LabelIssueFilter filter = new LabelIssueFilter(0);
            for (FilterBy f : FilterBy.values()) {
                boolean[] mask = filter.find(p, f);
                long[] ref = NpyArray.readLongs(dir.resolve("cl_mask_" + f.referenceName() + c + ".npy"));
                int diff = 0;
                int flagged = 0;
                for (int i = 0; i < mask.length; i++) {
                    diff += (mask[i] ? 1 : 0) == ref[i] ? 0 : 1;
                    flagged += (int) ref[i];
                }
                System.out.printf(
                        "cleanlab C=%d: mask %s differs on %d/%d samples (%d flagged)%n",
                        c, f.referenceName(), diff, mask.length, flagged);
            }
        }
    }

    private static void adaBoost(Path dir) {
        for (int c : new int[] {3, 6}) {
            if (!Files.exists(dir.resolve("ada_X" + c + ".npy"))) {
                continue;
            }
            FloatMatrix x = FloatMatrix.load(dir.resolve("ada_X" + c + ".npy"));
            long[] y = NpyArray.readLongs(dir.resolve("ada_y" + c + ".npy"));
            int[] train = java.util.stream.IntStream.range(0, x.rows())
                    .filter(i -> i % 3 != 0)
                    .toArray();
            int[] test = java.util.stream.IntStream.range(0, x.rows())
                    .filter(i -> i % 3 == 0)
                    .toArray();
            int[] trainLabels =
                    java.util.Arrays.stream(train).map(i -> (int) y[i]).toArray();
            double[][] p = new AdaBoostSammeR().fit(x, train, trainLabels, c).predictProba(x, test);
            double[] ref = NpyArray.readDoubles(dir.resolve("ada_P" + c + ".npy"));
            double max = 0;
            for (int r = 0; r < p.length; r++) {
                for (int k = 0; k < c; k++) {
                    max = Math.max(max, Math.abs(p[r][k] - ref[r * c + k]));
                }
            }
            System.out.printf(
                    "sklearn AdaBoost SAMME.R C=%d: held-out probabilities max |diff| %.2g over %d x %d%n",
                    c, max, p.length, c);
        }
    }

    private static void compareScores(String what, double[] s, Path reference) {
        double[] ref = NpyArray.readDoubles(reference);
        int bitEqual = 0;
        double maxRel = 0;
        for (int i = 0; i < s.length; i++) {
            bitEqual += ref[i] == s[i] ? 1 : 0;
            double scale = Math.max(Math.abs(ref[i]), 1e-300);
            maxRel = Math.max(maxRel, Math.abs(ref[i] - s[i]) / scale);
        }
        System.out.printf("%s: bit-equal %d/%d, max relative diff %.2g%n", what, bitEqual, s.length, maxRel);
    }
}
