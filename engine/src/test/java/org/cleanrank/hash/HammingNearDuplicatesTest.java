package org.cleanrank.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.vectorization.BaseVectorizationTestCase;
import org.cleanrank.vectorization.HammingKernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HammingNearDuplicatesTest extends BaseVectorizationTestCase {
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
        HammingKernels plain = plainProvider().hammingKernels(),
                simd = panamaProvider().hammingKernels();
        for (int words : new int[] {1, 4}) {
            long[] h = hashes(301, words, words);
            float[] a = new float[301 * 301], b = new float[301 * 301];
            plain.tile(h, words, 0, 301, 0, 301, a);
            simd.tile(h, words, 0, 301, 0, 301, b);
            assertArrayEquals(a, b);
            // a tile that starts and ends off the vector lanes (the Panama twin's scalar tail)
            float[] c = new float[5 * 11], d = new float[5 * 11];
            plain.tile(h, words, 3, 8, 1, 12, c);
            simd.tile(h, words, 3, 8, 1, 12, d);
            assertArrayEquals(c, d);
            for (int k = 0; k < c.length; k++) {
                assertEquals(a[(3 + k / 11) * 301 + 1 + k % 11], c[k]);
            }
            assertEquals(plain.distance(h, words, 7, 250), simd.distance(h, words, 7, 250));
            assertEquals(a[7 * 301 + 250], plain.distance(h, words, 7, 250));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "panama"})
    void topKMatchesABruteForceSortWithCondensedTies(String twin) {
        HammingKernels k = provider(twin).hammingKernels();
        for (int words : new int[] {1, 4}) {
            int n = 700;
            long[] h = hashes(n, words, 2 + words);
            record P(int i, int j, int d) {}
            List<P> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    all.add(new P(i, j, bruteForce(h, words, i, j)));
                }
            }
            all.sort(Comparator.comparingInt(P::d)); // stable: condensed order within ties
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

    /** Differing bits counted word by word, independently of the kernels. */
    private static int bruteForce(long[] h, int words, int i, int j) {
        int d = 0;
        for (int w = 0; w < words; w++) {
            d += Long.bitCount(h[i * words + w] ^ h[j * words + w]);
        }
        return d;
    }
}
