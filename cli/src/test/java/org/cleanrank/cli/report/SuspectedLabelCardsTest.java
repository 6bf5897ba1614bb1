package org.cleanrank.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cleanrank.cli.benchmark.BenchmarkData;
import org.cleanrank.cli.benchmark.RunContext;
import org.cleanrank.cli.benchmark.RunSuspectedLabels;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.pairs.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark report's label-error cards carry the suspected label the neighbours' vote gives, marked where it
 * differs from the given one; a sample without an embedding, and a run without embeddings, show none.
 *
 * <p>The data: two tight clusters of 12 embeddings each, "cat" around one axis and "dog" around another; sample
 * 0 sits in the cat cluster but is labelled "dog", so its 10 nearest neighbours are all cats. Sample 24 is a
 * "dog" without an embedding.
 */
class SuspectedLabelCardsTest {
    static final int N = 25;
    static final int DIM = 4;

    static BenchmarkData data(boolean withEmbeddings) {
        String[] ids = new String[N];
        String[] names = new String[N];
        int[] codes = new int[N];
        for (int i = 0; i < N; i++) {
            ids[i] = String.format("s%02d", i);
            boolean cat = i < 12 && i != 0;
            names[i] = cat ? "cat" : "dog";
            codes[i] = cat ? 0 : 1;
        }
        int[] embedded = IntStream.range(0, N - 1).toArray();
        float[] rows = new float[embedded.length * DIM];
        for (int i : embedded) {
            rows[i * DIM + (i < 12 ? 0 : 1)] = 1f; // the cluster's axis
            rows[i * DIM + 2] = 0.01f * (i % 12); // a small spread inside the cluster
            rows[i * DIM + 3] = 0.005f * (i % 5);
        }
        return new BenchmarkData(
                "two clusters",
                ids,
                names,
                codes,
                new int[N],
                new int[N],
                null,
                "none",
                new Path[N],
                withEmbeddings ? new FloatMatrix(embedded.length, DIM, rows) : null,
                withEmbeddings ? embedded : null);
    }

    static String report(Path dir, BenchmarkData data, String[] suspected) throws Exception {
        List<AuditItem> top = List.of(
                new AuditItem(1, 0, -1, 0.9, 1),
                new AuditItem(2, 5, -1, 0.8, 0),
                new AuditItem(3, 24, -1, 0.7, -1),
                new AuditItem(4, 13, -1, 0.6, 0));
        List<DetectorOutcome> outcomes = List.of(IssueType.LABEL_ERRORS, IssueType.OFF_TOPIC).stream()
                .map(t -> new DetectorOutcome(
                        t.title() + " detector", t, DetectorOutcome.Status.OK, null, 0.1, Map.of(), null, top, null))
                .toList();
        SampleCatalog catalog = new SampleCatalog(data.ids(), data.labelNames(), suspected, data.images());
        return Files.readString(AuditReportWriter.write(dir, "test", outcomes, catalog, Map.of()));
    }

    /** The caption of the card for sample {@code id} in section {@code issue}. */
    static String card(String html, IssueType issue, String id) {
        String section = html.substring(html.indexOf("<section id=\"" + issue.key() + "\""));
        section = section.substring(0, section.indexOf("</section>"));
        int at = section.indexOf("<span class=\"id\">" + id + "</span>");
        assertTrue(at >= 0, issue + " has a card for " + id);
        return section.substring(section.lastIndexOf("<figcaption>", at), section.indexOf("</figcaption>", at));
    }

    @Test
    void aLabelErrorCardShowsTheNeighboursMajorityWhereItDiffers(@TempDir Path dir) throws Exception {
        BenchmarkData data = data(true);
        String[] suspected = RunSuspectedLabels.of(new RunContext(data, 2, 0, Progress.NONE));
        assertEquals("cat", suspected[0], "all 10 nearest neighbours of sample 0 are cats");
        assertNull(suspected[24], "no embedding, no vote");
        String html = report(dir, data, suspected);

        String mislabelled = card(html, IssueType.LABEL_ERRORS, "s00");
        assertTrue(mislabelled.contains("label: dog"), mislabelled);
        assertTrue(mislabelled.contains("<span class=\"suspected differs\">suspected: cat</span>"), mislabelled);
        String agreeing = card(html, IssueType.LABEL_ERRORS, "s05");
        assertTrue(agreeing.contains("label: cat"), agreeing);
        assertTrue(agreeing.contains("<span class=\"suspected agrees\">suspected: cat (= label)</span>"), agreeing);
        assertTrue(card(html, IssueType.LABEL_ERRORS, "s13").contains("suspected: dog (= label)"));
        String unembedded = card(html, IssueType.LABEL_ERRORS, "s24");
        assertTrue(unembedded.contains("label: dog"), unembedded);
        assertFalse(unembedded.contains("suspected"), "no embedding, nothing suspected: " + unembedded);
        assertFalse(card(html, IssueType.OFF_TOPIC, "s00").contains("suspected"), "only on label-error cards");
        assertTrue(html.contains("nearest other samples by cosine similarity of the embeddings"), "the key says it");
    }

    @Test
    void withoutEmbeddingsNothingIsSuspected(@TempDir Path dir) throws Exception {
        BenchmarkData data = data(false);
        String[] suspected = RunSuspectedLabels.of(new RunContext(data, 2, 0, Progress.NONE));
        assertNull(suspected, "no embeddings: no vote, and no failure");
        String html = report(dir, data, suspected);
        assertTrue(card(html, IssueType.LABEL_ERRORS, "s00").contains("label: dog"));
        assertFalse(html.contains("suspected:"), "no card shows a suspected label");
        assertFalse(html.contains("suspected ="), "and the key does not explain one");
    }
}
