package org.cleanrank.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cleanrank.CleanRankException;
import org.cleanrank.pairs.PackedEmbeddings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NpyArrayTest {
    @TempDir
    Path dir;

    /** Writes a .npy by hand: any version, dtype and byte order. */
    static Path npy(Path p, int major, String descr, String shape, double[] values, boolean fortran)
            throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': "
                + shape + ", }";
        int pre = major == 1 ? 10 : 12;
        int total = pre + dict.length() + 1;
        String header = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteOrder bo = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int size = Integer.parseInt(descr.substring(2));
        ByteBuffer b = ByteBuffer.allocate(pre + header.length() + values.length * size)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) header.length());
        } else {
            b.putInt(header.length());
        }
        b.put(header.getBytes(StandardCharsets.UTF_8));
        b.order(bo);
        for (double v : values) {
            if (descr.charAt(1) == 'f') {
                if (size == 4) {
                    b.putFloat((float) v);
                } else if (size == 8) {
                    b.putDouble(v);
                } else {
                    b.putShort((short) 0);
                }
            } else {
                switch (size) {
                    case 1 -> b.put((byte) v);
                    case 2 -> b.putShort((short) v);
                    case 4 -> b.putInt((int) v);
                    default -> b.putLong((long) v);
                }
            }
        }
        Files.write(p, b.array());
        return p;
    }

    @ParameterizedTest
    @CsvSource({"1,<f4", "2,<f8", "3,>f4", "1,>f8", "2,<f4"})
    void readsFloatMatricesOfEveryVersionAndByteOrder(int major, String descr) throws IOException {
        double[] v = {3, 4, 0, 0, 1, 0};
        Path p = npy(dir.resolve("e.npy"), major, descr, "(3, 2)", v, false);
        PackedEmbeddings m = Embeddings.load(p);
        assertEquals(3, m.n());
        float[] row = new float[2];
        m.copyRow(0, row);
        assertEquals(0.6f, row[0]);
        assertEquals(0.8f, row[1]);
        m.copyRow(1, row);
        assertEquals(0f, row[0], "zero row stays zero");
    }

    @ParameterizedTest
    @CsvSource({"|i1", "<i2", ">i4", "<i8", "|u1", "<u2"})
    void readsIntegerLabels(String descr) throws IOException {
        Path p = npy(dir.resolve("l.npy"), 1, descr, "(4,)", new double[] {5, 7, 5, 1}, false);
        assertEquals(3, Labels.distinct(Labels.load(p, 4)));
    }

    private String error(ThrowingRunnable r) {
        CleanRankException e = assertThrows(CleanRankException.class, r::run);
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void badInputsGetOneLineErrorsNamingTheFile() throws IOException {
        Path missing = dir.resolve("missing.npy");
        assertTrue(error(() -> Embeddings.load(missing)).contains("missing.npy"));
        Path garbage = Files.writeString(dir.resolve("g.npy"), "hello, this is not numpy");
        assertTrue(error(() -> Embeddings.load(garbage)).contains("not a .npy"));
        Path empty = Files.write(dir.resolve("empty.npy"), new byte[0]);
        assertTrue(error(() -> Embeddings.load(empty)).contains("empty.npy"));
        Path oneD = npy(dir.resolve("1d.npy"), 1, "<f4", "(4,)", new double[] {1, 2, 3, 4}, false);
        assertTrue(error(() -> Embeddings.load(oneD)).contains("2-D"));
        Path single = npy(dir.resolve("n1.npy"), 1, "<f4", "(1, 4)", new double[] {1, 2, 3, 4}, false);
        assertTrue(error(() -> Embeddings.load(single)).contains("at least 2"));
        Path nan = npy(dir.resolve("nan.npy"), 1, "<f4", "(2, 2)", new double[] {1, Double.NaN, 3, 4}, false);
        assertTrue(error(() -> Embeddings.load(nan)).contains("row 0 column 1"));
        Path inf = npy(
                dir.resolve("inf.npy"), 1, "<f8", "(2, 2)", new double[] {1, 2, Double.POSITIVE_INFINITY, 4}, false);
        assertTrue(error(() -> Embeddings.load(inf)).contains("row 1"));
        Path fortran = npy(dir.resolve("f.npy"), 1, "<f4", "(2, 2)", new double[] {1, 2, 3, 4}, true);
        assertTrue(error(() -> Embeddings.load(fortran)).contains("Fortran"));
        Path ints = npy(dir.resolve("i.npy"), 1, "<i4", "(2, 2)", new double[] {1, 2, 3, 4}, false);
        assertTrue(error(() -> Embeddings.load(ints)).contains("float32 or float64"));
        Path c16 = npy(dir.resolve("c.npy"), 1, "<f2", "(2, 2)", new double[] {1, 2, 3, 4}, false);
        assertTrue(error(() -> Embeddings.load(c16)).contains("not supported"));
        byte[] full = Files.readAllBytes(npy(dir.resolve("t.npy"), 1, "<f4", "(3, 2)", new double[6], false));
        Path truncated = Files.write(dir.resolve("trunc.npy"), java.util.Arrays.copyOf(full, full.length - 5));
        assertTrue(error(() -> Embeddings.load(truncated)).contains("truncated"));
        Path labels = npy(dir.resolve("l.npy"), 1, "<i8", "(3,)", new double[] {1, 2, 3}, false);
        assertTrue(error(() -> Labels.load(labels, 4)).contains("3 labels for 4"));
    }

    @Test
    void csvLabels() throws IOException {
        Path p = Files.writeString(dir.resolve("l.csv"), "index,label\n0,cat\n1,dog\n2,cat\n");
        int[] codes = Labels.load(p, 3);
        assertEquals(codes[0], codes[2]);
        assertTrue(codes[0] != codes[1]);
    }

    @Test
    void writerRoundTrips() {
        Path p = dir.resolve("w.npy");
        NpyWriter.writeFloat32(p, new float[] {1f, 2f, 3f, 4f, 5f, 6f}, 2, 3);
        try (NpyArray a = NpyArray.open(p)) {
            assertEquals(6, a.elementCount());
            assertEquals(6.0, a.getDouble(5));
        }
    }

    @Test
    void wholeArrayCopiesKeepFlatOrderAndRefuseNonIntegralLongs() throws IOException {
        Path ints = npy(dir.resolve("i.npy"), 1, ">i2", "(2, 2)", new double[] {-3, 7, 0, 12}, false);
        assertArrayEquals(new long[] {-3, 7, 0, 12}, NpyArray.readLongs(ints));
        assertArrayEquals(new double[] {-3, 7, 0, 12}, NpyArray.readDoubles(ints));
        Path floats = npy(dir.resolve("f.npy"), 1, "<f8", "(3,)", new double[] {0.5, 2, -1e300}, false);
        assertArrayEquals(new double[] {0.5, 2, -1e300}, NpyArray.readDoubles(floats));
        assertThrows(CleanRankException.class, () -> NpyArray.readLongs(floats));
    }

    @Test
    void bothLoadersNameTheNonFiniteOrOverflowingValue() throws IOException {
        Path nan = npy(dir.resolve("nan.npy"), 1, "<f8", "(2, 2)", new double[] {1, 2, 3, Double.NaN}, false);
        String nanMessage = nan + ": row 1 column 1 is NaN; remove or impute non-finite embedding values";
        assertEquals(nanMessage, error(() -> Embeddings.load(nan)));
        assertEquals(nanMessage, error(() -> FloatMatrix.load(nan)));
        Path big = npy(dir.resolve("big.npy"), 1, "<f8", "(2, 2)", new double[] {1, 1e300, 3, 4}, false);
        String bigMessage = big + ": row 0 column 1 (1.0E300) overflows float32; rescale the embeddings";
        assertEquals(bigMessage, error(() -> Embeddings.load(big)));
        assertEquals(bigMessage, error(() -> FloatMatrix.load(big)));
    }
}
