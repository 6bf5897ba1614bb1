package org.cleanrank.cli;

import org.cleanrank.pairs.Progress;

/** Progress on stderr, at most one line every two seconds per stage, plus the end of each stage. */
public final class StderrProgress implements Progress {
    private final long start = System.nanoTime();
    private long lastPrint;
    private String lastStage = "";
    private final boolean enabled;

    public StderrProgress(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public synchronized void update(String stage, long done, long total) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean newStage = !stage.equals(lastStage);
        boolean finished = done >= total;
        if (newStage || finished || now - lastPrint > 2_000_000_000L) {
            if (newStage || now - lastPrint > 2_000_000_000L || finished) {
                System.err.printf(
                        "cleanrank: %-16s %5.1f%%  (%d/%d, %.1f s)%n",
                        stage, total == 0 ? 100.0 : 100.0 * done / total, done, total, (now - start) / 1e9);
                lastPrint = now;
            }
            lastStage = finished ? "" : stage;
        }
    }

    public void message(String text) {
        if (enabled) {
            System.err.printf("cleanrank: %s (%.1f s)%n", text, (System.nanoTime() - start) / 1e9);
        }
    }
}
