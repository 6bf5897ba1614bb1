package org.cleanrank.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.junit.jupiter.api.Test;

class HammingNearDuplicatesTest {
    static long[] hashes(int n, int words, long seed) {
        Random r = new Random(seed);
        long[] h = new long[n * words];
        for (int i = 0; i < h.length; i++) {
            h[i] = r.nextLong();
        }
        for (int i = 0; i < n / 4; i++) {
            // near copies: flip a few bits of an earlier hash, and some exact copies (ties at 0)
            int src = r.nextInt(n);
            for (int w = 0; w < words; w++) {
                h[(n - 1 - i) * words + w] = h[src * words + w] ^ (i % 3 == 0 ? 0 : (1L << r.nextInt(64)));
            }
        }
        return h;
    }

    @Test
    void twinsAgree() {
        HammingKernels simd = HammingKernelProvider.panamaOrNull();
        assumeTrue(simd != null);
        long[] h = hashes(301, 1, 1);
        float[] a = new float[301 * 301], b = new float[301 * 301];
        HammingKernels.PLAIN.tile(h, 1, 0, 301, 0, 301, a);
        simd.tile(h, 1, 0, 301, 0, 301, b);
        assertArrayEquals(a, b);
    }

    @Test
    void topKMatchesABruteForceSortWithCondensedTies() {
        for (int words : new int[] {1, 4}) {
            int n = 700;
            long[] h = hashes(n, words, 2 + words);
            record P(int i, int j, int d) {}
            List<P> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    all.add(new P(i, j, HammingKernels.PLAIN.distance(h, words, i, j)));
                }
            }
            all.sort(Comparator.comparingInt(P::d)); // stable: condensed order within ties
            for (HammingKernels k : new HammingKernels[] {HammingKernels.PLAIN, HammingKernelProvider.panamaOrNull()}) {
                if (k == null) {
                    continue;
                }
                PairRanking top = HammingNearDuplicates.rank(h, words, n, 5000, false, 2, k, Progress.NONE);
                for (int r = 0; r < 5000; r++) {
                    assertEquals(all.get(r).i(), top.i(r));
                    assertEquals(all.get(r).j(), top.j(r));
                    assertEquals(all.get(r).d(), top.distance(r));
                }
                PairRanking counts = HammingNearDuplicates.rank(h, words, n, -1, false, 2, k, Progress.NONE);
                for (int r = 0; r < all.size(); r += 89) {
                    assertEquals(all.get(r).d(), counts.distance(r), "raw counts (up to 256) sort too");
                    assertEquals(all.get(r).j(), counts.j(r));
                }
                PairRanking full = HammingNearDuplicates.rank(h, words, n, -1, true, 3, k, Progress.NONE);
                assertEquals(all.size(), full.size());
                for (int r = 0; r < all.size(); r += 97) {
                    assertEquals(all.get(r).i(), full.i(r));
                    assertEquals(all.get(r).d() / (64f * words), full.distance(r));
                }
            }
        }
    }
}
