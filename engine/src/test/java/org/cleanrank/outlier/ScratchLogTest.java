package org.cleanrank.outlier;

import java.nio.file.*;
import org.junit.jupiter.api.Test;

class ScratchLogTest {
    @Test
    void log2() throws Exception {
        int bad = 0, badAlt = 0, n = 0;
        for (String line : Files.readAllLines(Path.of("/tmp/log2vals.txt"))) {
            String[] p = line.split(" ");
            double v = Double.parseDouble(p[0]), g = Double.parseDouble(p[1]);
            n++;
            if (Logs.log2(v) != g) { bad++; if (bad < 5) System.out.println(v + " mine " + Logs.log2(v) + " np " + g); }
            if (StrictMath.log(v) / Math.log(2) != g) badAlt++;
        }
        System.out.println("log2: " + bad + " of " + n + " differ; naive " + badAlt);
    }
}
