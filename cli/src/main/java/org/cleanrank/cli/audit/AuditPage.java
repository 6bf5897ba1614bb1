package org.cleanrank.cli.audit;

import static org.cleanrank.cli.report.AuditReportWriter.esc;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.cleanrank.cli.neighbours.SuspectedLabels;
import org.cleanrank.cli.report.AuditReportWriter;
import org.cleanrank.cli.report.SampleCatalog;
import org.cleanrank.cli.report.Thumbnails;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.io.RankingFiles;

/**
 * {@code OUT/report.html} of an audit, for the person who cleans the folder: the summary first (what each
 * detector flags, per issue type, and by which rule), a key for every colour, then the near-duplicate groups
 * as rows of thumbnails, the off-topic and label-error lists (given and suspected label), and the files that
 * could not be read. Every thumbnail links to the full image by a relative path, so the page works opened
 * from disk; thumbnails ({@code thumbs/}) are written for the items shown only, so the page stays small on a
 * large folder ({@code --report-items} per list).
 */
public final class AuditPage {
    private AuditPage() {}

    /** Members shown per group; the rest are counted. */
    static final int GROUP_MEMBERS_SHOWN = 16;

    public static Path write(Path out, AuditRun.Result r, int items) {
        AuditSamples s = r.samples();
        Set<Integer> shown = new LinkedHashSet<>();
        List<int[]> groups = r.groups().subList(0, Math.min(items, r.groups().size()));
        for (int[] g : groups) {
            IntStream.of(g).limit(GROUP_MEMBERS_SHOWN).forEach(shown::add);
        }
        for (AuditRun.SampleList l : concat(r.offTopic(), r.labelErrors())) {
            IntStream.range(0, Math.min(items, l.ranking().size()))
                    .forEach(k -> shown.add(l.ranking().index(k)));
        }
        String[] names = IntStream.range(0, s.n()).mapToObj(s::file).toArray(String[]::new);
        SampleCatalog catalog =
                new SampleCatalog(names, s.labels() == null ? new String[s.n()] : s.labels(), s.images());
        Map<Integer, String> thumbs = Thumbnails.write(
                out.resolve("thumbs"),
                shown.stream().mapToInt(Integer::intValue).toArray(),
                catalog);
        Page p = new Page(out, s, thumbs, catalog, r.suspected());
        StringBuilder h = p.h;
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>cleanrank audit: ")
                .append(esc(folderName(s)))
                .append("</title>\n<script>")
                .append(AuditReportWriter.ERROR_COUNTER)
                .append("</script>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<div id=\"load-warning\" class=\"warning\" hidden></div>\n");
        h.append("<header><h1>Audit of <code>").append(esc(folderName(s))).append("</code></h1>\n<p class=\"info\">");
        info(h, "images", s.n() + " files, " + r.unreadable().size() + " unreadable");
        info(h, "embeddings", s.embeddings() == null ? "none" : s.embeddings().cols() + "-d");
        info(h, "labels", s.labels() == null ? "none" : distinct(s.labels()) + " classes");
        info(h, "row order", s.rowOrder());
        h.append("</p>\n<nav><a href=\"#summary\">Summary</a><a href=\"#key\">Colour key</a>"
                + "<a href=\"#near_duplicates\">Near-duplicate groups</a><a href=\"#off_topic\">Off-topic</a>"
                + "<a href=\"#label_errors\">Label errors</a>"
                + (r.unreadable().isEmpty() ? "" : "<a href=\"#unreadable\">Unreadable files</a>")
                + "</nav></header>\n");
        summary(h, r, items);
        key(h, s.labels() != null);
        p.groups(r, groups);
        p.lists("off_topic", "Off-topic samples", r.offTopic(), items, false, "needs --embeddings");
        p.lists(
                "label_errors",
                "Label errors",
                r.labelErrors(),
                items,
                true,
                s.labels() == null ? "needs --labels and --embeddings" : "needs --embeddings");
        unreadable(h, r.unreadable());
        h.append("<script>\n").append(AuditReportWriter.SELF_CHECK).append("</script>\n</body>\n</html>\n");
        Path report = out.resolve("report.html");
        RankingFiles.writeAtomically(report, w -> w.write(h.toString()));
        return report;
    }

    private static void summary(StringBuilder h, AuditRun.Result r, int items) {
        h.append("<section id=\"summary\"><h2>Summary</h2>\n<div class=\"tiles\">");
        int inGroups = r.groups().stream().mapToInt(g -> g.length).sum();
        tile(h, r.groups().size(), "near-duplicate groups", inGroups + " images in them", "#near_duplicates");
        tile(
                h,
                r.offTopic().isEmpty() ? 0 : r.offTopic().get(0).flaggedTotal(),
                "off-topic candidates",
                r.offTopic().isEmpty()
                        ? "not run"
                        : "flagged by " + r.offTopic().get(0).method() + "; " + flaggedSamples(r.offTopic())
                                + " by any of " + r.offTopic().size() + " detectors",
                "#off_topic");
        tile(
                h,
                flaggedSamples(r.labelErrors()),
                "label-error candidates",
                r.labelErrors().isEmpty() ? "not run" : "flagged by SelfClean",
                "#label_errors");
        tile(
                h,
                r.unreadable().size(),
                "unreadable files",
                "skipped",
                r.unreadable().isEmpty() ? "#summary" : "#unreadable");
        h.append("</div>\n<table class=\"summary\">\n<tr><th>issue type</th><th>detector</th><th>flagged</th>"
                + "<th>ranked</th><th>score: meaning and direction</th><th>flagged when</th></tr>\n");
        summaryRows(
                h,
                "near-duplicate pairs",
                r.nearDuplicates().stream()
                        .map(l -> new Row(
                                l.method(), l.flaggedTotal(), l.ranking().size(), l.score(), l.rule()))
                        .toList());
        summaryRows(h, "off-topic samples", rows(r.offTopic()));
        summaryRows(h, "label errors", rows(r.labelErrors()));
        h.append("</table>\n");
        h.append("<p class=\"note\">Near-duplicate groups are the connected components of the pairs any detector"
                        + " flags. Lists below show each detector's top ")
                .append(items)
                .append(" (<code>--report-items</code>); the CSV files beside this page hold every ranked item with its"
                        + " <code>auto_issue</code> flag. Suspected label: the majority label among the ")
                .append(SuspectedLabels.K)
                .append(" nearest other samples by SelfClean distance (a tie goes to the label met first, nearest"
                        + " first).</p>\n");
        for (String note : r.notes()) {
            h.append("<p class=\"note\">Not run: ").append(esc(note)).append("</p>\n");
        }
        for (String note : r.scaleNotes()) {
            h.append("<p class=\"note\">Scale: ").append(esc(note)).append("</p>\n");
        }
        h.append("</section>\n");
    }

    private record Row(String method, long flagged, int ranked, String score, String rule) {}

    private static List<Row> rows(List<AuditRun.SampleList> lists) {
        return lists.stream()
                .map(l -> new Row(l.method(), l.flaggedTotal(), l.ranking().size(), l.score(), l.rule()))
                .toList();
    }

    private static void summaryRows(StringBuilder h, String issue, List<Row> rows) {
        if (rows.isEmpty()) {
            h.append("<tr><td>")
                    .append(issue)
                    .append("</td><td colspan=\"5\" class=\"muted\">no detector ran (see below)</td></tr>\n");
        }
        for (int k = 0; k < rows.size(); k++) {
            Row w = rows.get(k);
            h.append("<tr>");
            if (k == 0) {
                h.append("<td rowspan=\"")
                        .append(rows.size())
                        .append("\">")
                        .append(issue)
                        .append("</td>");
            }
            h.append("<td>")
                    .append(esc(w.method()))
                    .append("</td><td class=\"num")
                    .append(w.flagged() > 0 ? " flagged-count" : "")
                    .append("\">")
                    .append(w.flagged())
                    .append("</td><td class=\"num\">")
                    .append(w.ranked())
                    .append("</td><td>")
                    .append(esc(w.score()))
                    .append("</td><td>")
                    .append(esc(w.rule()))
                    .append("</td></tr>\n");
        }
    }

    private static void key(StringBuilder h, boolean labels) {
        h.append("<section id=\"key\"><h2>Colour key</h2>\n<ul class=\"key\">"
                + "<li><span class=\"swatch flagged\"></span>red frame: flagged by the detector (<code>auto_issue</code> = 1)</li>"
                + "<li><span class=\"swatch unflagged\"></span>grey frame: not flagged; shown because it ranks high</li>"
                + "<li><span class=\"swatch band\"></span>blue band: one near-duplicate group (every picture in it is"
                + " linked to another by a flagged pair)</li>"
                + "<li><span class=\"swatch missing\"></span>grey box: the picture could not be read</li>");
        if (labels) {
            h.append("<li><span class=\"chip differs\">suspected</span> the neighbours' majority label differs from"
                    + " the given one</li><li><span class=\"chip agrees\">suspected</span> the neighbours agree with the"
                    + " given label (each card: file, given label, then the suspected label)</li>");
        }
        h.append("</ul></section>\n");
    }

    private static void unreadable(StringBuilder h, List<ImageFolder.Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        h.append("<section id=\"unreadable\"><h2>Unreadable files (")
                .append(failures.size())
                .append(")</h2>\n<p class=\"note\">Skipped by the image detectors; the embedding detectors still"
                        + " rank them when they have a row.</p>\n<ul class=\"files\">");
        for (ImageFolder.Failure f : failures) {
            h.append("<li>").append(esc(f.message())).append("</li>");
        }
        h.append("</ul></section>\n");
    }

    private static void tile(StringBuilder h, long count, String what, String sub, String href) {
        h.append("<a class=\"tile")
                .append(count > 0 ? " hot" : "")
                .append("\" href=\"")
                .append(href)
                .append("\"><b>")
                .append(count)
                .append("</b><span>")
                .append(esc(what))
                .append("</span><small>")
                .append(esc(sub))
                .append("</small></a>");
    }

    private static void info(StringBuilder h, String k, String v) {
        h.append("<span><b>").append(esc(k)).append(":</b> ").append(esc(v)).append("</span> ");
    }

    /** Samples flagged by at least one of the lists. */
    private static long flaggedSamples(List<AuditRun.SampleList> lists) {
        Set<Integer> any = new java.util.HashSet<>();
        for (AuditRun.SampleList l : lists) {
            for (int k = 0; k < l.flagged().length; k++) {
                if (l.flagged()[k]) {
                    any.add(l.ranking().index(k));
                }
            }
        }
        return any.size();
    }

    private static String folderName(AuditSamples s) {
        Path dir = s.images()[0].toAbsolutePath().getParent();
        return dir == null ? "/" : dir.toString();
    }

    private static long distinct(String[] labels) {
        return Arrays.stream(labels).distinct().count();
    }

    private static List<AuditRun.SampleList> concat(List<AuditRun.SampleList> a, List<AuditRun.SampleList> b) {
        List<AuditRun.SampleList> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** The page being written, with what its cards need. */
    private static final class Page {
        final StringBuilder h = new StringBuilder(1 << 16);
        final Path out;
        final AuditSamples s;
        final Map<Integer, String> thumbs;
        final SampleCatalog catalog;
        final String[] suspected;

        Page(Path out, AuditSamples s, Map<Integer, String> thumbs, SampleCatalog catalog, String[] suspected) {
            this.out = out;
            this.s = s;
            this.thumbs = thumbs;
            this.catalog = catalog;
            this.suspected = suspected;
        }

        void groups(AuditRun.Result r, List<int[]> shown) {
            h.append("<section id=\"near_duplicates\"><h2>Near-duplicate groups (")
                    .append(r.groups().size())
                    .append(")</h2>\n");
            if (r.nearDuplicates().isEmpty()) {
                h.append("<p class=\"muted\">No near-duplicate detector ran.</p></section>\n");
                return;
            }
            if (r.groups().isEmpty()) {
                h.append("<p class=\"muted\">No pair was flagged by any detector.</p></section>\n");
                return;
            }
            h.append("<p class=\"note\">Largest groups first. ")
                    .append(
                            shown.size() < r.groups().size()
                                    ? "the first " + shown.size() + " of "
                                            + r.groups().size() + " shown (" + "all in near_duplicate_groups.csv). "
                                    : "")
                    .append("Each band is one group; the detectors that linked it are named on the left.</p>\n");
            int[] groupOf = new int[s.n()];
            Arrays.fill(groupOf, -1);
            for (int g = 0; g < shown.size(); g++) {
                for (int i : shown.get(g)) {
                    groupOf[i] = g;
                }
            }
            List<Set<String>> linkedBy = new ArrayList<>();
            shown.forEach(g -> linkedBy.add(new LinkedHashSet<>()));
            for (AuditRun.PairList l : r.nearDuplicates()) {
                for (int k = 0; k < l.flagged().length; k++) {
                    int g = groupOf[l.ranking().i(k)];
                    if (l.flagged()[k] && g >= 0) {
                        linkedBy.get(g).add(l.method());
                    }
                }
            }
            for (int g = 0; g < shown.size(); g++) {
                int[] members = shown.get(g);
                h.append("<div class=\"group\"><div class=\"ghead\"><b>Group ")
                        .append(g + 1)
                        .append("</b><span>")
                        .append(members.length)
                        .append(" images</span><span class=\"by\">linked by ")
                        .append(esc(String.join(", ", linkedBy.get(g))))
                        .append("</span></div><div class=\"members\">");
                for (int m = 0; m < Math.min(members.length, GROUP_MEMBERS_SHOWN); m++) {
                    card(members[m], "member", null, null);
                }
                if (members.length > GROUP_MEMBERS_SHOWN) {
                    h.append("<div class=\"more\">+")
                            .append(members.length - GROUP_MEMBERS_SHOWN)
                            .append(" more</div>");
                }
                h.append("</div></div>\n");
            }
            h.append("</section>\n");
        }

        void lists(
                String id,
                String title,
                List<AuditRun.SampleList> lists,
                int items,
                boolean withLabels,
                String whyNone) {
            h.append("<section id=\"")
                    .append(id)
                    .append("\"><h2>")
                    .append(title)
                    .append("</h2>\n");
            if (lists.isEmpty()) {
                h.append("<p class=\"muted\">Not run: ").append(esc(whyNone)).append(".</p></section>\n");
                return;
            }
            for (AuditRun.SampleList l : lists) {
                int top = Math.min(items, l.ranking().size());
                h.append("<h3>")
                        .append(esc(l.method()))
                        .append(" <span class=\"count\">")
                        .append(l.flaggedTotal())
                        .append(" flagged of ")
                        .append(l.ranking().size())
                        .append("; top ")
                        .append(top)
                        .append(" shown</span></h3>\n<p class=\"score\">Score: ")
                        .append(esc(l.score()))
                        .append(". Flagged when: ")
                        .append(esc(l.rule()))
                        .append(".</p>\n<div class=\"items\">");
                for (int k = 0; k < top; k++) {
                    int i = l.ranking().index(k);
                    String caption =
                            "#" + (k + 1) + " &middot; " + esc(fmt(l.ranking().score(k)));
                    card(i, l.flagged()[k] ? "flagged" : "unflagged", caption, withLabels ? suspected : null);
                }
                h.append("</div>\n");
            }
            h.append("</section>\n");
        }

        /** One picture: thumbnail linked to the full image, file name, label (and suspected label). */
        void card(int i, String cls, String caption, String[] suspectedLabels) {
            h.append("<figure class=\"card ").append(cls).append("\">");
            String link = link(i);
            h.append("<a href=\"")
                    .append(esc(link))
                    .append("\" title=\"open ")
                    .append(esc(s.file(i)))
                    .append("\">");
            AuditReportWriter.thumb(h, i, catalog, thumbs);
            h.append("</a><figcaption>");
            if (caption != null) {
                h.append("<span class=\"rank\">").append(caption).append("</span>");
            }
            h.append("<span class=\"file\" title=\"")
                    .append(esc(s.file(i)))
                    .append("\">")
                    .append(esc(s.file(i)))
                    .append("</span>");
            if (s.labels() != null) {
                h.append("<span class=\"label\" title=\"given label: ")
                        .append(esc(s.labels()[i]))
                        .append("\">")
                        .append(esc(s.labels()[i]))
                        .append("</span>");
                if (suspectedLabels != null) {
                    boolean differs = !suspectedLabels[i].equals(s.labels()[i]);
                    h.append("<span class=\"chip ")
                            .append(differs ? "differs" : "agrees")
                            .append("\" title=\"suspected label: ")
                            .append(esc(suspectedLabels[i]))
                            .append("\">&rarr; ")
                            .append(esc(suspectedLabels[i]))
                            .append("</span>");
                }
            }
            h.append("</figcaption></figure>\n");
        }

        /** The full image, relative to the report's folder, as a URI path (works when opened from disk). */
        private String link(int i) {
            Path rel = out.toAbsolutePath()
                    .normalize()
                    .relativize(s.images()[i].toAbsolutePath().normalize());
            List<String> parts = new ArrayList<>();
            rel.forEach(p -> parts.add(p.toString()));
            try {
                return new URI(null, null, String.join("/", parts), null).toASCIIString();
            } catch (URISyntaxException e) {
                return s.images()[i].toUri().toString();
            }
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static final String CSS = """
            :root { --flag: #d62728; --ok: #b8b8b8; --group: #1f77b4; --differs: #e67e00; --agrees: #2ca02c; }
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 28px 40px; color: #222; }
            header { position: sticky; top: 0; background: #fff; padding: 12px 0 6px; border-bottom: 1px solid #ddd; z-index: 2; }
            h1 { margin: 0 0 4px; font-size: 22px; } h1 code { font-size: 18px; }
            h2 { margin-top: 28px; border-bottom: 2px solid #eee; padding-bottom: 4px; }
            h3 { margin: 22px 0 2px; } h3 .count { font-weight: normal; color: #666; font-size: 14px; }
            .info span { margin-right: 16px; font-size: 13px; color: #555; }
            nav a { margin-right: 14px; font-size: 14px; }
            .warning { background: #fde2e1; border: 1px solid var(--flag); padding: 8px 12px; margin: 8px 0; }
            .tiles { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0 14px; }
            .tile { display: flex; flex-direction: column; min-width: 170px; padding: 10px 14px; border: 1px solid #ddd;
                    border-radius: 8px; text-decoration: none; color: #222; background: #fafafa; }
            .tile b { font-size: 28px; } .tile.hot b { color: var(--flag); } .tile small { color: #777; }
            table.summary { border-collapse: collapse; font-size: 13px; width: 100%; }
            table.summary th, table.summary td { border: 1px solid #ddd; padding: 4px 8px; vertical-align: top; text-align: left; }
            table.summary th { background: #f4f4f4; } td.num { text-align: right; white-space: nowrap; }
            td.flagged-count { color: var(--flag); font-weight: bold; }
            .note, .score { font-size: 13px; color: #555; max-width: 1100px; } .muted { color: #888; }
            ul.key { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 22px; font-size: 13px; }
            .swatch { display: inline-block; width: 22px; height: 14px; margin-right: 6px; vertical-align: middle; border-radius: 3px; }
            .swatch.flagged { border: 3px solid var(--flag); } .swatch.unflagged { border: 3px solid var(--ok); }
            .swatch.band { background: #eaf2fb; border-left: 5px solid var(--group); } .swatch.missing { background: #eee; }
            .group { display: flex; align-items: flex-start; gap: 12px; margin: 8px 0; padding: 8px;
                     background: #eaf2fb; border-left: 5px solid var(--group); border-radius: 4px; }
            .ghead { display: flex; flex-direction: column; width: 150px; flex: none; font-size: 13px; }
            .ghead .by { color: #555; font-size: 12px; margin-top: 4px; }
            .members, .items { display: flex; flex-wrap: wrap; gap: 8px; }
            .card { margin: 0; padding: 5px; border: 3px solid var(--ok); border-radius: 5px; background: #fff;
                    width: 124px; font-size: 11px; text-align: center; }
            .card.flagged { border-color: var(--flag); } .card.member { border-color: #fff; }
            .card img { width: 112px; height: 112px; object-fit: contain; display: block; margin: 0 auto; }
            .noimg { width: 112px; height: 112px; line-height: 112px; background: #eee; color: #777; margin: 0 auto; }
            figcaption span { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
            .rank { font-weight: bold; } .file { font-family: ui-monospace, monospace; color: #444; }
            .label { color: #333; } .chip { border-radius: 8px; padding: 0 5px; margin-top: 2px; color: #fff; }
            .chip.differs { background: var(--differs); } .chip.agrees { background: var(--agrees); }
            .more { align-self: center; color: #555; font-size: 13px; }
            ul.files { font-family: ui-monospace, monospace; font-size: 12px; }
            """;
}
