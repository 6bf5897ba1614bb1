package org.cleanrank.cli.benchmark;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.cleanrank.CleanRankException;
import org.cleanrank.cli.report.AuditItem;
import org.cleanrank.cli.report.DetectorOutcome;
import org.cleanrank.cli.report.IssueType;
import org.cleanrank.detect.PairRankings;
import org.cleanrank.eval.NearDuplicateEvaluation;
import org.cleanrank.eval.NearDuplicateEvaluation.AnnotatedPairs;
import org.cleanrank.eval.RankingCurves;
import org.cleanrank.eval.RankingMetrics;
import org.cleanrank.pairs.PairTiles;
import org.cleanrank.parity.NumpyArgsort;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;

/**
 * Runs every detector of a benchmark, one after another, and turns each result into a
 * {@link DetectorOutcome}: CleanPatrick's metrics against the ground truth, the curves, the top items
 * for the report, and the ranking written to {@code rankings/}. A detector that throws is recorded as
 * failed with its one-line reason and the others still run; every finished ranking is on disk before
 * the next detector starts.
 */
public final class BenchmarkRunner {
    /** Settings: how many pairs a near-duplicate ranking file keeps, how many items the report shows. */
    public record Options(Path out, long rankingPairs, int reportItems) {}

    /** Receives each outcome as soon as it exists (progress lines). */
    public interface Listener {
        void started(DetectorEntry e, int samples);

        void finished(DetectorOutcome o);
    }

    private BenchmarkRunner() {}

    public static List<DetectorOutcome> run(RunContext ctx, List<DetectorEntry> entries, Options o, Listener listener) {
        List<DetectorOutcome> out = new ArrayList<>();
        for (DetectorEntry e : entries) {
            DetectorOutcome r = runOne(ctx, e, o, listener);
            out.add(r);
            listener.finished(r);
        }
        return out;
    }

    private static DetectorOutcome runOne(RunContext ctx, DetectorEntry e, Options o, Listener listener) {
        long t0 = System.nanoTime();
        try {
            int[] subset = ctx.subset(e.needs());
            String missing = missingInput(ctx.data(), e, subset);
            if (missing == null
                    && e.issue() == IssueType.NEAR_DUPLICATES
                    && ctx.data().nearDuplicatePairs() == null) {
                missing = ctx.data().nearDuplicatePairsUnavailable();
            }
            if (missing != null) {
                return DetectorOutcome.skipped(e.name(), e.issue(), missing);
            }
            listener.started(e, subset.length);
            Detection d = e.runner().run(ctx, subset);
            return switch (d) {
                case Detection.Samples s -> samples(ctx.data(), e, subset, s.ranking(), o, secondsSince(t0));
                case Detection.Pairs p -> pairs(ctx, e, subset, p, o, t0);
            };
        } catch (DetectorSkipped ex) {
            return DetectorOutcome.skipped(e.name(), e.issue(), ex.getMessage());
        } catch (CleanRankException ex) {
            return DetectorOutcome.failed(e.name(), e.issue(), ex.getMessage(), secondsSince(t0));
        } catch (OutOfMemoryError ex) {
            return DetectorOutcome.failed(
                    e.name(),
                    e.issue(),
                    "out of memory; raise the heap (CLEANRANK_HEAP=16g ./cleanrank ...)",
                    secondsSince(t0));
        } catch (RuntimeException | StackOverflowError ex) {
            return DetectorOutcome.failed(e.name(), e.issue(), "internal error: " + ex, secondsSince(t0));
        }
    }

    private static String missingInput(BenchmarkData data, DetectorEntry e, int[] subset) {
        return switch (e.needs()) {
            case EMBEDDINGS, EMBEDDINGS_AND_LABELS -> {
                if (!data.hasEmbeddings()) {
                    yield "no embeddings (give --embeddings E.npy)";
                }
                if (e.needs() == DetectorEntry.Input.EMBEDDINGS_AND_LABELS && data.labels() == null) {
                    yield "no labels in the dataset";
                }
                yield subset.length < 2 ? "fewer than 2 samples have embeddings" : null;
            }
            case IMAGES ->
                data.hasImages()
                        ? (subset.length < 2 ? "fewer than 2 images could be read" : null)
                        : "no images (give --images DIR)";
        };
    }

    private static double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static DetectorOutcome samples(
            BenchmarkData data, DetectorEntry e, int[] subset, SampleRanking local, Options o, double seconds) {
        int[] truthVector = e.issue() == IssueType.OFF_TOPIC ? data.offTopic() : data.labelError();
        int n = local.size();
        int[] global = new int[n];
        int[] truth = new int[n];
        for (int r = 0; r < n; r++) {
            global[r] = subset[local.index(r)];
            truth[r] = truthVector[global[r]];
        }
        Path file = o.out().resolve("rankings").resolve(e.issue().key() + "_" + e.fileName() + ".csv");
        BenchmarkFiles.writeSampleRanking(file, global, local.scores(), data.ids());
        List<AuditItem> top = new ArrayList<>();
        for (int r = 0; r < Math.min(o.reportItems(), n); r++) {
            top.add(new AuditItem(r + 1, global[r], -1, local.score(r), truth[r]));
        }
        Map<String, Double> metrics = n == 0 ? Map.of() : RankingMetrics.compute(truth);
        return new DetectorOutcome(
                e.name(),
                e.issue(),
                DetectorOutcome.Status.OK,
                coverage(subset.length, data.n()),
                seconds,
                metrics,
                n == 0 ? null : RankingCurves.of(truth, 2000),
                top,
                o.out().relativize(file).toString());
    }

    private static DetectorOutcome pairs(
            RunContext ctx, DetectorEntry e, int[] subset, Detection.Pairs d, Options o, long t0) {
        PairTiles tiles = d.tiles();
        BenchmarkData data = ctx.data();
        int n = data.n();
        // the annotated pairs among this subset, in the reference's (lower triangle) order, in subset positions
        int[] local = new int[n];
        Arrays.fill(local, -1);
        for (int k = 0; k < subset.length; k++) {
            local[subset[k]] = k;
        }
        AnnotatedPairs all = data.nearDuplicatePairs();
        IntArrayList li = new IntArrayList();
        IntArrayList lj = new IntArrayList();
        IntArrayList ll = new IntArrayList();
        Long2IntOpenHashMap truthOf = new Long2IntOpenHashMap();
        truthOf.defaultReturnValue(-1);
        for (int p = 0; p < all.size(); p++) {
            int i = all.i()[p];
            int j = all.j()[p];
            truthOf.put(key(i, j, n), all.label()[p]);
            if (local[i] >= 0 && local[j] >= 0) {
                li.add(local[i]);
                lj.add(local[j]);
                ll.add(all.label()[p]);
            }
        }
        AnnotatedPairs mine = new AnnotatedPairs(li.toIntArray(), lj.toIntArray(), ll.toIntArray());
        double[] annotatedDistance = d.single() != null ? direct(mine, d.single()) : TileLookup.distances(tiles, mine);
        int[] order = NumpyArgsort.quicksort(annotatedDistance);
        int[] truth = new int[order.length];
        for (int r = 0; r < order.length; r++) {
            truth[r] = mine.label()[order[r]];
        }
        // the report shows the top pairs even with --pairs 0
        PairRanking ranking =
                PairRankings.rank(tiles, Math.max(o.rankingPairs(), o.reportItems()), ctx.threads(), ctx.progress());
        double seconds = secondsSince(t0);
        int[] gi = new int[ranking.size()];
        int[] gj = new int[ranking.size()];
        for (int r = 0; r < gi.length; r++) {
            gi[r] = subset[ranking.i(r)];
            gj[r] = subset[ranking.j(r)];
        }
        Path file = o.out().resolve("rankings").resolve(e.issue().key() + "_" + e.fileName() + ".csv");
        BenchmarkFiles.writePairRanking(
                file,
                (int) Math.min(gi.length, o.rankingPairs()),
                gi,
                gj,
                ranking,
                data.ids(),
                (i, j) -> truthOf.get(key(i, j, n)));
        List<AuditItem> top = new ArrayList<>();
        for (int r = 0; r < Math.min(o.reportItems(), gi.length); r++) {
            top.add(new AuditItem(r + 1, gi[r], gj[r], ranking.distance(r), truthOf.get(key(gi[r], gj[r], n))));
        }
        String note = coverage(subset.length, n) + "; metrics over " + truth.length + " annotated pairs";
        if (truth.length == 0) {
            return new DetectorOutcome(
                    e.name(),
                    e.issue(),
                    DetectorOutcome.Status.OK,
                    note + " (none: no metrics)",
                    seconds,
                    Map.of(),
                    null,
                    top,
                    o.out().relativize(file).toString());
        }
        return new DetectorOutcome(
                e.name(),
                e.issue(),
                DetectorOutcome.Status.OK,
                note,
                seconds,
                RankingMetrics.compute(truth),
                RankingCurves.of(truth, 2000),
                top,
                o.out().relativize(file).toString());
    }

    private static double[] direct(AnnotatedPairs pairs, NearDuplicateEvaluation.PairDistance f) {
        double[] out = new double[pairs.size()];
        for (int p = 0; p < out.length; p++) {
            out[p] = f.distance(pairs.i()[p], pairs.j()[p]);
        }
        return out;
    }

    /** Key of the unordered pair {i, j}, stored as (max, min) like the annotated lower triangle. */
    static long key(int i, int j, int n) {
        return (long) Math.max(i, j) * n + Math.min(i, j);
    }

    private static String coverage(int ran, int n) {
        return ran == n ? "all " + n + " samples" : ran + " of " + n + " samples";
    }
}
