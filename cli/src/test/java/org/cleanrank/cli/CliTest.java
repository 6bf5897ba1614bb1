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
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("fixtures/golden"))) {
            root = root.getParent();
        }
        return root.resolve("fixtures/golden/selfclean").resolve(c);
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
        long[] truth = org.cleanrank.io.NpyArrayTestAccess.longs(g.resolve("truth_off_topic.npy"));
        StringBuilder sb = new StringBuilder("index,label\n");
        for (int i = 0; i < truth.length; i++) {
            sb.append(i).append(',').append(truth[i]).append('\n');
        }
        Path t = Files.writeString(dir.resolve("truth.csv"), sb);
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
        long[] clique = org.cleanrank.io.NpyArrayTestAccess.longs(g.resolve("truth_nd_clique.npy"));
        StringBuilder cs = new StringBuilder("index,clique\n");
        for (int i = 0; i < clique.length; i++) {
            cs.append(i).append(',').append(clique[i]).append('\n');
        }
        Path ct = Files.writeString(dir.resolve("cliques.csv"), cs);
        Run p = run("evaluate", "--ranking", out.resolve("near_duplicates.csv").toString(), "--truth", ct.toString());
        assertEquals(0, p.code(), p.err());
        assertEquals(
                1.0, new ObjectMapper().readTree(p.out()).get("Precision@1").asDouble());
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
        for (String c : new String[] {"selfclean", "evaluate", "demo"}) {
            Run h = run(c, "--help");
            assertEquals(0, h.code());
            assertTrue(h.out().contains("Usage: cleanrank " + c), h.out());
        }
    }
}
