package org.cleanrank.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cleanrank.Fixtures;
import org.cleanrank.rank.PairRanking;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SelfClean's own {@code fraction_cut} on seeded and awkward score arrays (exact duplicates, scores of 0
 * and 1, NaN, all equal, one or no valid score, N = 2 and 3, numpy's float32 log dipping at the cut-off),
 * run by {@code bench/reference/crosscheck_auto_cleaning.py} with numpy 1.24.2 / scipy 1.10.1.
 */
class FractionCutReferenceCasesTest {

    static Stream<Arguments> cases() throws IOException {
        JsonNode root = new ObjectMapper()
                .readTree(
                        Fixtures.golden("selfclean", "auto_cleaning_cases.json").toFile());
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(c.get("name").asText(), c));
        }
        assertTrue(out.size() >= 50);
        return out.stream();
    }

    private static double[] scores(JsonNode c) {
        JsonNode s = c.get("scores");
        double[] v = new double[s.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = s.get(i).isNull() ? Double.NaN : s.get(i).asDouble();
        }
        return v;
    }

    private static long[] positions(JsonNode e) {
        JsonNode p = e.get("positions");
        long[] v = new long[p == null ? 0 : p.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = p.get(i).asLong();
        }
        return v;
    }

    static void assertCutoff(JsonNode expected, double ours, String what) {
        JsonNode c = expected.get("logit_cutoff");
        if (c == null || c.isNull()) {
            assertTrue(Double.isNaN(ours), what + ": reference has no cut-off, ours " + ours);
        } else {
            double ref = c.asDouble();
            assertEquals(ref, ours, 1e-9 * Math.abs(ref), what + " cut-off");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void samplePathReproducesReference(String name, JsonNode c) {
        double[] s = scores(c);
        boolean float32 = c.get("dtype").asText().equals("float32");
        JsonNode e = c.get("expected");
        FractionCut.Outcome o = FractionCut.onSamples(
                s,
                float32,
                c.get("n").asLong(),
                c.get("alpha").asDouble(),
                c.get("q").asDouble());
        if (e.has("error")) {
            // the reference raises (no score strictly inside (0, 1)): defined here as nothing flagged
            assertNull(o.fit());
            assertEquals(0, o.flagged());
            assertTrue(Double.isNaN(o.logitCutoff()));
            return;
        }
        long[] ref = positions(e);
        assertArrayEquals(ref, o.referencePositions(), "positions in the filtered array");
        assertEquals(ref.length, o.flagged());
        assertCutoff(e, o.logitCutoff(), name);
        // the flagged rows are the ones the positions stand for
        List<Integer> validRows = new ArrayList<>();
        for (int r = 0; r < s.length; r++) {
            if (s[r] > 0 && s[r] < 1) {
                validRows.add(r);
            }
        }
        assertEquals(validRows.size(), s.length - o.outsideOpenInterval());
        java.util.Set<Integer> flaggedRows = new java.util.HashSet<>();
        for (long p : ref) {
            flaggedRows.add(validRows.get((int) p));
        }
        for (int r = 0; r < s.length; r++) {
            assertEquals(flaggedRows.contains(r), o.flaggedRanks().contains(r), "row " + r);
        }
    }

    /** The pair path (order statistics and counts only) on the ascending float32 pair cases. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pairPathReproducesReference(String name, JsonNode c) {
        double[] s = scores(c);
        long n = c.get("n").asLong();
        boolean pairs = c.get("dtype").asText().equals("float32") && s.length == n * (n - 1) / 2;
        for (int r = 1; r < s.length && pairs; r++) {
            pairs = !(s[r] < s[r - 1]) && !Double.isNaN(s[r]);
        }
        if (!pairs || Double.isNaN(s[0])) {
            return;
        }
        float[] d = new float[s.length];
        for (int r = 0; r < d.length; r++) {
            d[r] = (float) s[r];
        }
        PairRanking ranking = PairRanking.of(new int[d.length], new int[d.length], d);
        FractionCut.Outcome o = FractionCut.onPairs(
                SortedDistances.of(ranking),
                n,
                c.get("alpha").asDouble(),
                c.get("q").asDouble());
        JsonNode e = c.get("expected");
        if (e.has("error")) {
            assertEquals(0, o.flagged());
            return;
        }
        long[] ref = positions(e);
        assertArrayEquals(ref, o.referencePositions(), "positions in the filtered array");
        assertCutoff(e, o.logitCutoff(), name);
        long zeros = 0;
        while (zeros < d.length && d[(int) zeros] == 0f) {
            zeros++;
        }
        for (long p : ref) {
            assertTrue(o.flaggedRanks().contains(p + zeros), "rank " + (p + zeros) + " flagged");
        }
        for (long r = 0; r < zeros; r++) {
            assertFalse(o.flaggedRanks().contains(r), "exact duplicates are never flagged by the rule");
        }
    }
}
