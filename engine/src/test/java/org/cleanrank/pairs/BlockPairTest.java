package org.cleanrank.pairs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockPairTest {
    @ParameterizedTest
    @CsvSource({"1,128", "2,128", "128,128", "129,128", "700,256", "1000,384", "5000,1024"})
    void theSharesOfTheTriangleHoldEveryPairOnce(int n, int block) {
        int[] seen = new int[n * (n - 1) / 2];
        List<BlockPair> shares = BlockPair.triangle(n, block);
        long pairs = 0;
        for (BlockPair s : shares) {
            for (int a = 0; a < s.rows(); a++) {
                for (int b = a + 1; b < s.rows(); b++) {
                    int i = s.global(a), j = s.global(b);
                    assertTrue(i < j, "local order is global order");
                    boolean inShare = s.isDiagonal() || (i < s.a1() && j >= s.b0());
                    if (inShare) {
                        seen[(int) org.cleanrank.rank.Condensed.index(n, i, j)]++;
                    }
                }
            }
            pairs += s.pairCount();
        }
        for (int c = 0; c < seen.length; c++) {
            assertEquals(1, seen[c], "pair " + c);
        }
        assertEquals(seen.length, pairs);
    }

    @Test
    void blockRowsAreWholeTilesAndBounded() {
        assertEquals(PairEngine.TILE, BlockPair.blockRows(100, 50, 4096));
        int b = BlockPair.blockRows(50_000, 36, 4096);
        assertEquals(0, b % PairEngine.TILE);
        int blocks = (50_000 + b - 1) / b;
        assertTrue(blocks * (blocks + 1) / 2 >= 36, "at least the shares asked for");
        assertEquals(4096, BlockPair.blockRows(10_000_000, 64, 4096));
    }

    @Test
    void misplacedBlocksAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BlockPair(0, 100, 128, 256)); // A not whole panels
        assertThrows(IllegalArgumentException.class, () -> new BlockPair(128, 256, 0, 128)); // B before A
        assertThrows(IllegalArgumentException.class, () -> new BlockPair(4, 8, 4, 8)); // off a panel boundary
    }
}
