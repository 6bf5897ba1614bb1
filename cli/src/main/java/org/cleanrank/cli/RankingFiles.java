package org.cleanrank.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cleanrank.CleanRankException;
import org.cleanrank.dataset.RowIds;
import org.cleanrank.detect.FractionCut;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;

/** Ranking CSVs, written completely or not at all (a temporary file renamed into place). */
public final class RankingFiles {
    private RankingFiles() {}

    public interface Body {
        void write(BufferedWriter w) throws IOException;
    }

    public static void writeAtomically(Path path, Body body) {
        Path tmp = path.resolveSibling("." + path.getFileName() + ".part");
        try {
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
                body.write(w);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // keep the first error
            }
            throw new CleanRankException(
                    path + ": cannot write (" + e.getMessage() + "); check the folder exists and is writable");
        }
    }

    public static void writePairs(Path path, PairRanking r) {
        writePairs(path, r, null, null);
    }

    /**
     * {@code rank,i,j,distance}, plus {@code id_i,id_j} after j when {@code ids} is given, plus {@code auto_issue}
     * (1 = flagged by the automatic cleaning) when {@code flagged} is given.
     */
    public static void writePairs(Path path, PairRanking r, RowIds ids, FractionCut.FlaggedRanks flagged) {
        writeAtomically(path, w -> {
            w.write("rank,i,j," + (ids != null ? "id_i,id_j," : "") + "distance"
                    + (flagged != null ? ",auto_issue" : "") + "\n");
            StringBuilder sb = new StringBuilder(64);
            for (int k = 0; k < r.size(); k++) {
                sb.setLength(0);
                sb.append(k + 1)
                        .append(',')
                        .append(r.i(k))
                        .append(',')
                        .append(r.j(k))
                        .append(',');
                if (ids != null) {
                    sb.append(csv(ids.id(r.i(k))))
                            .append(',')
                            .append(csv(ids.id(r.j(k))))
                            .append(',');
                }
                sb.append(r.distance(k));
                if (flagged != null) {
                    sb.append(',').append(flagged.contains(k) ? 1 : 0);
                }
                w.append(sb.append('\n'));
            }
        });
    }

    public static void writeSamples(Path path, SampleRanking r) {
        writeSamples(path, r, null, null);
    }

    /** {@code rank,index,score}, with {@code id} after index and {@code auto_issue} last when given. */
    public static void writeSamples(Path path, SampleRanking r, RowIds ids, FractionCut.FlaggedRanks flagged) {
        writeAtomically(path, w -> {
            w.write("rank,index," + (ids != null ? "id," : "") + "score" + (flagged != null ? ",auto_issue" : "")
                    + "\n");
            StringBuilder sb = new StringBuilder(64);
            for (int k = 0; k < r.size(); k++) {
                sb.setLength(0);
                sb.append(k + 1).append(',').append(r.index(k)).append(',');
                if (ids != null) {
                    sb.append(csv(ids.id(r.index(k)))).append(',');
                }
                sb.append(r.score(k));
                if (flagged != null) {
                    sb.append(',').append(flagged.contains(k) ? 1 : 0);
                }
                w.append(sb.append('\n'));
            }
        });
    }

    /** A CSV field: quoted (quotes doubled) when it holds a comma, quote or line break, as RFC 4180 says. */
    public static String csv(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
