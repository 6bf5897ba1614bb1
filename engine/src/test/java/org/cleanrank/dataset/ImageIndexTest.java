package org.cleanrank.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cleanrank.CleanRankException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ImageIndex on the 37 golden images (fixtures/golden/images/images), as they are and with files removed, added, renamed. */
class ImageIndexTest {
    static final Path IMAGES = GoldenImagesSet.dir().resolve("images");

    @Test
    void findsEveryGoldenImageAndTheirBytesMatchTheirNames() throws IOException {
        List<String> ids = GoldenImagesSet.order();
        ImageIndex idx = ImageIndex.build(IMAGES, ids, true, 2);
        DatasetMismatch m = idx.mismatch();
        assertTrue(m.isEmpty(), m.summary());
        assertEquals(37, m.matched());
        assertEquals("images: all 37 samples matched", m.summary());
        List<String> files = Files.readAllLines(GoldenImagesSet.dir().resolve("order.txt")).stream()
                .filter(s -> !s.isBlank())
                .map(String::strip)
                .toList();
        for (int i = 0; i < ids.size(); i++) {
            assertEquals(IMAGES.resolve(files.get(i)), idx.path(i), "sample " + i);
        }
    }

    @Test
    void reportsMissingExtraDuplicateAndCorruptImages(@TempDir Path tmp) throws IOException {
        List<String> ids = GoldenImagesSet.order();
        Path dir = Files.createDirectories(tmp.resolve("images"));
        Path sub = Files.createDirectories(dir.resolve("nested/deeper"));
        try (Stream<Path> s = Files.list(IMAGES)) {
            for (Path p : s.toList()) {
                Files.copy(p, sub.resolve(p.getFileName()));
            }
        }
        String removed = ids.get(5);
        Files.delete(sub.resolve(removed + ".jpg"));
        // an image of a hash that is in no row, and one whose name is no hash
        Files.copy(IMAGES.resolve(ids.get(0) + ".png"), dir.resolve("ffffffffffffffffffffffffffffffff.PNG"));
        Files.copy(IMAGES.resolve(ids.get(0) + ".png"), dir.resolve("holiday.jpg"));
        // a second file for a sample (other extension, other folder): reported, the first in path order is kept
        Files.copy(IMAGES.resolve(ids.get(1) + ".jpg"), dir.resolve(ids.get(1) + ".jpeg"));
        // bytes that do not hash to the name
        Files.write(sub.resolve(ids.get(2) + ".jpg"), new byte[] {1, 2, 3});
        // ignored: hidden files and folders, non-image files
        Files.copy(IMAGES.resolve(ids.get(3) + ".png"), dir.resolve(".aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.png"));
        Files.createDirectories(dir.resolve(".cache"));
        Files.copy(IMAGES.resolve(ids.get(3) + ".png"), dir.resolve(".cache/bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.png"));
        Files.writeString(dir.resolve("notes.txt"), "hi");

        ImageIndex idx = ImageIndex.build(dir, ids, true, 2);
        DatasetMismatch m = idx.mismatch();
        assertEquals(36, m.matched());
        assertEquals(1, m.missing().count());
        assertEquals(List.of(removed), m.missing().examples());
        assertNull(idx.path(5));
        assertEquals(2, m.unknown().count());
        assertEquals(
                List.of("ffffffffffffffffffffffffffffffff.PNG", "holiday.jpg"),
                m.unknown().examples());
        assertEquals(1, m.duplicates().count());
        // path order: "<md5>.jpeg" sorts before "nested/...", so the .jpeg copy is the sample's image
        assertEquals(
                List.of(Path.of("nested/deeper", ids.get(1) + ".jpg") + " (also " + ids.get(1) + ".jpeg)"),
                m.duplicates().examples());
        assertEquals(dir.resolve(ids.get(1) + ".jpeg"), idx.path(1));
        assertEquals(1, m.wrongContent().count());
        assertEquals(
                Path.of("nested/deeper", ids.get(2) + ".jpg") + " is 5289df737df57326fcdd22597afb1fac",
                m.wrongContent().examples().get(0));
        assertEquals(
                "images: 36 of 37 samples matched; samples without an image: 1 (e.g. " + removed
                        + "); images with no row: 2 (e.g. "
                        + "ffffffffffffffffffffffffffffffff.PNG, holiday.jpg); extra images of a sample that already has one: 1 (e.g. "
                        + m.duplicates().examples().get(0) + "); images whose bytes do not hash to their name: 1 (e.g. "
                        + m.wrongContent().examples().get(0) + ")",
                m.summary());
        assertTrue(!m.summary().contains("\n"));
        // without verification, the wrong bytes go unnoticed
        assertEquals(
                0, ImageIndex.build(dir, ids, false).mismatch().wrongContent().count());
    }

    @Test
    void examplesAreCappedAtFive(@TempDir Path tmp) {
        List<String> ids = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> String.format("%032x", i))
                .toList();
        DatasetMismatch m = ImageIndex.build(tmp, ids, false).mismatch();
        assertEquals(12, m.missing().count());
        assertEquals(5, m.missing().examples().size());
        assertTrue(m.summary().endsWith(", ...)"), m.summary());
    }

    @Test
    void aMissingFolderIsAnError(@TempDir Path tmp) {
        CleanRankException e =
                assertThrows(CleanRankException.class, () -> ImageIndex.build(tmp.resolve("nope"), List.of(), false));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }
}
