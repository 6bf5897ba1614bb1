package org.cleanrank.dataset;

import java.util.Set;

/** How the reference (pandas 1.5 {@code read_csv} with default options) reads the fields we need. */
final class CsvValues {
    private CsvValues() {}

    /**
     * pandas 1.5.3's default {@code na_values} (pandas._libs.parsers.STR_NA_VALUES; 'None' joined only in
     * pandas 2.0). Matched against the raw, unstripped field, as pandas does.
     */
    static final Set<String> PANDAS_NA = Set.of(
            "",
            "#N/A",
            "#N/A N/A",
            "#NA",
            "-1.#IND",
            "-1.#QNAN",
            "-NaN",
            "-nan",
            "1.#IND",
            "1.#QNAN",
            "<NA>",
            "N/A",
            "NA",
            "NULL",
            "NaN",
            "n/a",
            "nan",
            "null");

    static boolean isNa(String raw) {
        return PANDAS_NA.contains(raw);
    }

    /**
     * A 0/1 annotation. Besides 0 and 1, accepts what a pandas-written column holds for the same values
     * (1.0, True): the reference compares with {@code == 1}, so these mean the same there.
     */
    static byte flag(String raw, CsvTable table, long line, String column, String meaning) {
        String s = raw.strip();
        switch (s) {
            case "0", "0.0", "False", "false", "FALSE":
                return 0;
            case "1", "1.0", "True", "true", "TRUE":
                return 1;
            default:
                throw table.error(
                        line,
                        column + " " + CsvTable.show(raw) + " is not 0 or 1",
                        "write 1 (" + meaning + ") or 0 (not)");
        }
    }

    /**
     * A Fitzpatrick skin type: an integer (1-6, -1 = unknown as Fitzpatrick17k writes it); an empty or NA
     * field is -1. A pandas float column ("3.0") is accepted.
     */
    static int fitzpatrick(String raw, CsvTable table, long line, String column) {
        String s = raw.strip();
        if (isNa(raw) || isNa(s)) {
            return -1;
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(s);
                if (d == Math.rint(d) && Math.abs(d) < 1000) {
                    return (int) d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw table.error(
                    line,
                    column + " " + CsvTable.show(raw) + " is not an integer skin type",
                    "write 1-6, or -1 (or leave it empty) when unknown");
        }
    }
}
