package org.cleanrank.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.Fixtures;

/** The golden mini CleanPatrick set (fixtures/golden/images): order.txt and manifest.csv, read independently of the loaders. */
final class GoldenImagesSet {
    private GoldenImagesSet() {}

    static Path dir() {
        return Fixtures.golden("images");
    }

    /** md5 of each image, order.txt order. */
    static List<String> order() throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir().resolve("order.txt"))) {
            if (!l.isBlank()) {
                out.add(l.strip().substring(0, l.strip().lastIndexOf('.')));
            }
        }
        return out;
    }

    /** manifest.csv rows keyed by md5 (file name without extension). */
    static Map<String, CSVRecord> manifest() throws IOException {
        Map<String, CSVRecord> out = new TreeMap<>();
        try (Reader r = Files.newBufferedReader(dir().resolve("manifest.csv"));
                CSVParser p = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(r)) {
            for (CSVRecord rec : p) {
                String f = rec.get("file");
                out.put(f.substring(0, f.lastIndexOf('.')), rec);
            }
        }
        return out;
    }

    /** A manifest column as ints, in order.txt order. */
    static int[] manifestInts(String column) throws IOException {
        Map<String, CSVRecord> m = manifest();
        return order().stream()
                .mapToInt(h -> Integer.parseInt(m.get(h).get(column)))
                .toArray();
    }

    /** The manifest's near-duplicate groups with more than one member, as sorted sets of sample indices. */
    static TreeSet<List<Integer>> manifestGroups() throws IOException {
        int[] group = manifestInts("group");
        Map<Integer, List<Integer>> byGroup = new TreeMap<>();
        for (int i = 0; i < group.length; i++) {
            byGroup.computeIfAbsent(group[i], k -> new ArrayList<>()).add(i);
        }
        return canonical(byGroup.values().stream()
                .filter(g -> g.size() > 1)
                .map(g -> g.stream().mapToInt(Integer::intValue).toArray())
                .toList());
    }

    /** Groups as a set of sorted index lists, for order-free comparison. */
    static TreeSet<List<Integer>> canonical(List<int[]> groups) {
        TreeSet<List<Integer>> out = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (int[] g : groups) {
            out.add(java.util.Arrays.stream(g).sorted().boxed().toList());
        }
        return out;
    }
}
