package org.cleanrank.cli.report;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.cleanrank.CleanRankException;
import org.cleanrank.eval.RankingMetrics;

/**
 * {@code report.html}: the page a person auditing a dataset opens. Per issue type: CleanPatrick's metric
 * table, ROC / PR / PR-gain curves (PNG, {@code plots/}), and the top of every detector's ranking as
 * thumbnails (pairs side by side, {@code thumbs/}) with score and ground truth. Everything is relative
 * to the report's folder, so the folder can be moved or zipped. A small script on the page counts the
 * pictures that failed to load and says so at the top (a report copied without its folders).
 */
public final class AuditReportWriter {
    private AuditReportWriter() {}

    public static Path write(
            Path outDir, String title, List<DetectorOutcome> outcomes, SampleCatalog catalog, Map<String, ?> runInfo) {
        Path plots = outDir.resolve("plots");
        try {
            Files.createDirectories(plots);
        } catch (IOException e) {
            throw new CleanRankException(outDir + ": cannot create the report folder (" + e.getMessage() + ")");
        }
        int[] shown = outcomes.stream()
                .flatMap(o -> o.top().stream())
                .flatMapToInt(a -> a.isPair() ? IntStream.of(a.i(), a.j()) : IntStream.of(a.i()))
                .distinct()
                .toArray();
        Map<Integer, String> thumbs = Thumbnails.write(outDir.resolve("thumbs"), shown, catalog);

        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(title))
                .append("</title>\n<script>")
                .append(ERROR_COUNTER)
                .append("</script>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n");
        h.append("<div id=\"load-warning\" class=\"warning\" hidden></div>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"info\">");
        runInfo.forEach((k, v) -> h.append("<span><b>")
                .append(esc(k))
                .append(":</b> ")
                .append(esc(String.valueOf(v)))
                .append("</span> "));
        h.append("</p>\n<nav>");
        for (IssueType t : IssueType.values()) {
            h.append("<a href=\"#")
                    .append(t.key())
                    .append("\">")
                    .append(esc(t.title()))
                    .append("</a> ");
        }
        h.append("</nav>\n");
        for (IssueType t : IssueType.values()) {
            List<DetectorOutcome> mine =
                    outcomes.stream().filter(o -> o.issue() == t).toList();
            section(h, outDir, t, mine, catalog, thumbs);
        }
        h.append("<script>\n").append(SELF_CHECK).append("</script>\n</body>\n</html>\n");
        Path report = outDir.resolve("report.html");
        Path tmp = outDir.resolve(".report.html.part");
        try {
            Files.writeString(tmp, h, StandardCharsets.UTF_8);
            Files.move(tmp, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CleanRankException(report + ": cannot write (" + e.getMessage() + ")");
        }
        return report;
    }

    private static void section(
            StringBuilder h,
            Path outDir,
            IssueType t,
            List<DetectorOutcome> mine,
            SampleCatalog catalog,
            Map<Integer, String> thumbs) {
        h.append("<section id=\"")
                .append(t.key())
                .append("\">\n<h2>")
                .append(esc(t.title()))
                .append("</h2>\n");
        if (mine.isEmpty()) {
            h.append("<p>No detector ran for this issue type.</p>\n</section>\n");
            return;
        }
        metricTable(h, mine);
        List<DetectorOutcome> ok = mine.stream()
                .filter(o -> o.ok() && o.curves() != null && o.curves().size() > 0)
                .toList();
        if (!ok.isEmpty()) {
            List<CurvePlot.Series> roc = new ArrayList<>();
            List<CurvePlot.Series> pr = new ArrayList<>();
            List<CurvePlot.Series> prg = new ArrayList<>();
            for (DetectorOutcome o : ok) {
                roc.add(new CurvePlot.Series(
                        o.detector(), o.curves().fpr(), o.curves().tpr()));
                pr.add(new CurvePlot.Series(
                        o.detector(), o.curves().tpr(), o.curves().precision()));
                prg.add(new CurvePlot.Series(
                        o.detector(), o.curves().recallGain(), o.curves().precisionGain()));
            }
            String k = t.key();
            Path plots = outDir.resolve("plots");
            CurvePlot.Layout lay = CurvePlot.write(
                    plots.resolve(k + "_roc.png"), t.title() + ": ROC", "false-positive rate", "recall", roc, true);
            CurvePlot.write(
                    plots.resolve(k + "_pr.png"), t.title() + ": precision-recall", "recall", "precision", pr, false);
            CurvePlot.write(
                    plots.resolve(k + "_prg.png"),
                    t.title() + ": precision-recall gain",
                    "recall gain",
                    "precision gain",
                    prg,
                    false);
            h.append("<div class=\"plots\">");
            for (String kind : new String[] {"roc", "pr", "prg"}) {
                h.append("<img src=\"plots/")
                        .append(k)
                        .append('_')
                        .append(kind)
                        .append(".png\" alt=\"")
                        .append(esc(t.title()))
                        .append(' ')
                        .append(kind)
                        .append(" curve\" width=\"")
                        .append(lay.width())
                        .append("\" height=\"")
                        .append(lay.height())
                        .append("\">");
            }
            h.append("</div>\n");
        }
        if (mine.stream().anyMatch(o -> o.ok() && !o.top().isEmpty())) {
            h.append(KEY);
            if (t == IssueType.LABEL_ERRORS && SuspectedLabelCaption.anyShown(mine, catalog)) {
                h.append(SuspectedLabelCaption.KEY);
            }
        }
        for (DetectorOutcome o : mine) {
            if (!o.ok() || o.top().isEmpty()) {
                continue;
            }
            h.append("<h3>")
                    .append(esc(o.detector()))
                    .append(": top ")
                    .append(o.top().size())
                    .append(' ')
                    .append(t.items())
                    .append("</h3>\n<p class=\"direction\">")
                    .append(direction(o))
                    .append("</p>\n<div class=\"items\">\n");
            for (AuditItem a : o.top()) {
                h.append("<figure class=\"item ")
                        .append(a.truth() == 1 ? "hit" : a.truth() == 0 ? "miss" : "unknown")
                        .append("\">");
                linkedThumb(h, a.i(), catalog, thumbs, outDir);
                if (a.isPair()) {
                    linkedThumb(h, a.j(), catalog, thumbs, outDir);
                }
                h.append("<figcaption>#")
                        .append(a.rank())
                        .append(" &middot; ")
                        .append(esc(fmt(a.score())))
                        .append("<br>")
                        .append(a.truth() == 1 ? "issue" : a.truth() == 0 ? "not an issue" : "not annotated");
                h.append("<br><span class=\"id\">").append(esc(catalog.id(a.i())));
                if (a.isPair()) {
                    h.append(" / ").append(esc(catalog.id(a.j())));
                }
                h.append("</span>");
                if (!a.isPair() && catalog.label(a.i()) != null) {
                    h.append("<br>label: ").append(esc(catalog.label(a.i())));
                    if (t == IssueType.LABEL_ERRORS) {
                        SuspectedLabelCaption.append(h, a.i(), catalog);
                    }
                }
                h.append("</figcaption></figure>\n");
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    /** The border key shown above the item cards (the classes {@code hit} / {@code miss} / {@code unknown}). */
    private static final String KEY = "<p class=\"key\">Card border: <span class=\"swatch hit\"></span> an issue"
            + " by the ground truth &middot; <span class=\"swatch miss\"></span> not an issue"
            + " &middot; <span class=\"swatch unknown\"></span> not annotated. Click a picture for the full image.</p>\n";

    /**
     * What the score under each card means. Pairs are ranked by ascending distance; a sample ranking's
     * direction is read off its own top scores (rank 1 is always the most suspicious).
     */
    static String direction(DetectorOutcome o) {
        if (o.top().get(0).isPair()) {
            return "Score = distance between the two pictures: lower distance = more alike, ranked first.";
        }
        double first = o.top().get(0).score();
        double last = o.top().get(o.top().size() - 1).score();
        String order = last < first
                ? "higher score = more suspicious"
                : last > first ? "lower score = more suspicious" : "all shown scores are equal";
        return "Score = the detector's own score, #1 most suspicious: " + order + ".";
    }

    /** {@link #thumb} wrapped in a link to the full image, relative to the report's folder when possible. */
    static void linkedThumb(StringBuilder h, int i, SampleCatalog catalog, Map<Integer, String> thumbs, Path outDir) {
        Path image = catalog.image(i);
        if (image == null) {
            thumb(h, i, catalog, thumbs);
            return;
        }
        h.append("<a href=\"").append(esc(href(outDir, image))).append("\" target=\"_blank\">");
        thumb(h, i, catalog, thumbs);
        h.append("</a>");
    }

    /** A link from the report folder to {@code image}: relative ("../images/a%20b.jpg"), else a file: URI. */
    static String href(Path outDir, Path image) {
        Path abs = image.toAbsolutePath().normalize();
        try {
            Path rel = outDir.toAbsolutePath().normalize().relativize(abs);
            String raw = new URI(null, null, rel.toString().replace('\\', '/'), null).getRawPath();
            return raw.startsWith("../") ? raw : "./" + raw;
        } catch (IllegalArgumentException | URISyntaxException e) {
            return abs.toUri().toString(); // another drive or root: no relative path exists
        }
    }

    /** Sample {@code i}'s thumbnail, or a grey box saying why there is none. */
    public static void thumb(StringBuilder h, int i, SampleCatalog catalog, Map<Integer, String> thumbs) {
        String t = thumbs.get(i);
        if (t != null && !t.startsWith("!")) {
            h.append("<img src=\"")
                    .append(esc(t))
                    .append("\" alt=\"")
                    .append(esc(catalog.id(i)))
                    .append("\">");
        } else {
            String why = t == null ? "no image" : t.substring(1);
            h.append("<div class=\"noimg\" title=\"")
                    .append(esc(why))
                    .append("\">")
                    .append(esc(why.length() > 40 ? "unreadable" : why))
                    .append("</div>");
        }
    }

    private static void metricTable(StringBuilder h, List<DetectorOutcome> mine) {
        h.append("<div class=\"scroll\"><table>\n<tr><th>detector</th><th>status</th><th>seconds</th>");
        List<String> cols = columns(mine);
        for (String c : cols) {
            h.append("<th>").append(esc(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (DetectorOutcome o : mine) {
            h.append("<tr><td>")
                    .append(esc(o.detector()))
                    .append("</td><td class=\"")
                    .append(o.status().name().toLowerCase(Locale.ROOT))
                    .append("\" title=\"")
                    .append(esc(o.message() == null ? "" : o.message()))
                    .append("\">")
                    .append(o.status().name().toLowerCase(Locale.ROOT));
            if (!o.ok() && o.message() != null) {
                h.append(": ").append(esc(o.message()));
            }
            h.append("</td><td>")
                    .append(o.ok() ? String.format(Locale.ROOT, "%.2f", o.seconds()) : "")
                    .append("</td>");
            for (String c : cols) {
                Double v = o.metrics().get(c);
                h.append("<td>")
                        .append(v == null ? "" : String.format(Locale.ROOT, "%.3f", v))
                        .append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    /**
     * The metric columns: the areas first (visible without scrolling), then Recall@k / Precision@k for
     * the cutoffs some detector's ranking reaches (k at most its item count n; all when no n is known).
     */
    static List<String> columns(List<DetectorOutcome> mine) {
        List<String> cols = new ArrayList<>(List.of("AUROC", "AP", "AUPRG"));
        double maxN = mine.stream()
                .map(o -> o.metrics().get("n"))
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(Double.POSITIVE_INFINITY);
        for (int k : RankingMetrics.CUTOFFS) {
            if (k <= maxN) {
                cols.add("Recall@" + k);
                cols.add("Precision@" + k);
            }
        }
        return cols;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    public static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = """
            body { font-family: system-ui, sans-serif; margin: 24px; color: #222; }
            h1 { margin-bottom: 4px; } h2 { border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 40px; }
            .info span { margin-right: 14px; font-size: 13px; color: #555; }
            nav a { margin-right: 12px; }
            .warning { background: #fde2e1; border: 1px solid #d9534f; padding: 8px 12px; margin-bottom: 12px; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; font-size: 12px; }
            th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: right; white-space: nowrap; }
            th:first-child, td:first-child, td:nth-child(2) { text-align: left; }
            td.failed { color: #b00; } td.skipped { color: #888; }
            .plots img { margin: 8px 8px 0 0; border: 1px solid #eee; max-width: 100%; height: auto; }
            .items { display: flex; flex-wrap: wrap; gap: 8px; }
            figure.item { margin: 0; padding: 6px; border: 2px solid #ccc; border-radius: 4px; text-align: center; font-size: 11px; }
            figure.hit { border-color: #2ca02c; } figure.miss { border-color: #d62728; } figure.unknown { border-color: #bbb; }
            figure.item img { height: 112px; width: auto; margin: 0 2px; vertical-align: top; }
            .noimg { display: inline-block; width: 112px; height: 112px; background: #f3f3f3; color: #777; line-height: 112px; }
            .key, .direction { font-size: 12px; color: #444; margin: 4px 0 8px; }
            .swatch { display: inline-block; width: 12px; height: 12px; border: 2px solid; border-radius: 2px; vertical-align: middle; }
            .swatch.hit { border-color: #2ca02c; } .swatch.miss { border-color: #d62728; } .swatch.unknown { border-color: #bbb; }
            .id { color: #777; font-family: monospace; font-size: 10px; }
            .suspected { font-size: 11px; padding: 0 3px; border-radius: 2px; }
            .suspected.differs { background: #ffe0b2; color: #8a3b00; font-weight: bold; } .suspected.agrees { color: #777; }
            """;

    /** Counts script errors and failed loads (capture phase: resource errors do not bubble). */
    public static final String ERROR_COUNTER =
            "window.cleanrankPageErrors=0;window.addEventListener('error',function(){window.cleanrankPageErrors++;},true);";

    /** Marks the page when every picture has loaded (or failed): data-images-total / data-images-broken / data-page-errors. */
    public static final String SELF_CHECK = """
            window.addEventListener('load', function () {
              var imgs = Array.prototype.slice.call(document.images);
              var broken = imgs.filter(function (i) { return !i.complete || i.naturalWidth === 0; });
              document.body.setAttribute('data-images-total', String(imgs.length));
              document.body.setAttribute('data-images-broken', String(broken.length));
              document.body.setAttribute('data-page-errors', String(window.cleanrankPageErrors));
              if (broken.length > 0) {
                var w = document.getElementById('load-warning');
                w.textContent = broken.length + ' of ' + imgs.length
                    + ' pictures did not load: keep report.html together with its plots/ and thumbs/ folders.';
                w.hidden = false;
              }
            });
            """;
}
