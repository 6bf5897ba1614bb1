package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cleanrank.CleanRankException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCliTest {
    @TempDir
    Path dir;

    /** Runs {@code command --images <the golden image folder> options...}. */
    static CliTest.Run onGoldenImages(String command, String... options) {
        List<String> args =
                new ArrayList<>(List.of(command, "--images", golden("images").toString()));
        args.addAll(List.of(options));
        return CliTest.run(args.toArray(String[]::new));
    }

    static Path golden(String... p) {
        return Golden.path("images", p);
    }

    /** A folder with the 37 golden images and the 4 bad files. */
    Path mixedFolder() throws Exception {
        Path f = Files.createDirectories(dir.resolve("imgs"));
        try (var s = Files.list(golden("images"))) {
            for (Path p : s.toList()) {
                Files.copy(p, f.resolve(p.getFileName()));
            }
        }
        for (String bad : new String[] {"truncated.jpg", "zero_bytes.jpg", "not_an_image.png", "corrupt_idat.png"}) {
            Files.copy(golden("bad", bad), f.resolve(bad));
        }
        return f;
    }

    @Test
    void hashSkipsBadFilesAndMatchesTheReferenceForTheRest() throws Exception {
        Path imgs = mixedFolder();
        Map<String, String[]> expected = new HashMap<>();
        List<String> rows = Files.readAllLines(golden("expected_hashes.csv"));
        for (String r : rows.subList(1, rows.size())) {
            String[] f = r.split(",", -1);
            expected.put(f[0], f);
        }
        for (String[] algo : new String[][] {{"imagehash", "1"}, {"opencv", "3"}}) {
            Path out = dir.resolve(algo[0] + ".csv");
            CliTest.Run r =
                    CliTest.run("hash", "--images", imgs.toString(), "--algorithm", algo[0], "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("4 of 41 files skipped"), r.err());
            assertTrue(r.err().contains("truncated.jpg") && r.err().contains("zero_bytes.jpg"), r.err());
            List<String> lines = Files.readAllLines(out);
            assertEquals("file,hash", lines.get(0));
            assertEquals(38, lines.size());
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.split(",");
                assertEquals(expected.get(f[0])[Integer.parseInt(algo[1])], f[1], algo[0] + " " + f[0]);
            }
        }
    }

    @Test
    void ssimMatrixInListOrderMatchesTheReference() throws Exception {
        Path out = dir.resolve("d.npy");
        CliTest.Run r = onGoldenImages(
                "ssim", "--list", golden("order.txt").toString(), "--variant", "fast", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        long[] shape;
        try (var a = org.cleanrank.io.NpyArray.open(out);
                var ref = org.cleanrank.io.NpyArray.open(golden("ssim_fast_distance.npy"))) {
            shape = a.shape();
            assertEquals(37, shape[0]);
            for (int i = 1; i < 37; i++) {
                for (int j = 0; j < i; j++) {
                    assertEquals(ref.getDouble(i * 37 + j), a.getDouble(i * 37 + j), 2e-3);
                }
                assertEquals(0.0, a.getDouble(i * 37 + i));
            }
        }
        CliTest.Run bad = onGoldenImages("ssim", "--size", "original", "--out", out.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--size original needs images of one size"), bad.err());
        CliTest.Run small = onGoldenImages("ssim", "--variant", "gaussian", "--size", "8", "--out", out.toString());
        assertEquals(2, small.code(), small.err());
        assertTrue(small.err().contains("use --size 11 or larger"), small.err());
        assertEquals(
                1,
                small.err()
                        .strip()
                        .lines()
                        .filter(l -> l.startsWith("cleanrank:"))
                        .count(),
                small.err());
    }

    @Test
    void ssimRefusesAMatrixTheHeapCannotHoldBeforeDecoding() {
        // 16,577 images (Fitzpatrick17k) need ~1.1 GB for the matrix: fine with 8 GB, refused with 1 GB
        SsimCommand.checkMemory(16_577, 64 * 64, 8L << 30, "fast");
        CleanRankException e = org.junit.jupiter.api.Assertions.assertThrows(
                CleanRankException.class, () -> SsimCommand.checkMemory(16_577, 64 * 64, 1L << 30, "fast"));
        assertTrue(
                e.getMessage().contains("set CLEANRANK_HEAP=") && e.getMessage().contains("--pairs K"), e.getMessage());
        // the pair ranking is fast SSIM at 64 x 64 only: no such hint for another variant or size
        CleanRankException sk = org.junit.jupiter.api.Assertions.assertThrows(
                CleanRankException.class, () -> SsimCommand.checkMemory(16_577, 64 * 64, 1L << 30, "gaussian"));
        assertTrue(!sk.getMessage().contains("--pairs K") && sk.getMessage().contains("--list"), sk.getMessage());
        // full-size images: the statistics dominate
        org.junit.jupiter.api.Assertions.assertThrows(
                CleanRankException.class, () -> SsimCommand.checkMemory(2_000, 1024L * 1024, 8L << 30, "fast"));
        CleanRankException big = org.junit.jupiter.api.Assertions.assertThrows(
                CleanRankException.class, () -> SsimCommand.checkMemory(50_000, 64 * 64, 64L << 30, "fast"));
        assertTrue(big.getMessage().contains("largest array"), big.getMessage());
    }

    @Test
    void nearDuplicatesByEveryMethod() throws Exception {
        for (String m : new String[] {"phash", "phash-opencv", "ssim"}) {
            Path out = dir.resolve(m + ".csv");
            CliTest.Run r = onGoldenImages("near-duplicates", "--method", m, "--out", out.toString(), "--pairs", "all");
            assertEquals(0, r.code(), r.err());
            List<String> lines = Files.readAllLines(out);
            assertEquals("rank,file_i,file_j,distance", lines.get(0));
            assertEquals(37 * 36 / 2 + 1, lines.size());
            double prev = -1;
            for (String l : lines.subList(1, lines.size())) {
                double d = Double.parseDouble(l.split(",")[3]);
                assertTrue(d >= prev);
                prev = d;
            }
        }
        CliTest.Run empty = CliTest.run(
                "near-duplicates",
                "--images",
                Files.createDirectories(dir.resolve("empty")).toString(),
                "--method",
                "phash",
                "--out",
                dir.resolve("x.csv").toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("holds no files"), empty.err());
    }
}
