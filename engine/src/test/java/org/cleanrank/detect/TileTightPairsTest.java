package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.EmbeddingKernels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both twins of the per-block tight-pair test emit exactly the pairs whose distance equals their minimax
 * distance in the block's graph, computed here the obvious way (Floyd-Warshall on minimax), on blocks
 * full of ties, duplicates and zero rows (a member of a group of identical rows counts as the group's
 * canonical row).
 */
class TileTightPairsTest extends BaseVectorizationTestCase {
    private static final EmbeddingKernels K = plainProvider().embeddingKernels();

    @ParameterizedTest
    @ValueSource(strings = {"plain", "panama"})
    void twinsEmitExactlyTheTightPairsOfEachBlock(String twin) {
        Random r = new Random(3);
        List<TileTightPairs> twins =
                List.of(new TileTightPairs(40, provider(twin).blockLaneOps()));
        int checked = 0;
        for (int trial = 0; trial < 60; trial++) {
            int n = 16 + r.nextInt(64);
            int dim = 2 + r.nextInt(3);
            float[][] x = trial % 2 == 0
                    ? PairPassSingleLinkageTest.coarseIntegers(r, n, dim)
                    : PairPassSingleLinkageTest.gaussian(r, n, dim);
            PairPassSingleLinkageTest.duplicate(r, x, 0.2, trial % 3 == 0);
            if (trial % 4 == 1) {
                PairPassSingleLinkageTest.zeroRows(r, x, 0.2);
            }
            PackedEmbeddings m = PairPassSingleLinkageTest.of(x);
            IdenticalRows rows = IdenticalRows.of(m, K);
            float[] buf = new float[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    buf[i * n + j] =
                            i < j ? K.distance(m.panels(), m.dim(), i, j) : Float.NaN; // only i < j may be read
                }
            }
            int a0 = r.nextInt(n / 2), a1 = Math.min(n / 2, a0 + 1 + r.nextInt(40));
            int b0 = n / 2 + r.nextInt(n / 4), b1 = Math.min(n, b0 + 1 + r.nextInt(40));
            TreeSet<String> diag = expected(m, rows, a0, a1, a0, a1);
            TreeSet<String> bip = expected(m, rows, a0, a1, b0, b1);
            for (TileTightPairs t : twins) {
                CandidateEdges out = new CandidateEdges(0);
                t.diagonal(buf, n, 0, 0, a0, a1, rows, out);
                assertEquals(diag, asSet(out), t.ops().name() + " diagonal, trial " + trial);
                out = new CandidateEdges(0);
                t.bipartite(buf, n, 0, 0, a0, a1, b0, b1, rows, out);
                assertEquals(bip, asSet(out), t.ops().name() + " bipartite, trial " + trial);
                checked += diag.size() + bip.size();
            }
        }
        assertTrue(checked > 1000, "the blocks have tight pairs to compare: " + checked);
    }

    private static TreeSet<String> asSet(CandidateEdges e) {
        TreeSet<String> s = new TreeSet<>();
        for (int k = 0; k < e.size(); k++) {
            s.add(e.a(k) + "-" + e.b(k) + ":" + e.d(k)); // members of one group may give the same pair
        }
        return s;
    }

    /** Tight pairs of the block's graph (complete if the ranges are equal, else bipartite), by brute force. */
    private static TreeSet<String> expected(PackedEmbeddings m, IdenticalRows rows, int a0, int a1, int b0, int b1) {
        boolean diagonal = a0 == b0;
        List<Integer> pts = new ArrayList<>();
        for (int i = a0; i < a1; i++) {
            pts.add(i);
        }
        if (!diagonal) {
            for (int i = b0; i < b1; i++) {
                pts.add(i);
            }
        }
        pts.removeIf(rows::isZero);
        int v = pts.size();
        float[][] w = new float[v][v];
        float[][] mm = new float[v][v];
        for (int p = 0; p < v; p++) {
            for (int q = 0; q < v; q++) {
                boolean edge = p != q && (diagonal || ((pts.get(p) < b0) != (pts.get(q) < b0)));
                w[p][q] = edge
                        ? K.distance(
                                m.panels(), m.dim(), Math.min(pts.get(p), pts.get(q)), Math.max(pts.get(p), pts.get(q)))
                        : Float.POSITIVE_INFINITY;
                mm[p][q] = w[p][q];
            }
        }
        for (int k = 0; k < v; k++) {
            for (int p = 0; p < v; p++) {
                for (int q = 0; q < v; q++) {
                    mm[p][q] = Math.min(mm[p][q], Math.max(mm[p][k], mm[k][q]));
                }
            }
        }
        TreeSet<String> s = new TreeSet<>();
        for (int p = 0; p < v; p++) {
            for (int q = p + 1; q < v; q++) {
                int a = pts.get(p), b = pts.get(q);
                int ca = rows.canonical(a), cb = rows.canonical(b);
                if (w[p][q] != Float.POSITIVE_INFINITY && w[p][q] == mm[p][q] && ca != cb) {
                    s.add(Math.min(ca, cb) + "-" + Math.max(ca, cb) + ":" + w[p][q]);
                }
            }
        }
        return s;
    }
}
