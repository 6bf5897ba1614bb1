package org.cleanrank.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.cleanrank.CleanRankException;
import picocli.CommandLine.Option;

/** The embeddings of a job: a {@code .npy} (plus {@code --ids}) or a Parquet table's id and vector columns. */
final class InputOptions {
    @Option(
            names = "--embeddings",
            required = true,
            paramLabel = "E.npy|TABLE",
            description = "N x D float32/float64 .npy, or a Parquet file or folder (any path Spark reads) with an"
                    + " id column and an array<float|double> vector column; a table's rows are numbered in"
                    + " ascending id order")
    String embeddings;

    @Option(
            names = "--ids",
            paramLabel = "IDS.csv",
            description = "with a .npy: the id of every embedding row, in row order (as ./cleanrank reads it)")
    Path ids;

    @Option(
            names = "--id-column",
            defaultValue = "id",
            paramLabel = "C",
            description = "Parquet: the id column (default ${DEFAULT-VALUE})")
    String idColumn;

    @Option(
            names = "--vector-column",
            defaultValue = "embedding",
            paramLabel = "C",
            description = "Parquet: the vector column (default ${DEFAULT-VALUE})")
    String vectorColumn;

    boolean isNpy() {
        return JobInput.isNpy(embeddings);
    }

    /** Reads a {@code .npy} input (before Spark starts); for Parquet, see {@link #readTable}. */
    JobInput readNpy(int minRows, String purpose) {
        return JobInput.npy(Path.of(embeddings), ids, minRows, purpose);
    }

    /** Reads a Parquet input through the session. */
    JobInput readTable(SparkSession spark, int minRows) {
        if (ids != null) {
            throw new CleanRankException(
                    "--ids " + ids + ": a Parquet table carries its ids (--id-column); drop --ids");
        }
        return JobInput.parquet(spark, embeddings, idColumn, vectorColumn, minRows);
    }
}
