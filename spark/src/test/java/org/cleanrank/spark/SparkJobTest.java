package org.cleanrank.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.cleanrank.cli.Main;
import org.cleanrank.io.NpyArray;
import org.cleanrank.io.NpyWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local[2] against the single-machine CLI, file for file, byte for byte, on the SelfClean
 * golden sets (labels, ids, a K that cuts through ties), kNN self-search (with and without self), a task that
 * fails once and is retried, a job that fails (no output left), bad input (the CLI's one-line errors), and a
 * Parquet table (rows numbered in ascending id order) against the CLI on the same rows in that order.
 */
class SparkJobTest {
    @TempDir
    Path dir;

    record Run(int code, String err) {}

    static Run run(boolean spark, String... args) {
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        try {
            int code = spark ? SparkMain.execute(args) : Main.execute(args);
            return new Run(code, err.toString());
        } finally {
            System.setErr(oldErr);
        }
    }

    static Path golden(String... parts) {
        return Path.of("..", "fixtures", "golden").resolve(Path.of("", parts));
    }

    /** Runs the CLI and the Spark job with the same arguments (the job with {@code spark} first) into cli/ and spark/. */
    private void runBoth(List<String> spark, List<String> args) throws IOException {
        Path cli = dir.resolve("cli"), job = dir.resolve("spark");
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--quiet", "--out"));
        List<String> c = new ArrayList<>(a);
        c.add(cli.toString());
        Run r = run(false, c.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<String> s = new ArrayList<>(a);
        s.add(job.toString());
        s.addAll(spark);
        r = run(true, s.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertSameFiles(cli, job);
    }

    /**
     * {@code command --embeddings SET/embeddings.npy} and {@code more}, where a value after --labels names a
     * file of the set.
     */
    static List<String> goldenSet(String command, Path set, String... more) {
        List<String> args = new ArrayList<>(
                List.of(command, "--embeddings", set.resolve("embeddings.npy").toString()));
        for (int a = 0; a < more.length; a++) {
            boolean setFile = a > 0 && more[a - 1].equals("--labels");
            args.add(setFile ? set.resolve(more[a]).toString() : more[a]);
        }
        return args;
    }

    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(expected)) {
            files = s.sorted().toList();
        }
        try (Stream<Path> s = Files.list(actual)) {
            assertEquals(
                    files.stream().map(Path::getFileName).toList(),
                    s.sorted().map(Path::getFileName).toList(),
                    "the same files");
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            assertArrayEquals(
                    Files.readAllBytes(f),
                    Files.readAllBytes(actual.resolve(f.getFileName())),
                    f.getFileName() + " differs");
        }
    }

    @Test
    void selfCleanOnTheSmallGoldenSetWithIdsIsTheCliOutput() throws IOException {
        Path g = golden("selfclean", "synth_n600_d64_seed1");
        Path ids = dir.resolve("ids.csv");
        StringBuilder csv = new StringBuilder("id\n");
        for (int r = 0; r < 600; r++) {
            csv.append(r % 7 == 0 ? "\"img," + r + "\"" : "img" + r).append('\n');
        }
        Files.writeString(ids, csv);
        runBoth(
                List.of("--master", "local[2]"),
                goldenSet("selfclean", g, "--labels", "labels.npy", "--ids", ids.toString(), "--pairs", "700"));
    }

    @Test
    void selfCleanOnTheLargeGoldenSetIsTheCliOutput() throws IOException {
        Path g = golden("selfclean", "synth_n2000_d384_seed2");
        runBoth(
                List.of("--master", "local[2]", "--block-rows", "384"),
                goldenSet("selfclean", g, "--labels", "labels.npy", "--pairs", "2500"));
    }

    @Test
    void knnIsTheCliOutput() throws IOException {
        Path g = golden("selfclean", "synth_n2000_d384_seed2");
        runBoth(List.of("--master", "local[2]"), goldenSet("knn", g, "--k", "10"));
    }

    @Test
    void aTaskThatFailsOnceIsRetriedAndTheResultIsUnchanged() throws IOException {
        Path g = golden("knn", "adversarial_200x16");
        System.setProperty("cleanrank.spark.failOnce", "1");
        System.setProperty("spark.extraListeners", FailedTaskCounter.class.getName());
        int before = FailedTaskCounter.FAILED.get();
        try {
            runBoth(
                    List.of("--master", "local[2,2]"),
                    List.of("knn", "--embeddings", g.resolve("base.npy").toString(), "--k", "15", "--include-self"));
        } finally {
            System.clearProperty("cleanrank.spark.failOnce");
            System.clearProperty("spark.extraListeners");
        }
        assertEquals(1, FailedTaskCounter.FAILED.get() - before, "one task attempt failed");
    }

    @Test
    void aJobThatFailsLeavesNoOutput() throws IOException {
        Path g = golden("selfclean", "synth_n600_d64_seed1");
        Path out = dir.resolve("never");
        System.setProperty("cleanrank.spark.failOnce", "0");
        try {
            // local[2]: a single attempt per task, so the injected failure ends the job
            Run r = run(
                    true,
                    "selfclean",
                    "--master",
                    "local[2]",
                    "--quiet",
                    "--embeddings",
                    g.resolve("embeddings.npy").toString(),
                    "--out",
                    out.toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("injected failure"), r.err());
        } finally {
            System.clearProperty("cleanrank.spark.failOnce");
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).toList(), "no folder, no staging left");
        }
    }

    @Test
    void badInputGetsTheCliOneLineErrors() throws IOException {
        Path g = golden("selfclean", "synth_n600_d64_seed1");
        Path shortLabels = dir.resolve("labels.csv");
        Files.writeString(shortLabels, "label\n1\n2\n");
        Path notNpy = dir.resolve("e.npy");
        Files.writeString(notNpy, "not a matrix");
        String[][] cases = {
            {"selfclean", "--embeddings", dir.resolve("missing.npy").toString()},
            {"selfclean", "--embeddings", notNpy.toString()},
            {"selfclean", "--embeddings", g.resolve("embeddings.npy").toString(), "--labels", shortLabels.toString()},
            {"knn", "--embeddings", g.resolve("embeddings.npy").toString(), "--k", "0"},
            {"selfclean", "--embeddings", g.resolve("embeddings.npy").toString(), "--pairs", "many"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of(c));
            args.addAll(List.of("--out", dir.resolve("o").toString()));
            Run cli = run(false, args.toArray(String[]::new));
            Run job = run(true, args.toArray(String[]::new));
            assertEquals(2, cli.code(), cli.err());
            assertEquals(2, job.code(), job.err());
            assertEquals(1, job.err().strip().lines().count(), job.err());
            assertEquals(cli.err().replace("'cleanrank ", "'cleanrank-spark "), job.err(), String.join(" ", c));
        }
        assertFalse(Files.exists(dir.resolve("o")));
    }
    /** Writes {@code rows} (id, vector) as a Parquet folder of three files with a local[2] session of its own. */
    private static void writeParquet(Path table, List<Row> rows, StructType schema) throws IOException {
        try (SparkSession spark = SparkSession.builder()
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .getOrCreate()) {
            spark.createDataFrame(rows, schema).repartition(3).write().parquet(table.toString());
        }
    }

    @Test
    void aParquetTableIsTheCliOutputOnItsRowsInAscendingIdOrder() throws IOException {
        Path g = golden("selfclean", "synth_n600_d64_seed1");
        double[] x = NpyArray.readDoubles(g.resolve("embeddings.npy"));
        long[] labels = NpyArray.readLongs(g.resolve("labels.npy"));
        int n = labels.length, d = x.length / n;
        // row r gets the id of rank[r] in ascending order: a shuffle, so the table's order is not the id order
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(shuffled, new Random(7));
        int[] rank = shuffled.stream().mapToInt(Integer::intValue).toArray();
        List<Row> rows = new ArrayList<>(n);
        float[] sorted = new float[n * d];
        String[] sortedIds = new String[n];
        StringBuilder labelCsv = new StringBuilder("id,label\n");
        for (int r = 0; r < n; r++) {
            String id = String.format("img%04d", rank[r]);
            Float[] v = new Float[d];
            for (int k = 0; k < d; k++) {
                v[k] = (float) x[r * d + k];
                sorted[rank[r] * d + k] = v[k];
            }
            rows.add(RowFactory.create(id, Arrays.asList(v)));
            sortedIds[rank[r]] = id;
            labelCsv.append(id).append(',').append(labels[r]).append('\n');
        }
        Path table = dir.resolve("table.parquet");
        writeParquet(
                table,
                rows,
                new StructType()
                        .add("key", DataTypes.StringType, false)
                        .add("vec", DataTypes.createArrayType(DataTypes.FloatType), false));
        Path npy = dir.resolve("sorted.npy"), ids = dir.resolve("ids.csv"), lab = dir.resolve("labels.csv");
        NpyWriter.writeFloat32(npy, sorted, n, d);
        Files.writeString(ids, "id\n" + String.join("\n", sortedIds) + "\n");
        Files.writeString(lab, labelCsv);
        for (List<String> cmd : List.of(
                List.of("selfclean", "--labels", lab.toString(), "--pairs", "700"), List.of("knn", "--k", "10"))) {
            Path cli = dir.resolve(cmd.get(0) + "-cli"), job = dir.resolve(cmd.get(0) + "-spark");
            List<String> c = new ArrayList<>(cmd);
            c.addAll(List.of("--embeddings", npy.toString(), "--quiet", "--out", cli.toString()));
            if (cmd.get(0).equals("selfclean")) { // knn writes row numbers, not ids
                c.addAll(List.of("--ids", ids.toString()));
            }
            Run r = run(false, c.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            List<String> s = new ArrayList<>(cmd);
            s.addAll(List.of("--embeddings", table.toString(), "--id-column", "key", "--vector-column", "vec"));
            s.addAll(List.of("--master", "local[2]", "--quiet", "--out", job.toString()));
            r = run(true, s.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertSameFiles(cli, job);
        }
        // the default vector column (embedding) is not in this table
        Run r = run(
                true,
                "selfclean",
                "--master",
                "local[2]",
                "--id-column",
                "key",
                "--embeddings",
                table.toString(),
                "--out",
                dir.resolve("o").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no column 'embedding' (columns: key, vec)"), r.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }
}
