package org.cleanrank.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.cleanrank.CleanRankException;
import org.cleanrank.cli.IdKeyedInputs;
import org.cleanrank.dataset.RowIds;
import org.cleanrank.io.Embeddings;
import org.cleanrank.pairs.PackedEmbeddings;

/**
 * The embeddings a job reads, normalised on the driver: a {@code .npy} file (with {@code --ids IDS.csv}
 * as {@code ./cleanrank} reads them, the same checks and one-line errors), or a Parquet table (a file or
 * folder, any path Spark reads: shared file system, {@code s3a://}, {@code hdfs://}) with an id column and a
 * vector column ({@code array<float>} or {@code array<double>}). A table has no row order of its own
 * (Spark reads its files in an order of its choosing), so its rows are numbered in ascending id order
 * (Java's String order); the outputs name the ids.
 *
 * @param ids row ids, or null
 */
record JobInput(PackedEmbeddings matrix, RowIds ids) {

    static boolean isNpy(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".npy");
    }

    /** A {@code .npy} and its optional ids CSV: read before Spark starts, so bad input fails fast. */
    static JobInput npy(Path embeddings, Path idsCsv, int minRows, String purpose) {
        PackedEmbeddings m = Embeddings.load(embeddings, minRows, purpose);
        return new JobInput(m, IdKeyedInputs.ids(idsCsv, m.n()));
    }

    /** A Parquet table's id and vector columns, rows in ascending id order. */
    static JobInput parquet(SparkSession spark, String path, String idColumn, String vectorColumn, int minRows) {
        Dataset<Row> table;
        try {
            table = spark.read().parquet(path);
        } catch (RuntimeException e) {
            throw new CleanRankException(path + ": cannot read as Parquet (" + firstLine(e)
                    + "); give a .npy file or a Parquet file or folder");
        }
        DataType vectorType =
                column(table, path, vectorColumn, "--vector-column").dataType();
        column(table, path, idColumn, "--id-column");
        if (!(vectorType instanceof ArrayType a)
                || !(a.elementType().equals(DataTypes.FloatType)
                        || a.elementType().equals(DataTypes.DoubleType))) {
            throw new CleanRankException(path + ": column '" + vectorColumn + "' is " + vectorType.simpleString()
                    + "; the vectors must be array<float> or array<double>");
        }
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        Iterator<Row> it = table.select(table.col(idColumn).cast(DataTypes.StringType), table.col(vectorColumn))
                .toLocalIterator();
        int dim = -1;
        while (it.hasNext()) {
            Row r = it.next();
            List<Object> v = r.isNullAt(1) ? null : r.getList(1);
            if (v == null || v.isEmpty() || (dim >= 0 && v.size() != dim)) {
                throw new CleanRankException(path + ": the vector of id " + r.get(0) + " has "
                        + (v == null ? "no value" : v.size() + " values")
                        + (dim >= 0 ? " where the others have " + dim : "")
                        + "; give every row a vector of the same length");
            }
            dim = v.size();
            double[] x = new double[dim];
            for (int k = 0; k < dim; k++) {
                Object e = v.get(k);
                if (e == null) {
                    throw new CleanRankException(path + ": the vector of id " + r.get(0) + " has a null at " + k
                            + "; remove or impute missing embedding values");
                }
                x[k] = ((Number) e).doubleValue();
            }
            ids.add(r.isNullAt(0) ? null : r.getString(0));
            rows.add(x);
        }
        if (rows.size() < minRows) {
            throw new CleanRankException(path + ": " + rows.size() + " rows; at least " + minRows + " are needed");
        }
        Integer[] order = new Integer[rows.size()];
        Arrays.setAll(order, i -> i);
        // nulls first, so the order is total (the sort needs one) and RowIds names the missing id in row 0
        Arrays.sort(order, Comparator.comparing(ids::get, Comparator.nullsFirst(Comparator.<String>naturalOrder())));
        List<String> sortedIds = new ArrayList<>(order.length);
        for (Integer o : order) {
            sortedIds.add(ids.get(o));
        }
        RowIds rowIds = RowIds.of(sortedIds, path + " column '" + idColumn + "'");
        PackedEmbeddings m = PackedEmbeddings.normalise(
                path, order.length, dim, (r, dst) -> System.arraycopy(rows.get(order[r]), 0, dst, 0, dst.length));
        return new JobInput(m, rowIds);
    }

    private static StructField column(Dataset<Row> table, String path, String name, String option) {
        for (StructField f : table.schema().fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new CleanRankException(path + ": no column '" + name + "' (columns: " + String.join(", ", table.columns())
                + "); name it with " + option);
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }
}
