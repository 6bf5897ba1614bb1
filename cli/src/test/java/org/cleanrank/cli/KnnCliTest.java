package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.cleanrank.io.Embeddings;
import org.cleanrank.io.NpyArray;
import org.cleanrank.io.NpyWriter;
import org.cleanrank.knn.ExactKnn;
import org.cleanrank.knn.NeighbourLists;
import org.cleanrank.pairs.PackedEmbeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnnCliTest {
    @TempDir
    Path dir;

    private static Path knnGolden(String file) {
        return CliTest.golden("x")
                .getParent()
                .getParent()
                .resolve("knn/adversarial_200x16")
                .resolve(file);
    }

    /** The file's int32 or float32 values as read back (checks dtype and shape). */
    private static double[] values(Path p, String dtype, long rows, long cols) {
        try (NpyArray a = NpyArray.open(p)) {
            assertEquals(dtype, a.dtype().toString(), p + " dtype");
            assertArrayEquals(new long[] {rows, cols}, a.shape(), p + " shape");
            return a.toDoubleArray();
        }
    }

    private static void assertWritten(Path out, NeighbourLists expected) {
        double[] idx = values(out.resolve("indices.npy"), "<i4", expected.rows(), expected.k());
        double[] sim = values(out.resolve("similarities.npy"), "<f4", expected.rows(), expected.k());
        for (int c = 0; c < idx.length; c++) {
            assertEquals(expected.indices()[c], (int) idx[c], "index " + c);
            assertEquals(expected.similarities()[c], (float) sim[c], "similarity " + c);
        }
    }

    @Test
    void selfSearchWritesTheLibrarysListsAtomically() throws Exception {
        Path base = knnGolden("base.npy");
        Path out = dir.resolve("out");
        CliTest.Run r = knn("--embeddings", base.toString(), "--k", "10", "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("knn "), "progress on stderr: " + r.err());
        PackedEmbeddings m = Embeddings.load(base);
        assertWritten(out, ExactKnn.builder().k(10).build().selfSearch(m));
        assertFalse(Files.list(out).anyMatch(p -> p.getFileName().toString().endsWith(".part")));

        CliTest.Run self =
                knn("--embeddings", base.toString(), "--k", "3", "--include-self", "--out", out.toString(), "--quiet");
        assertEquals(0, self.code(), self.err());
        assertEquals("", self.err(), "--quiet");
        assertWritten(out, ExactKnn.builder().k(3).includeSelf(true).build().selfSearch(m));
    }

    @Test
    void queriesAgainstTheBaseAndPaddingBeyondIt() throws Exception {
        Path base = knnGolden("base.npy");
        Path queries = knnGolden("queries.npy");
        Path out = dir.resolve("q");
        CliTest.Run r = knn(
                "--embeddings",
                base.toString(),
                "--queries",
                queries.toString(),
                "--k",
                "7",
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertWritten(out, ExactKnn.builder().k(7).build().search(Embeddings.load(queries), Embeddings.load(base)));

        Path small = dir.resolve("small.npy");
        NpyWriter.writeFloat32(small, new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        CliTest.Run p = knn("--embeddings", small.toString(), "--k", "5", "--out", out.toString());
        assertEquals(0, p.code(), p.err());
        assertTrue(p.err().contains("padded with -1"), p.err());
        double[] idx = values(out.resolve("indices.npy"), "<i4", 3, 5);
        double[] sim = values(out.resolve("similarities.npy"), "<f4", 3, 5);
        // row 0 = (1, 0): row 2 (cos 0.707) before row 1 (cos 0), then two missing
        assertArrayEquals(new double[] {2, 1, -1, -1}, java.util.Arrays.copyOfRange(idx, 0, 4));
        assertEquals(-3.4028234663852886e38, sim[4]);

        Path one = dir.resolve("one.npy");
        NpyWriter.writeFloat32(one, new float[] {0, 0, 0}, 1, 3);
        CliTest.Run z = knn("--embeddings", one.toString(), "--k", "2", "--include-self", "--out", out.toString());
        assertEquals(0, z.code(), z.err());
        assertArrayEquals(new double[] {0, -1}, values(out.resolve("indices.npy"), "<i4", 1, 2));
        assertEquals(0.0, values(out.resolve("similarities.npy"), "<f4", 1, 2)[0], "zero row: cosine 0");
    }

    private static CliTest.Run knn(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "knn";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliTest.run(all);
    }

    private CliTest.Run refused(String... args) {
        CliTest.Run r = knn(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("cleanrank: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        return r;
    }

    @Test
    void badInputsExitTwoWithOneLine() throws Exception {
        Path e = dir.resolve("e.npy");
        NpyWriter.writeFloat32(e, new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        String out = dir.resolve("out").toString();
        assertTrue(refused("--embeddings", e.toString(), "--k", "0", "--out", out)
                .err()
                .contains("--k 0"));
        Path q3 = dir.resolve("q3.npy");
        NpyWriter.writeFloat32(q3, new float[] {1, 2, 3}, 1, 3);
        assertTrue(refused("--embeddings", e.toString(), "--queries", q3.toString(), "--k", "1", "--out", out)
                .err()
                .contains("D = 3"));
        Path nan = dir.resolve("nan.npy");
        NpyWriter.writeFloat32(nan, new float[] {1, Float.NaN, 0, 1}, 2, 2);
        assertTrue(refused("--embeddings", nan.toString(), "--k", "1", "--out", out)
                .err()
                .contains("NaN"));
        Path inf = dir.resolve("inf.npy");
        NpyWriter.writeFloat32(inf, new float[] {1, 0, Float.POSITIVE_INFINITY, 1}, 2, 2);
        refused("--embeddings", e.toString(), "--queries", inf.toString(), "--k", "1", "--out", out);
        Path empty = dir.resolve("empty.npy");
        NpyWriter.writeFloat32(empty, new float[0], 0, 4);
        assertTrue(refused("--embeddings", empty.toString(), "--k", "1", "--out", out)
                .err()
                .contains("N = 0"));
        refused("--embeddings", e.toString(), "--queries", empty.toString(), "--k", "1", "--out", out);
        refused("--embeddings", e.toString(), "--queries", e.toString(), "--include-self", "--k", "1", "--out", out);
        refused("--embeddings", dir.resolve("missing.npy").toString(), "--k", "1", "--out", out);
        assertFalse(Files.exists(dir.resolve("out")), "nothing written on refusal");
    }
}
