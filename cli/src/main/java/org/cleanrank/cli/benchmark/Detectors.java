package org.cleanrank.cli.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.cleanrank.cli.benchmark.DetectorEntry.Input;
import org.cleanrank.cli.report.IssueType;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.hash.HammingTiles;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.image.cv.FastSsimTiles;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.label.cl.ConfidentLearning;
import org.cleanrank.label.cl.FilterBy;
import org.cleanrank.label.cl.LabeledProbabilities;
import org.cleanrank.label.cl.QualityMethod;
import org.cleanrank.label.classify.CrossValidatedProbabilities;
import org.cleanrank.label.classify.MultinomialLogisticRegression;
import org.cleanrank.label.classify.StratifiedFolds;
import org.cleanrank.label.noiserank.NoiseRank;
import org.cleanrank.outlier.PyodEcod;
import org.cleanrank.outlier.PyodHbos;
import org.cleanrank.outlier.PyodIForest;
import org.cleanrank.outlier.PyodKnn;
import org.cleanrank.pairs.EmbeddingTiles;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * CleanPatrick's line-up, per issue type in the order of its table: SelfClean's three rankings, the
 * image near-duplicate detectors (both pHash variants, fast SSIM) and the baselines (PyOD's KNN, ECOD,
 * HBOS, IForest; Confident Learning; NoiseRank).
 */
public final class Detectors {
    private Detectors() {}

    public static List<DetectorEntry> all() {
        List<DetectorEntry> l = new ArrayList<>();
        l.add(new DetectorEntry(
                "SelfClean",
                "selfclean",
                IssueType.NEAR_DUPLICATES,
                Input.EMBEDDINGS,
                (ctx, s) -> new Detection.Pairs(
                        new EmbeddingTiles(
                                packed(ctx, s),
                                VectorizationProvider.getInstance().embeddingKernels()),
                        null)));
        l.add(new DetectorEntry(
                "pHash (OpenCV)",
                "phash_opencv",
                IssueType.NEAR_DUPLICATES,
                Input.IMAGES,
                (ctx, s) -> hamming(ctx, true)));
        l.add(new DetectorEntry(
                "pHash (imagehash)",
                "phash_imagehash",
                IssueType.NEAR_DUPLICATES,
                Input.IMAGES,
                (ctx, s) -> hamming(ctx, false)));
        l.add(new DetectorEntry("SSIM", "ssim", IssueType.NEAR_DUPLICATES, Input.IMAGES, (ctx, s) -> {
            List<Raster8> thumbs = ctx.imageFeatures().features().stream()
                    .map(RunContext.ImageFeature::ssimThumb)
                    .toList();
            FastSsim.Prepared p = FastSsim.prepare(thumbs);
            return new Detection.Pairs(new FastSsimTiles(p), p::distance);
        }));
        l.add(new DetectorEntry(
                "SelfClean",
                "selfclean",
                IssueType.OFF_TOPIC,
                Input.EMBEDDINGS,
                (ctx, s) -> new Detection.Samples(selfClean(ctx, s).offTopic())));
        l.add(new DetectorEntry(
                "KNN",
                "knn",
                IssueType.OFF_TOPIC,
                Input.EMBEDDINGS,
                (ctx, s) -> new Detection.Samples(PyodKnn.builder()
                        .threads(ctx.threads())
                        .progress(ctx.progress())
                        .build()
                        .rank(matrix(ctx)))));
        l.add(new DetectorEntry(
                "ECOD",
                "ecod",
                IssueType.OFF_TOPIC,
                Input.EMBEDDINGS,
                (ctx, s) -> new Detection.Samples(
                        PyodEcod.builder().threads(ctx.threads()).build().rank(matrix(ctx)))));
        l.add(new DetectorEntry(
                "HBOS",
                "hbos",
                IssueType.OFF_TOPIC,
                Input.EMBEDDINGS,
                (ctx, s) -> new Detection.Samples(
                        PyodHbos.builder().threads(ctx.threads()).build().rank(matrix(ctx)))));
        l.add(new DetectorEntry(
                "IForest",
                "iforest",
                IssueType.OFF_TOPIC,
                Input.EMBEDDINGS,
                (ctx, s) -> new Detection.Samples(PyodIForest.builder()
                        .seed(ctx.seed())
                        .threads(ctx.threads())
                        .build()
                        .rank(matrix(ctx)))));
        l.add(new DetectorEntry(
                "SelfClean", "selfclean", IssueType.LABEL_ERRORS, Input.EMBEDDINGS_AND_LABELS, (ctx, s) -> {
                    SelfClean.Result r = selfClean(ctx, s);
                    if (r.labelErrors() == null) {
                        throw new DetectorSkipped(r.labelErrorsSkipped());
                    }
                    return new Detection.Samples(r.labelErrors());
                }));
        l.add(new DetectorEntry(
                "Confident Learning", "cl", IssueType.LABEL_ERRORS, Input.EMBEDDINGS_AND_LABELS, (ctx, s) -> {
                    // CleanPatrick: pd.factorize the labels, CleanLearning(AdaBoostClassifier(random_state=0),
                    // cv_n_folds=10)
                    int[] codes = classCodes(ctx, s);
                    int folds = CrossValidatedProbabilities.DEFAULT_FOLDS;
                    double[][] p = switch (ctx.clClassifier()) {
                        case "adaboost" ->
                            CrossValidatedProbabilities.adaBoost(
                                    matrix(ctx),
                                    codes,
                                    folds,
                                    ctx.seed(),
                                    ctx.threads(),
                                    done -> ctx.progress().update("AdaBoost folds", done, folds));
                        case "logistic" ->
                            CrossValidatedProbabilities.compute(
                                    matrix(ctx),
                                    codes,
                                    StratifiedFolds.holdoutFolds(codes, folds, ctx.seed()),
                                    new MultinomialLogisticRegression(),
                                    ctx.threads(),
                                    done -> ctx.progress().update("logistic regression folds", done, folds));
                        default ->
                            throw new org.cleanrank.CleanRankException(
                                    "unknown classifier " + ctx.clClassifier() + "; choose adaboost or logistic");
                    };
                    return new Detection.Samples(new ConfidentLearning(
                                    QualityMethod.SELF_CONFIDENCE, FilterBy.PRUNE_BY_NOISE_RATE, ctx.threads())
                            .rankAll(LabeledProbabilities.of(p, codes)));
                }));
        l.add(new DetectorEntry(
                "NoiseRank",
                "noiserank",
                IssueType.LABEL_ERRORS,
                Input.EMBEDDINGS_AND_LABELS,
                (ctx, s) -> new Detection.Samples(NoiseRank.builder()
                        .seed(NOISERANK_SEED)
                        .threads(ctx.threads())
                        .build()
                        .rank(matrix(ctx), classCodes(ctx, s)))));
        return l;
    }

    /** NoiseRankDetector's own default seed (its k-means random_state). */
    static final long NOISERANK_SEED = 42;

    /** The embedding rows of the subset (the data's embedding matrix is already in subset order). */
    static FloatMatrix matrix(RunContext ctx) {
        return ctx.data().embeddings();
    }

    static int[] labels(RunContext ctx, int[] subset) {
        int[] all = ctx.data().labels();
        if (all == null) {
            return null;
        }
        int[] out = new int[subset.length];
        for (int k = 0; k < subset.length; k++) {
            out[k] = all[subset[k]];
        }
        return out;
    }

    /**
     * The subset's labels numbered 0..C'-1 in order of first appearance (pd.factorize, as CleanPatrick
     * numbers them): on a subset a class may be missing, and NoiseRank keys prototypes on 0..C'-1 (a larger
     * code would silently get none). Fewer than two classes: the label-error baselines cannot run.
     */
    static int[] classCodes(RunContext ctx, int[] subset) {
        int[] codes = StratifiedFolds.firstAppearanceCodes(labels(ctx, subset));
        if (java.util.Arrays.stream(codes).max().orElse(0) < 1) {
            throw new DetectorSkipped(
                    "only one label value among the samples with embeddings: no label errors to find");
        }
        return codes;
    }

    /** The run's embeddings, L2-normalised and packed once for every detector that streams pairs. */
    public static PackedEmbeddings packed(RunContext ctx, int[] subset) {
        return ctx.cached("packed", () -> {
            FloatMatrix x = matrix(ctx);
            return PackedEmbeddings.normalise("embeddings", x.rows(), x.cols(), (r, dst) -> {
                for (int c = 0; c < dst.length; c++) {
                    dst[c] = x.get(r, c);
                }
            });
        });
    }

    /** SelfClean's single pass (its three rankings), run once per run and shared by its three entries. */
    public static SelfClean.Result selfClean(RunContext ctx, int[] subset) {
        return ctx.cached(
                "selfclean",
                () -> SelfClean.builder()
                        .threads(ctx.threads())
                        .topPairs(0)
                        .progress(ctx.progress())
                        .build()
                        .run(packed(ctx, subset), labels(ctx, subset)));
    }

    private static Detection hamming(RunContext ctx, boolean opencv) {
        List<RunContext.ImageFeature> f = ctx.imageFeatures().features();
        long[] h = new long[f.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = opencv ? f.get(i).opencvHash() : f.get(i).imagehashHash();
        }
        // OpenCV convention: raw differing bits (precompute_hashes.py); imagehash: fraction of bits (pHASHDetector)
        boolean fraction = !opencv;
        return new Detection.Pairs(
                new HammingTiles(
                        h, 1, h.length, VectorizationProvider.getInstance().hammingKernels(), fraction),
                (i, j) -> fraction ? Long.bitCount(h[i] ^ h[j]) / 64f : Long.bitCount(h[i] ^ h[j]));
    }
}
