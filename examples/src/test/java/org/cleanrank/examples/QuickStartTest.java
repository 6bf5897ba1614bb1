package org.cleanrank.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** README's Java example runs end to end on a golden set and finds the planted label errors. */
class QuickStartTest {
    @Test
    void theReadmeExampleRunsOnAGoldenSet() {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(root.resolve("fixtures/golden"))) {
            root = root.getParent();
        }
        Path set = root.resolve("fixtures/golden/selfclean/synth_n600_d64_seed1");
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[] {
                set.resolve("embeddings.npy").toString(),
                set.resolve("labels.npy").toString(),
                set.resolve("truth_label_error.npy").toString()
            });
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("kNN: row 0's nearest other row"), out);
        String ap = out.lines()
                .filter(l -> l.startsWith("label errors against the truth: AP "))
                .findFirst()
                .orElseThrow()
                .substring("label errors against the truth: AP ".length());
        // 8% of the samples are label errors: a random ranking has AP ~0.08
        assertTrue(Double.parseDouble(ap) > 0.3, "SelfClean ranks the planted label errors high: AP " + ap);
    }
}
