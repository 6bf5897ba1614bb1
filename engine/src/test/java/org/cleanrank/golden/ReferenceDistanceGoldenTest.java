package org.cleanrank.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.cleanrank.Fixtures;
import org.cleanrank.detect.IntraExtraLabelErrors;
import org.cleanrank.detect.IntraExtraReductions;
import org.cleanrank.detect.LadOffTopicDetector;
import org.cleanrank.detect.LinkageMatrix;
import org.cleanrank.detect.SingleLinkageTestAccess;
import org.cleanrank.io.Labels;
import org.cleanrank.rank.SampleRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The detectors' algorithms are exact: given the reference's own distances (the n=600 case ships its
 * float32 distance matrix) or its own linkage matrix, they reproduce the reference outputs exactly.
 */
class ReferenceDistanceGoldenTest {
    private static final Path N600 = Fixtures.golden("selfclean", "synth_n600_d64_seed1");

    static float[] referenceDistances() {
        double[] d = Fixtures.doubles(N600.resolve("expected/distance_matrix.npy"));
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    @Test
    void primOnReferenceDistancesEqualsScipy() {
        float[] d = referenceDistances();
        int n = (int) Math.round(Math.sqrt(d.length));
        LinkageMatrix z = SingleLinkageTestAccess.denseScipyPrim(n, d);
        double[] ref = Fixtures.doubles(N600.resolve("expected/single_linkage.npy"));
        assertArrayEquals(ref, z.z(), 0.0, "scipy.cluster.hierarchy.single, bit for bit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"synth_n600_d64_seed1", "synth_n2000_d384_seed2"})
    void ladOnReferenceLinkageEqualsSelfClean(String c) {
        Path dir = Fixtures.golden("selfclean", c);
        double[] ref = Fixtures.doubles(dir.resolve("expected/single_linkage.npy"));
        LinkageMatrix z = new LinkageMatrix(ref.length / 4 + 1, ref);
        SampleRanking r = LadOffTopicDetector.rank(z, false);
        int[] refIdx = Fixtures.ints(dir.resolve("expected/off_topic_indices.npy"));
        double[] refScore = Fixtures.doubles(dir.resolve("expected/off_topic_scores.npy"));
        assertArrayEquals(refIdx, r.indices(), "LAD visit order");
        for (int rank = 0; rank < refScore.length; rank++) {
            assertEquals(
                    refScore[rank],
                    r.score(rank),
                    1e-12 * Math.max(1, Math.abs(refScore[rank])),
                    "score at rank " + rank);
        }
    }

    @Test
    void labelErrorsOnReferenceDistancesEqualSelfClean() {
        float[] d = referenceDistances();
        int n = (int) Math.round(Math.sqrt(d.length));
        int[] labels = Labels.load(N600.resolve("labels.npy"), n);
        // the reference's full matrix is not exactly symmetric (each row is its own sgemm row): use full rows
        IntraExtraReductions red = SingleLinkageTestAccess.rowWise(labels, d);
        SampleRanking r = IntraExtraLabelErrors.rank(IntraExtraLabelErrors.scores(red));
        int[] refIdx = Fixtures.ints(N600.resolve("expected/label_errors_indices.npy"));
        double[] refScore = Fixtures.doubles(N600.resolve("expected/label_errors_scores.npy"));
        assertArrayEquals(refIdx, r.indices(), "label-error order");
        for (int rank = 0; rank < n; rank++) {
            assertEquals(refScore[rank], r.score(rank), 0.0, "float32 score at rank " + rank);
        }
    }

    /** Each merge of a linkage as (leaf set -> merge distance): row order and cluster ids aside. */
    static Map<BitSet, Double> clusters(LinkageMatrix z) {
        int n = z.n();
        BitSet[] sets = new BitSet[2 * n - 1];
        Map<BitSet, Double> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            sets[i] = new BitSet(n);
            sets[i].set(i);
        }
        for (int r = 0; r < z.rows(); r++) {
            BitSet b = (BitSet) sets[z.left(r)].clone();
            b.or(sets[z.right(r)]);
            sets[n + r] = b;
            out.put(b, z.distance(r));
        }
        return out;
    }
}
