package org.cleanrank.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.cleanrank.cli.Golden;
import org.cleanrank.eval.RankingCurves;
import org.cleanrank.eval.RankingMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report opens in a real browser without errors and every picture in it loads; and the check
 * notices when one does not (a thumbnail removed).
 *
 * <p>Needs Debian's chromium ({@code apt-get install chromium}, README); CI sets
 * {@code -Dcleanrank.requireBrowser=true} so a missing browser fails there instead of skipping.
 */
class AuditReportBrowserTest {
    static Path imagesDir;
    static List<Path> images;

    @BeforeAll
    static void findImages() throws Exception {
        imagesDir = Golden.path("images", "images");
        images = new ArrayList<>();
        for (String line : Files.readAllLines(Golden.path("images", "order.txt"))) {
            if (!line.isBlank()) {
                images.add(imagesDir.resolve(line.trim()));
            }
        }
    }

    private static void requireBrowser() {
        HeadlessChromium.require();
    }

    private static Path writeReport(Path dir) {
        int n = images.size();
        String[] ids = new String[n];
        String[] labels = new String[n];
        Path[] pictures = new Path[n];
        for (int i = 0; i < n; i++) {
            ids[i] = images.get(i).getFileName().toString();
            labels[i] = "class " + (i % 3);
            pictures[i] = i == n - 1 ? null : images.get(i); // one sample without a picture: shown as a placeholder
        }
        SampleCatalog catalog = new SampleCatalog(ids, labels, pictures);
        Random r = new Random(3);
        List<DetectorOutcome> outcomes = new ArrayList<>();
        for (IssueType t : IssueType.values()) {
            for (String det : new String[] {"detector A", "detector <B>"}) {
                int[] truth = new int[t == IssueType.NEAR_DUPLICATES ? 200 : n];
                for (int k = 0; k < truth.length; k++) {
                    truth[k] = r.nextInt(4) == 0 ? 1 : 0;
                }
                truth[0] = 1;
                List<AuditItem> top = new ArrayList<>();
                for (int k = 0; k < 12; k++) {
                    int i = r.nextInt(n);
                    int j = t == IssueType.NEAR_DUPLICATES ? (i + 1 + r.nextInt(n - 1)) % n : -1;
                    top.add(new AuditItem(k + 1, i, j, 1.0 / (k + 1), k % 5 == 4 ? -1 : truth[k]));
                }
                outcomes.add(new DetectorOutcome(
                        det,
                        t,
                        DetectorOutcome.Status.OK,
                        null,
                        0.5,
                        RankingMetrics.compute(truth),
                        RankingCurves.of(truth, 500),
                        top,
                        null));
            }
            outcomes.add(DetectorOutcome.failed("broken detector", t, "embeddings have NaN", 0.1));
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("dataset", "golden images");
        return AuditReportWriter.write(dir, "cleanrank audit: test", outcomes, catalog, info);
    }

    @Test
    void everyPictureLoadsInChromium(@TempDir Path dir) throws Exception {
        requireBrowser();
        Path report = writeReport(dir.resolve("report"));
        String html = Files.readString(report);
        int imgTags = count(html, "<img ");
        assertTrue(imgTags > 3 * 3 + 50, "plots and thumbnails are on the page: " + imgTags);
        HeadlessChromium.Page page = HeadlessChromium.open(report, dir);
        assertEquals(String.valueOf(imgTags), attribute(page.dom(), "data-images-total"), page.log());
        assertEquals("0", attribute(page.dom(), "data-images-broken"), page.log());
        assertEquals("0", attribute(page.dom(), "data-page-errors"), "no script error, no failed load");
        assertTrue(page.dom().contains("detector &lt;B&gt;"), "names are escaped");
    }

    @Test
    void aMissingThumbnailIsNoticed(@TempDir Path dir) throws Exception {
        requireBrowser();
        Path report = writeReport(dir.resolve("report"));
        try (var s = Files.list(report.resolveSibling("thumbs"))) {
            Files.delete(s.findFirst().orElseThrow());
        }
        HeadlessChromium.Page page = HeadlessChromium.open(report, dir);
        assertNotNull(attribute(page.dom(), "data-images-broken"));
        assertFalse("0".equals(attribute(page.dom(), "data-images-broken")), "the page counts the broken picture");
        assertTrue(page.dom().contains("did not load"), "the warning is visible");
        assertEquals(
                attribute(page.dom(), "data-images-broken"),
                attribute(page.dom(), "data-page-errors"),
                "each failed load is counted");
    }

    @Test
    void aScriptErrorIsNoticed(@TempDir Path dir) throws Exception {
        requireBrowser();
        Path report = writeReport(dir.resolve("report"));
        Files.writeString(
                report, Files.readString(report).replace("</body>", "<script>undefinedFunction();</script></body>"));
        HeadlessChromium.Page page = HeadlessChromium.open(report, dir);
        assertEquals("1", attribute(page.dom(), "data-page-errors"));
        assertEquals("0", attribute(page.dom(), "data-images-broken"));
    }

    @Test
    void areasComeFirstAndCutoffsStopAtTheRankingLength(@TempDir Path dir) throws Exception {
        String html = Files.readString(writeReport(dir.resolve("report")));
        for (IssueType t : IssueType.values()) {
            String section = html.substring(html.indexOf("<section id=\"" + t.key() + "\""));
            String header = section.substring(section.indexOf("<tr>"), section.indexOf("</tr>"));
            List<String> cols = new ArrayList<>();
            for (String c : header.split("<th>")) {
                if (!c.isEmpty() && !c.equals("<tr>")) {
                    cols.add(c.replace("</th>", ""));
                }
            }
            int n = t == IssueType.NEAR_DUPLICATES ? 200 : images.size();
            assertEquals(List.of("detector", "status", "seconds", "AUROC", "AP", "AUPRG"), cols.subList(0, 6));
            int cutoffs = (int)
                    IntStream.of(RankingMetrics.CUTOFFS).filter(k -> k <= n).count();
            assertEquals(6 + 2 * cutoffs, cols.size(), t + ": " + cols);
            assertEquals(
                    "Precision@"
                            + IntStream.of(RankingMetrics.CUTOFFS)
                                    .filter(k -> k <= n)
                                    .max()
                                    .orElseThrow(),
                    cols.get(cols.size() - 1));
        }
    }

    @Test
    void everyThumbnailLinksToItsFullImageAndTheCardsHaveAKey(@TempDir Path dir) throws Exception {
        Path report = writeReport(dir.resolve("report"));
        String html = Files.readString(report);
        Matcher m = Pattern.compile("(<a href=\"([^\"]*)\"[^>]*>)?<img src=\"thumbs/")
                .matcher(html);
        int thumbs = 0;
        while (m.find()) {
            thumbs++;
            assertNotNull(m.group(1), "thumbnail without a link at " + m.start());
            Path target = report.resolveSibling(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8))
                    .normalize();
            assertTrue(Files.isRegularFile(target), "link resolves from the report's folder: " + m.group(2));
            assertTrue(images.contains(target), target.toString());
        }
        assertTrue(thumbs > 50, "thumbnails: " + thumbs);
        assertEquals(3, count(html, "<p class=\"key\">"), "one border key per issue type");
        assertTrue(html.contains("lower distance = more alike"));
        // the test's sample scores are 1/rank: falling
        assertTrue(html.contains("higher score = more suspicious"));
    }

    @Test
    void aLinkEscapesSpacesAndGoesUpFolders() {
        Path base = Path.of("/data/run/out");
        assertEquals("../../imgs/a%20b%23c.jpg", AuditReportWriter.href(base, Path.of("/data/imgs/a b#c.jpg")));
        assertEquals("./x/y.png", AuditReportWriter.href(base, Path.of("/data/run/out/x/y.png")));
    }

    static String attribute(String dom, String name) {
        return HeadlessChromium.attribute(dom, name);
    }

    private static int count(String s, String what) {
        int c = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            c++;
        }
        return c;
    }
}
