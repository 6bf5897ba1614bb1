package org.cleanrank.cli.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.cleanrank.cli.benchmark.BenchmarkData;
import org.cleanrank.cli.benchmark.Detection;
import org.cleanrank.cli.benchmark.DetectorEntry;
import org.cleanrank.cli.benchmark.DetectorSkipped;
import org.cleanrank.cli.benchmark.Detectors;
import org.cleanrank.cli.benchmark.RunContext;
import org.cleanrank.cli.benchmark.RunSuspectedLabels;
import org.cleanrank.cli.neighbours.SuspectedLabels;
import org.cleanrank.detect.AutoCleaning;
import org.cleanrank.detect.FractionCut;
import org.cleanrank.detect.PairRankings;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.detect.SortedDistances;
import org.cleanrank.eval.NearDuplicateEvaluation.PairDistance;
import org.cleanrank.image.pipeline.ImageFolder;
import org.cleanrank.outlier.PyodIForest;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.rank.SampleRanking;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * Runs every detector an audit's inputs allow, with no ground truth, and decides per detector which items
 * it flags. The detectors are the benchmark's own ({@link Detectors}: same code, same settings), run on
 * one {@link RunContext} so the images are decoded once and SelfClean's single pass feeds its three lists.
 *
 * <p>What "flagged" ({@code auto_issue = 1}) means, per detector:
 *
 * <ul>
 *   <li>SelfClean: its automatic cleaning ({@link AutoCleaning}, {@code fraction_cut} exactly), with the
 *       cut-offs of {@link Settings#auto()}; pairs at distance exactly 0 (identical embeddings), which the
 *       rule leaves out, are flagged too;
 *   <li>pHash (OpenCV) and SSIM: both image detectors agree, at most {@link Settings#phashMaxBits()} of the
 *       64 hash bits differ and 1 - SSIM is at most {@link Settings#ssimMaxDistance()} (either alone also
 *       pairs unrelated smooth pictures), looked for among each one's {@link Settings#pairs()} closest pairs.
 *       Above {@link Settings#ssimAllPairsMax()} decoded images SSIM does not compare all pairs (quadratic:
 *       hours at 100,000 images) but scores only the closest pairs of pHash and SelfClean
 *       ({@link CandidateSsim}), and says so in {@link Result#scaleNotes()};
 *   <li>PyOD's KNN, ECOD, HBOS, IForest: PyOD's own {@code labels_}: a decision score above the
 *       {@code 100 (1 - contamination)} percentile of all scores.
 * </ul>
 */
public final class AuditRun {
    private AuditRun() {}

    /** The benchmark detectors an audit runs (the others need ground truth or long training). */
    static final Set<String> DETECTORS = Set.of("selfclean", "phash_opencv", "ssim", "knn", "ecod", "hbos", "iforest");

    /**
     * @param pairs closest pairs kept per near-duplicate detector
     * @param auto SelfClean's automatic-cleaning cut-offs
     * @param contamination PyOD's share of flagged samples
     * @param ssimAllPairsMax the most decoded images SSIM compares all pairs of; above, it scores the other
     *     detectors' closest pairs only ({@link CandidateSsim})
     */
    public record Settings(
            long pairs,
            AutoCleaning.Settings auto,
            int phashMaxBits,
            double ssimMaxDistance,
            double contamination,
            long seed,
            int threads,
            int ssimAllPairsMax) {}

    /** One near-duplicate detector's closest pairs (sample indices, i &lt; j) and which are flagged. */
    public record PairList(
            String method, String score, String rule, PairRanking ranking, boolean[] flagged, long flaggedTotal) {}

    /** One sample detector's full ranking, most suspicious first, and which ranks are flagged. */
    public record SampleList(
            String method, String score, String rule, SampleRanking ranking, boolean[] flagged, long flaggedTotal) {}

    /**
     * What the audit found. {@code suspected} is the suspected label per sample (null without label errors).
     * {@code notes} say which detectors could not run and why; {@code scaleNotes} what was done instead of a
     * pass too long for the folder's size (and how to force it).
     */
    public record Result(
            AuditSamples samples,
            Settings settings,
            List<PairList> nearDuplicates,
            List<int[]> groups,
            List<SampleList> offTopic,
            List<SampleList> labelErrors,
            String[] suspected,
            List<ImageFolder.Failure> unreadable,
            List<String> notes,
            List<String> scaleNotes) {}

    public static Result run(AuditSamples s, Settings settings, Progress progress, Consumer<String> say) {
        int n = s.n();
        boolean emb = s.embeddings() != null;
        String[] labelNames = s.labels();
        int[] codes = labelNames == null ? null : codes(labelNames);
        BenchmarkData data = new BenchmarkData(
                "audit",
                s.ids(),
                labelNames,
                codes,
                new int[n],
                new int[n],
                null,
                "no ground truth",
                s.images(),
                s.embeddings(),
                emb ? IntStream.range(0, n).toArray() : null);
        RunContext ctx = new RunContext(data, settings.threads(), settings.seed(), progress);
        List<String> notes = new ArrayList<>();
        RunContext.ImageFeatures images = ctx.imageFeatures();
        for (ImageFolder.Failure f : images.failures()) {
            say.accept("skipped " + f.message());
        }
        if (images.samples().length < 2 && !emb) {
            throw new org.cleanrank.CleanRankException("fewer than 2 readable images among " + n + " files in the"
                    + " folder (" + images.failures().size() + " unreadable, listed above); nothing to compare");
        }
        List<PairList> pairs = new ArrayList<>();
        List<SampleList> offTopic = new ArrayList<>();
        List<SampleList> labelErrors = new ArrayList<>();
        AutoCleaning.Report auto = null;
        SortedDistances selfCleanPairs = null;
        if (emb) {
            say.accept("SelfClean on " + n + " embeddings");
            SelfClean.Result r = Detectors.selfClean(ctx, data.embeddingSamples());
            selfCleanPairs = AutoCleaning.pairDistances(
                    r,
                    Detectors.packed(ctx, null),
                    VectorizationProvider.getInstance().embeddingKernels(),
                    ctx.threads(),
                    progress);
            auto = AutoCleaning.apply(r, n, settings.auto(), selfCleanPairs);
        } else {
            notes.add("SelfClean, KNN, ECOD, HBOS, IForest and the label errors need --embeddings E.npy");
        }
        if (labelNames != null && !emb) {
            notes.add("label errors need --embeddings E.npy (the labels are shown on the cards)");
        }
        if (images.samples().length < 2) {
            notes.add("pHash and SSIM need at least 2 readable images");
        }
        PairList phash = null;
        PairList ssim = null;
        PairDistance bits = null;
        PairDistance structure = null;
        PairRanking selfCleanRanked = null;
        int decoded = images.samples().length;
        boolean ssimOnCandidates = decoded > settings.ssimAllPairsMax();
        for (DetectorEntry e : Detectors.all()) {
            if (!DETECTORS.contains(e.fileName())) {
                continue;
            }
            boolean imageDetector = e.needs() == DetectorEntry.Input.IMAGES;
            if (imageDetector ? images.samples().length < 2 : !emb) {
                continue;
            }
            if (e.needs() == DetectorEntry.Input.EMBEDDINGS_AND_LABELS && codes == null) {
                continue;
            }
            if (ssimOnCandidates && e.fileName().equals("ssim")) {
                continue; // scored on the other detectors' candidates below
            }
            int[] subset = ctx.subset(e.needs());
            say.accept(e.issue().title() + ": " + e.name() + " on " + subset.length + " samples");
            Detection d;
            try {
                d = e.runner().run(ctx, subset);
            } catch (DetectorSkipped skipped) {
                notes.add(e.name() + " (" + e.issue().title().toLowerCase(Locale.ROOT) + "): " + skipped.getMessage());
                continue;
            }
            switch (d) {
                case Detection.Pairs p -> {
                    PairRanking local = PairRankings.rank(p.tiles(), settings.pairs(), ctx.threads(), progress);
                    PairRanking ranked = global(local, subset);
                    if (e.fileName().equals("selfclean")) {
                        selfCleanRanked = ranked;
                        pairs.add(selfCleanPairs(ranked, auto.nearDuplicates(), selfCleanPairs.zeros()));
                    } else if (e.fileName().equals("phash_opencv")) {
                        phash = new PairList(e.name(), PHASH_SCORE, "", ranked, null, 0);
                        bits = global(p.single(), images.samples(), n);
                    } else {
                        ssim = new PairList(e.name(), SSIM_SCORE, "", ranked, null, 0);
                        structure = global(p.single(), images.samples(), n);
                    }
                }
                case Detection.Samples r -> {
                    SampleRanking ranked = global(r.ranking(), subset);
                    switch (e.issue()) {
                        case OFF_TOPIC ->
                            offTopic.add(
                                    e.fileName().equals("selfclean")
                                            ? selfCleanSamples(ranked, auto.offTopic(), LAD_SCORE)
                                            : pyod(e.name(), ranked, settings.contamination()));
                        case LABEL_ERRORS -> labelErrors.add(selfCleanSamples(ranked, auto.labelErrors(), LE_SCORE));
                        default -> throw new IllegalStateException(e.issue().toString());
                    }
                }
            }
        }
        List<String> scaleNotes = new ArrayList<>();
        if (phash != null && ssimOnCandidates) {
            List<PairRanking> lists =
                    selfCleanRanked == null ? List.of(phash.ranking()) : List.of(phash.ranking(), selfCleanRanked);
            say.accept("Near-duplicates: SSIM on the candidate pairs of "
                    + (lists.size() == 1 ? "pHash" : "pHash and" + " SelfClean") + " (" + decoded
                    + " images, more than --ssim-all-pairs-max "
                    + settings.ssimAllPairsMax() + ")");
            CandidateSsim c = CandidateSsim.score(
                    lists,
                    localOf(images.samples(), n),
                    images.features().stream()
                            .map(RunContext.ImageFeature::ssimThumb)
                            .toList(),
                    VectorizationProvider.getInstance().fastSsim(),
                    settings.pairs(),
                    ctx.threads(),
                    progress);
            ssim = new PairList("SSIM", SSIM_SCORE, "", c.ranking(), null, 0);
            structure = c.distance();
            String note = ssimScaleNote(decoded, settings, lists.size() == 2, c.candidates());
            say.accept(note);
            scaleNotes.add(note);
        }
        if (phash != null && ssim != null) {
            ImagePairRule rule =
                    new ImagePairRule(settings.phashMaxBits(), settings.ssimMaxDistance(), bits, structure);
            pairs.add(rule.flag(phash));
            pairs.add(rule.flag(ssim));
        }
        String[] suspected = null;
        if (!labelErrors.isEmpty()) {
            say.accept(
                    "suspected labels: majority of the " + Math.min(SuspectedLabels.K, n - 1) + " nearest neighbours");
            suspected = RunSuspectedLabels.of(ctx);
        }
        return new Result(
                s,
                settings,
                pairs,
                NearDuplicateGroups.of(n, pairs),
                offTopic,
                labelErrors,
                suspected,
                images.failures(),
                notes,
                scaleNotes);
    }

    /** What SSIM did instead of all pairs, and how to force all pairs. */
    static String ssimScaleNote(int decoded, Settings settings, boolean withSelfClean, int candidates) {
        return String.format(
                Locale.ROOT,
                "SSIM compared %d candidate pairs, not all %d pairs: %d decoded images are more than"
                        + " --ssim-all-pairs-max %d. The candidates are the %d closest pairs of pHash%s, each"
                        + " scored exactly as the all-pairs pass scores it; a near-duplicate pair that none of"
                        + " those ranks among its closest is not seen by SSIM. To compare all pairs, pass"
                        + " --ssim-all-pairs-max %d (all-pairs SSIM grows with the square of the images).",
                candidates,
                (long) decoded * (decoded - 1) / 2,
                decoded,
                settings.ssimAllPairsMax(),
                settings.pairs(),
                withSelfClean ? " and of SelfClean" : "",
                decoded);
    }

    static final String SELFCLEAN_PAIR_SCORE =
            "SelfClean distance of the embeddings, (1 - cosine similarity) / 2: 0 = same direction; lower = more alike";
    static final String PHASH_SCORE = "OpenCV pHash: differing bits of the 64-bit hashes (0-64); lower = more alike";
    static final String SSIM_SCORE =
            "1 - SSIM of 64 x 64 grey thumbnails (CleanPatrick's fast SSIM): 0 = identical; lower = more alike";
    static final String LAD_SCORE = "SelfClean LAD: area under the single-linkage dendrogram up to the sample;"
            + " lower = more isolated (first = most off-topic)";
    static final String LE_SCORE = "SelfClean intra/extra ratio d_other^2 / (d_same^2 + d_other^2): nearest sample"
            + " of another label vs. of its own; lower = more suspicious";
    static final String PYOD_SCORE = "PyOD decision score; higher = more outlying";

    private static PairList selfCleanPairs(PairRanking r, FractionCut.Outcome o, long zeros) {
        boolean[] flagged = new boolean[r.size()];
        for (int k = 0; k < flagged.length; k++) {
            flagged[k] = r.distance(k) == 0 || o.flaggedRanks().contains(k);
        }
        return new PairList("SelfClean", SELFCLEAN_PAIR_SCORE, autoRule(o), r, flagged, o.flagged() + zeros);
    }

    private static SampleList selfCleanSamples(SampleRanking r, FractionCut.Outcome o, String score) {
        boolean[] flagged = new boolean[r.size()];
        for (int k = 0; k < flagged.length; k++) {
            flagged[k] = o.flaggedRanks().contains(k);
        }
        return new SampleList("SelfClean", score, autoRule(o), r, flagged, o.flagged());
    }

    private static String autoRule(FractionCut.Outcome o) {
        return o.fit() == null
                ? "SelfClean's automatic cleaning: no score strictly between 0 and 1, nothing to fit"
                : String.format(
                        Locale.ROOT,
                        "SelfClean's automatic cleaning (fraction_cut, alpha %.3g as used, logit cut-off %.4g)",
                        o.fit().alpha(),
                        o.logitCutoff());
    }

    /** PyOD's {@code labels_}: score above the (1 - contamination) percentile (numpy's linear interpolation). */
    private static SampleList pyod(String method, SampleRanking r, double contamination) {
        double threshold = PyodIForest.percentileLinear(r.scores(), 100 * (1 - contamination));
        boolean[] flagged = new boolean[r.size()];
        long count = 0;
        for (int k = 0; k < flagged.length; k++) {
            flagged[k] = r.score(k) > threshold;
            count += flagged[k] ? 1 : 0;
        }
        String rule = String.format(
                Locale.ROOT,
                "PyOD's labels_ at contamination %.3g: score above its %.3g percentile (%.4g)",
                contamination,
                100 * (1 - contamination),
                threshold);
        return new SampleList(method, PYOD_SCORE, rule, r, flagged, count);
    }

    /** A pair distance over the decoded images' positions as one over sample indices. */
    private static PairDistance global(PairDistance local, int[] decoded, int n) {
        int[] at = localOf(decoded, n);
        return (i, j) -> local.distance(at[i], at[j]);
    }

    /** Each sample's position among the decoded images ({@code decoded}: ascending samples), -1 if absent. */
    private static int[] localOf(int[] decoded, int n) {
        int[] local = new int[n];
        Arrays.fill(local, -1);
        for (int k = 0; k < decoded.length; k++) {
            local[decoded[k]] = k;
        }
        return local;
    }

    private static PairRanking global(PairRanking r, int[] subset) {
        int[] i = new int[r.size()];
        int[] j = new int[r.size()];
        float[] d = new float[r.size()];
        for (int k = 0; k < i.length; k++) {
            i[k] = subset[r.i(k)];
            j[k] = subset[r.j(k)];
            d[k] = r.distance(k);
        }
        return PairRanking.of(i, j, d);
    }

    private static SampleRanking global(SampleRanking r, int[] subset) {
        int[] idx = new int[r.size()];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = subset[r.index(k)];
        }
        return new SampleRanking(idx, r.scores());
    }

    /** Label names as codes 0..C-1 in order of first appearance. */
    static int[] codes(String[] names) {
        java.util.Map<String, Integer> code = new java.util.HashMap<>();
        return Arrays.stream(names)
                .mapToInt(v -> code.computeIfAbsent(v, k -> code.size()))
                .toArray();
    }
}
