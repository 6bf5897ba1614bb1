package org.cleanrank.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.ints.IntSet;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.cleanrank.Fixtures;
import org.cleanrank.io.Embeddings;
import org.cleanrank.knn.ExactKnn;
import org.cleanrank.knn.NeighbourLists;
import org.cleanrank.pairs.PackedEmbeddings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact kNN against FAISS {@code IndexFlatIP} on normalised rows, run on this machine kind
 * ({@code fixtures/golden/knn/README.md}). FAISS sums each dot product in BLAS's order, not in ours,
 * so similarities agree within float32 rounding and indices agree up to ties within that rounding:
 * rank by rank the similarities match, every neighbour we list really has the similarity we give it
 * (checked in double precision from the raw input), and the neighbours that are not tied with the
 * last kept similarity are the same set on both sides.
 */
class KnnFaissGoldenTest {
    /** Float32 rounding of a 64-term dot product of unit vectors, with margin. */
    private static final double TOLERANCE = 1e-6;

    record Search(String caseName, String name) {
        @Override
        public String toString() {
            return caseName + "/" + name;
        }
    }

    static Stream<Search> searches() throws IOException {
        List<Search> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Fixtures.golden("knn"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                for (String s : properties(dir).getProperty("searches").split(",")) {
                    out.add(new Search(dir.getFileName().toString(), s.trim()));
                }
            }
        }
        return out.stream();
    }

    private static Properties properties(Path dir) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(dir.resolve("case.properties"))) {
            p.load(r);
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("searches")
    void sameNeighboursAsFaiss(Search search) throws IOException {
        Path dir = Fixtures.golden("knn", search.caseName());
        Properties p = properties(dir);
        Path basePath = Fixtures.golden(p.getProperty("base"));
        String kind = search.name().substring(0, search.name().lastIndexOf("_k"));
        int k = Integer.parseInt(search.name().substring(search.name().lastIndexOf("_k") + 2));
        PackedEmbeddings base = Embeddings.load(basePath);
        double[] rawBase = Fixtures.doubles(basePath);
        NeighbourLists ours;
        double[] rawQueries;
        if (kind.equals("query")) {
            Path queriesPath = Fixtures.golden(p.getProperty("queries"));
            ours = ExactKnn.builder().k(k).threads(2).build().search(Embeddings.load(queriesPath), base);
            rawQueries = Fixtures.doubles(queriesPath);
        } else {
            ours = ExactKnn.builder()
                    .k(k)
                    .includeSelf(kind.equals("selfincl"))
                    .threads(2)
                    .build()
                    .selfSearch(base);
            rawQueries = rawBase;
        }
        int[] faissIdx = Fixtures.ints(dir.resolve(search.name() + "_indices.npy"));
        double[] faissSim = Fixtures.doubles(dir.resolve(search.name() + "_similarities.npy"));
        assertEquals(faissIdx.length, ours.indices().length, "rows x k");
        int dim = base.dim();
        for (int row = 0; row < ours.rows(); row++) {
            String at = search + " row " + row;
            IntSet ourStrict = new IntOpenHashSet();
            IntSet faissStrict = new IntOpenHashSet();
            IntSet ourAll = new IntOpenHashSet();
            IntSet faissAll = new IntOpenHashSet();
            double last = faissSim[row * k + k - 1];
            for (int r = 0; r < k; r++) {
                int j = ours.index(row, r);
                int f = faissIdx[row * k + r];
                float s = ours.similarity(row, r);
                double fs = faissSim[row * k + r];
                if (f == NeighbourLists.MISSING_INDEX) {
                    assertEquals(f, j, at + ": padding at rank " + r);
                    assertEquals((float) fs, s, at + ": padding similarity");
                    continue;
                }
                assertTrue(Math.abs(s - fs) <= TOLERANCE, at + " rank " + r + ": " + s + " vs FAISS " + fs);
                assertTrue(j >= 0 && ourAll.add(j), at + ": index " + j + " listed twice or missing");
                faissAll.add(f);
                assertTrue(kind.equals("selfincl") || kind.equals("query") || j != row, at + ": self listed");
                double exact = cosine(rawQueries, row, rawBase, j, dim);
                assertTrue(Math.abs(exact - s) <= TOLERANCE, at + ": " + j + " has similarity " + exact + ", not " + s);
                assertTrue(
                        Math.abs(cosine(rawQueries, row, rawBase, f, dim) - fs) <= TOLERANCE,
                        at + ": the golden itself");
                if (s > last + TOLERANCE) {
                    ourStrict.add(j);
                }
                if (fs > last + TOLERANCE) {
                    faissStrict.add(f);
                }
            }
            assertTrue(faissAll.containsAll(ourStrict), at + ": ours " + ourStrict + " not all in FAISS's list");
            assertTrue(ourAll.containsAll(faissStrict), at + ": FAISS's " + faissStrict + " not all in ours");
        }
    }

    /** Cosine similarity in double of two raw rows; 0 when either is all zero (as normalisation leaves it). */
    private static double cosine(double[] a, int i, double[] b, int j, int dim) {
        double ab = 0, aa = 0, bb = 0;
        for (int c = 0; c < dim; c++) {
            double x = (float) a[i * dim + c], y = (float) b[j * dim + c];
            ab += x * y;
            aa += x * x;
            bb += y * y;
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }
}
