package org.cleanrank.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.fixtures.SyntheticImageDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's own files work as they are: {@code selfclean --embeddings dataset/embeddings.npy --labels
 * dataset/labels.npy} pairs each embedding row with its own label (labels.npy follows embedding_ids.csv),
 * so the planted label errors rank high (with labels in metadata order the AUROC was 0.5).
 */
class DemoFilesLineUpTest {
    @TempDir
    Path dir;

    @Test
    void labelErrorsRankHighOnTheDemoFiles() throws Exception {
        SyntheticImageDataset.Result d = SyntheticImageDataset.write(
                dir.resolve("ds"), SyntheticImageDataset.Spec.DEFAULT.withN(160).withSeed(5), 2);
        Path out = dir.resolve("out");
        // the command line of the README, on the demo's own files (temporary paths hold no spaces)
        CliTest.Run r = CliTest.run(("selfclean --embeddings " + d.embeddingsNpy() + " --labels " + d.labelsNpy()
                        + " --out " + out + " --quiet")
                .split(" "));
        assertEquals(0, r.code(), r.err());
        Map<String, Integer> isError = new HashMap<>();
        for (CSVRecord c : IdKeyedRowsCliTest.read(d.consolidatedCsv())) {
            isError.put(c.get("md5hash"), Integer.parseInt(c.get("label_error")));
        }
        List<CSVRecord> ids = IdKeyedRowsCliTest.read(d.embeddingIdsCsv());
        List<CSVRecord> ranking = IdKeyedRowsCliTest.read(out.resolve("label_errors.csv"));
        int[] truth = new int[ranking.size()];
        for (int k = 0; k < truth.length; k++) {
            String md5 = ids.get(Integer.parseInt(ranking.get(k).get("index"))).get("md5hash");
            truth[k] = isError.get(md5);
        }
        assertTrue(java.util.Arrays.stream(truth).sum() >= 3, "planted label errors");
        double auroc = RankingMetrics.compute(truth).get("AUROC");
        assertTrue(auroc > 0.8, "label-error AUROC on the demo's own files: " + auroc);
    }
}
