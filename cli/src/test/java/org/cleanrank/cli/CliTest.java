package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        System.setErr(new PrintStream(err, true));
        try {
            int code = Main.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Path golden(String c) {
        return Golden.path("selfclean", c);
    }

    @Test
    void selfcleanWritesThreeRankingsThatEvaluateReads() throws Exception {
        Path g = golden("synth_n600_d64_seed1");
        Path out = dir.resolve("out");
        Run r = run(
                "selfclean",
                "--embeddings",
                g.resolve("embeddings.npy").toString(),
                "--labels",
                g.resolve("labels.npy").toString(),
                "--out",
                out.toString(),
                "--pairs",
                "500",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> nd = Files.readAllLines(out.resolve("near_duplicates.csv"));
        assertEquals("rank,i,j,distance", nd.get(0));
        assertEquals(501, nd.size());
        List<String> ot = Files.readAllLines(out.resolve("off_topic.csv"));
        assertEquals("rank,index,score", ot.get(0));
        assertEquals(601, ot.size());
        assertEquals("1,336,", ot.get(1).substring(0, 6), "reference's first off-topic sample");
        assertEquals(601, Files.readAllLines(out.resolve("label_errors.csv")).size());
        assertFalse(Files.list(out).anyMatch(p -> p.getFileName().toString().endsWith(".part")));

        // truth CSV from the golden case, then evaluate: same metrics as the reference's case.json
        Path t = truthCsv(g.resolve("truth_off_topic.npy"), "label");
        Run e = run("evaluate", "--ranking", out.resolve("off_topic.csv").toString(), "--truth", t.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode json = new ObjectMapper().readTree(e.out());
        JsonNode ref = new ObjectMapper()
                .readTree(g.resolve("case.json").toFile())
                .get("metrics")
                .get("off_topic_samples");
        assertEquals(ref.get("AP").asDouble(), json.get("AP").asDouble(), 1e-12);
        assertEquals(600, json.get("n").asInt());

        // pair ranking against cliques
        Path ct = truthCsv(g.resolve("truth_nd_clique.npy"), "clique");
        Run p = run("evaluate", "--ranking", out.resolve("near_duplicates.csv").toString(), "--truth", ct.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(
                1.0, new ObjectMapper().readTree(p.out()).get("Precision@1").asDouble());
    }

    /** {@code index,<column>} rows from a golden truth .npy, as `evaluate` reads them. */
    private Path truthCsv(Path npy, String column) throws Exception {
        int[] values = Golden.ints(npy);
        StringBuilder sb = new StringBuilder("index," + column + "\n");
        for (int i = 0; i < values.length; i++) {
            sb.append(i).append(',').append(values[i]).append('\n');
        }
        return Files.writeString(dir.resolve(column + ".csv"), sb);
    }

    /** {@code a} followed by {@code b}: a shared argument list with a run's own arguments. */
    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badInputsExitTwoWithOneLine() throws Exception {
        Run missing = run("selfclean", "--embeddings", dir.resolve("nope.npy").toString(), "--out", dir.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("cleanrank: ") && missing.err().contains("nope.npy"), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        Path junk = Files.writeString(dir.resolve("junk.npy"), "definitely not numpy");
        Run j = run("selfclean", "--embeddings", junk.toString(), "--out", dir.toString());
        assertEquals(2, j.code());
        assertTrue(j.err().contains("not a .npy"), j.err());

        Path emb = dir.resolve("e.npy");
        NpyWriter.writeFloat32(emb, new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        Path labels = dir.resolve("l.npy");
        NpyWriter.writeInt64(labels, new long[] {1, 2}, 2);
        Run l = run(
                "selfclean",
                "--embeddings",
                emb.toString(),
                "--labels",
                labels.toString(),
                "--out",
                dir.resolve("o").toString());
        assertEquals(2, l.code());
        assertTrue(l.err().contains("2 labels for 3"), l.err());
        assertFalse(Files.exists(dir.resolve("o/near_duplicates.csv")), "nothing written on error");

        Run k = run("selfclean", "--embeddings", emb.toString(), "--out", dir.toString(), "--pairs", "many");
        assertEquals(2, k.code());

        Path r = Files.writeString(dir.resolve("r.csv"), "rank,index,score\n1,0,0.1\n2,7,0.2\n");
        Path t = Files.writeString(dir.resolve("t.csv"), "index,label\n0,1\n1,0\n");
        Run ev = run("evaluate", "--ranking", r.toString(), "--truth", t.toString());
        assertEquals(2, ev.code());
        assertTrue(ev.err().contains("r.csv: line 3") && ev.err().contains("index 7"), ev.err());
    }

    /** The same small seeded set, written to {@code out}, with {@code extra} options. */
    private static Run demoSet(Path out, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("demo-embeddings", "--n", "300", "--dim", "16", "--seed", "5", "--out", out.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void demoEmbeddingsWriteOnlyWritesTheSameSetWithoutRankings() throws Exception {
        Path only = dir.resolve("only"), full = dir.resolve("full");
        Run w = demoSet(only, "--write-only");
        assertEquals(0, w.code(), w.err());
        assertFalse(Files.exists(only.resolve("near_duplicates.csv")), "no SelfClean run");
        assertFalse(w.out().contains("SelfClean on"), w.out());
        Run f = demoSet(full, "--pairs", "10");
        assertEquals(0, f.code(), f.err());
        assertTrue(Files.exists(full.resolve("near_duplicates.csv")));
        for (String file :
                new String[] {"embeddings.npy", "labels.npy", "truth_off_topic.npy", "truth_nd_clique.npy"}) {
            assertEquals(-1L, Files.mismatch(only.resolve(file), full.resolve(file)), file);
        }
        FloatMatrix e = FloatMatrix.load(only.resolve("embeddings.npy"));
        assertEquals(300, e.rows());
        assertEquals(16, e.cols());

        Run noOut = run("demo-embeddings", "--n", "300", "--write-only");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--write-only") && noOut.err().contains("--out"), noOut.err());
    }

    @Test
    void everyCommandHasHelp() {
        Map<String, CommandLine> commands = new CommandLine(new Main()).getSubcommands();
        assertTrue(commands.keySet().containsAll(List.of("selfclean", "evaluate", "demo", "benchmark", "ssim")));
        for (String c : commands.keySet()) {
            Run h = run(c, "--help");
            assertEquals(0, h.code(), c);
            assertTrue(h.out().contains("Usage: cleanrank " + c), h.out());
            assertFalse(h.out().contains("=<"), "every option has a parameter label: " + h.out());
        }
    }

    /** The commands that share an option take it from the one mixin: same name, label and help line. */
    @Test
    void sharedOptionsComeFromTheMixins() {
        Map<String, CommandLine> commands = new CommandLine(new Main()).getSubcommands();
        List<String> threaded = commands.keySet().stream()
                .filter(c -> commands.get(c).getCommandSpec().findOption("--threads") != null)
                .toList();
        assertEquals(
                List.of(
                        "selfclean",
                        "knn",
                        "demo",
                        "demo-embeddings",
                        "hash",
                        "ssim",
                        "near-duplicates",
                        "audit",
                        "detect",
                        "benchmark"),
                threaded);
        for (String c : threaded) {
            CommandSpec spec = commands.get(c).getCommandSpec();
            assertTrue(spec.mixins().values().stream().anyMatch(m -> m.userObject() instanceof RunOptions), c);
        }
    }

    /** --threads below 1 (or absurdly high) fails while parsing: one line, exit 2, for every command. */
    @Test
    void threadsOutOfRangeIsOneLine() {
        for (String c : new CommandLine(new Main()).getSubcommands().keySet()) {
            if (c.equals("evaluate") || c.equals("help")) {
                continue;
            }
            for (String t : new String[] {"0", "-3", "100000"}) {
                Run r = run(c, "--threads", t, "--out", dir.resolve("never").toString());
                assertEquals(2, r.code(), c + " --threads " + t + "\n" + r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(
                        r.err().startsWith("cleanrank: --threads " + t + ": expected 1 to " + RunOptions.MAX_THREADS),
                        r.err());
                assertTrue(r.err().contains("see 'cleanrank " + c + " --help'"), r.err());
                assertFalse(Files.exists(dir.resolve("never")), "nothing written");
            }
        }
    }

    @Test
    void threadsGivenOrAllCores() {
        SelfCleanCommand given = new SelfCleanCommand();
        new CommandLine(given).parseArgs("--embeddings", "e.npy", "--out", "o", "--threads", "3");
        assertEquals(3, given.run.threadCount());
        assertEquals(3, given.run.threadsOrAllCores());
        SelfCleanCommand absent = new SelfCleanCommand();
        new CommandLine(absent).parseArgs("--embeddings", "e.npy", "--out", "o", "--pairs", "all");
        assertEquals(Runtime.getRuntime().availableProcessors(), absent.run.threadCount());
        assertEquals(0, absent.run.threadsOrAllCores(), "the engine's builders read 0 as all cores");
        assertEquals(SelfClean.ALL_PAIRS, absent.pairs.count);
        assertFalse(absent.run.quiet);
    }

    /** A mistyped option or command is a user error like a bad file: one line with the fix, exit 2, no usage. */
    @Test
    void parseErrorsAreOneLineWithASuggestion() {
        Run typo = run("selfclean", "--embeddings", "e.npy", "--out", dir.toString(), "--thread", "2");
        assertEquals(2, typo.code());
        assertEquals(1, typo.err().strip().lines().count(), typo.err());
        assertTrue(typo.err().contains("'--thread'") && typo.err().contains("did you mean --threads?"), typo.err());
        Run command = run("selfcleen");
        assertEquals(2, command.code());
        assertEquals(
                "cleanrank: Unmatched argument at index 0: 'selfcleen' (did you mean selfclean?); see 'cleanrank --help'",
                command.err().strip());
        Run missing = run("hash", "--images", dir.toString(), "--algorithm", "opencv");
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("--out"), missing.err());
    }
}
