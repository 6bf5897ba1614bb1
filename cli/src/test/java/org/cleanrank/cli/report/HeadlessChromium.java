package org.cleanrank.cli.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a local page in Debian's headless Chromium and returns the DOM after the load event (and
 * Chromium's own log, for failure messages).
 * Flags as the machine notes require: no sandbox (root), no background networking (closed network).
 */
public final class HeadlessChromium {
    public record Page(String dom, String log) {}

    public static Path executable() {
        for (String p : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (Files.isExecutable(Path.of(p))) {
                return Path.of(p);
            }
        }
        return null;
    }

    /** Skips (or, with -Dcleanrank.requireBrowser=true as in CI, fails) when Chromium is not installed. */
    public static void require() {
        if (executable() == null) {
            if (Boolean.getBoolean("cleanrank.requireBrowser")) {
                throw new AssertionError("chromium not found: apt-get install chromium (see README)");
            }
            org.junit.jupiter.api.Assumptions.abort(
                    "chromium not installed; apt-get install chromium to run the browser tests");
        }
    }

    /** The value of a data-* attribute the report's self-check script sets on body, or null. */
    public static String attribute(String dom, String name) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(dom);
        return m.find() ? m.group(1) : null;
    }

    public static Page open(Path html, Path scratch) throws IOException, InterruptedException {
        Path exe = executable();
        Path profile = Files.createDirectories(scratch.resolve("chromium-profile"));
        Path out = scratch.resolve("dom.html");
        Path log = scratch.resolve("chromium.log");
        List<String> cmd = List.of(
                exe.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0",
                "--virtual-time-budget=15000",
                "--dump-dom",
                html.toUri().toString());
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(log.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish within 120 s");
        }
        return new Page(Files.readString(out, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8));
    }
}
