package org.cleanrank.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.cleanrank.CleanRankException;
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
        writeAtomically(path, w -> {
            w.write("rank,i,j,distance\n");
            StringBuilder sb = new StringBuilder(64);
            for (int k = 0; k < r.size(); k++) {
                sb.setLength(0);
                sb.append(k + 1)
                        .append(',')
                        .append(r.i(k))
                        .append(',')
                        .append(r.j(k))
                        .append(',')
                        .append(r.distance(k))
                        .append('\n');
                w.append(sb);
            }
        });
    }

    public static void writeSamples(Path path, SampleRanking r) {
        writeAtomically(path, w -> {
            w.write("rank,index,score\n");
            for (int k = 0; k < r.size(); k++) {
                w.write((k + 1) + "," + r.index(k) + "," + r.score(k) + "\n");
            }
        });
    }
}
