package org.cleanrank.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cleanrank.cli.Main;
import org.cleanrank.fixtures.AuditFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code audit} command's report, on a fresh generated folder with one picture made unreadable, opens in
 * headless Chromium with every picture loaded and no script error, and every thumbnail links to a full image
 * that exists (relative links, as when the folder is opened from disk). Skips without Chromium unless
 * {@code -Dcleanrank.requireBrowser=true}.
 */
class AuditCommandReportBrowserTest {
    @TempDir
    Path dir;

    @Test
    void everyThumbnailLoadsAndLinksToItsPicture() throws Exception {
        HeadlessChromium.require();
        AuditFolder.Result f = AuditFolder.write(
                dir.resolve("folder"), AuditFolder.DEFAULT.withN(40).withSeed(5), 2);
        Path victim;
        try (var s = Files.list(f.images())) {
            victim = s.sorted().findFirst().orElseThrow();
        }
        Files.write(victim, new byte[] {1, 2, 3});
        Path out = dir.resolve("audit out"); // a space: links must be escaped
        List<String> args = new ArrayList<>(List.of("audit", "--quiet", "--out", out.toString()));
        args.addAll(f.auditInputs());
        int code = Main.execute(args.toArray(String[]::new));
        assertEquals(0, code);
        Path report = out.resolve("report.html");
        String html = Files.readString(report);
        int imgTags = count(html, "<img ");
        assertTrue(imgTags > 40, "thumbnails on the page: " + imgTags);
        assertTrue(html.contains("unreadable"), "the unreadable picture is shown as such");

        HeadlessChromium.Page page = HeadlessChromium.open(report, dir);
        assertEquals(String.valueOf(imgTags), HeadlessChromium.attribute(page.dom(), "data-images-total"), page.log());
        assertEquals("0", HeadlessChromium.attribute(page.dom(), "data-images-broken"), page.log());
        assertEquals(
                "0", HeadlessChromium.attribute(page.dom(), "data-page-errors"), "no script error, no failed load");

        Matcher links = Pattern.compile("<a href=\"([^\"#]+)\" title=\"open ").matcher(html);
        int checked = 0;
        while (links.find()) {
            Path target = Path.of(report.getParent().toUri().resolve(new URI(links.group(1))));
            assertTrue(Files.isRegularFile(target), links.group(1) + " -> " + target);
            assertTrue(target.startsWith(f.images()), "links to the picture itself, not a copy: " + target);
            checked++;
        }
        assertTrue(checked >= imgTags, checked + " links for " + imgTags + " thumbnails");
    }

    private static int count(String s, String what) {
        int c = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            c++;
        }
        return c;
    }
}
