package org.cleanrank.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cleanrank.CleanRankException;
import org.cleanrank.dataset.RowIds;
import org.cleanrank.detect.SelfClean;
import org.cleanrank.io.Embeddings;
import org.cleanrank.io.FloatMatrix;
import org.cleanrank.io.Labels;
import org.cleanrank.io.ProbabilityMatrix;
import org.cleanrank.io.RankingFiles;
import org.cleanrank.label.cl.ConfidentLearning;
import org.cleanrank.label.cl.FilterBy;
import org.cleanrank.label.cl.LabeledProbabilities;
import org.cleanrank.label.cl.QualityMethod;
import org.cleanrank.label.noiserank.NoiseRank;
import org.cleanrank.outlier.PyodEcod;
import org.cleanrank.outlier.PyodHbos;
import org.cleanrank.outlier.PyodIForest;
import org.cleanrank.outlier.PyodKnn;
import org.cleanrank.pairs.PackedEmbeddings;
import org.cleanrank.rank.SampleRanking;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs one detector on an embedding matrix and writes rank,index,score (index 0-based, rank 1-based).",
            "Scores as the reference reports them:",
            "  knn, ecod, hbos, iforest  PyOD decision scores (defaults as CleanPatrick",
            "                            runs them), most outlying first",
            "  lad          SelfClean's off-topic score (single-linkage LAD),",
            "               most off-topic first",
            "  cl           cleanlab label quality, lowest first (every sample;",
            "               --filter-by lists the flagged ones only)",
            "  noiserank    NoiseRank score, highest first",
            "  intra-extra  SelfClean's label-error score (intra/extra distance ratio),",
            "               lowest first"
        })
final class DetectCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "DETECTOR",
            description = "knn, ecod, hbos, iforest, cl, noiserank, lad or intra-extra")
    String detector;

    @Option(
            names = "--embeddings",
            paramLabel = "E.npy",
            description = "N x D float32/float64 .npy (not needed by cl with --pred-probs)")
    Path embeddings;

    @Mixin
    LabelsOption labels;

    @Mixin
    IdsOption ids;

    @Option(names = "--out", required = true, paramLabel = "R.csv", description = "ranking file to write")
    Path out;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "seed of the random parts: iforest's trees and cl's folds (default 0, as the goldens;"
                    + " CleanPatrick passes none), noiserank's k-means (default 42, NoiseRank's own)")
    void seed(long s) {
        seed = s;
        seedGiven = true;
    }

    long seed;
    boolean seedGiven;

    @Option(
            names = "--pred-probs",
            paramLabel = "P.npy",
            description = "cl: out-of-fold predicted probabilities N x C (labels are then class indices 0..C-1);"
                    + " without it cl trains the built-in cross-validated classifier on the embeddings")
    Path predProbs;

    @Option(
            names = "--classifier",
            defaultValue = "adaboost",
            paramLabel = "adaboost|logistic",
            description = "cl without --pred-probs: the cross-validated classifier (10 folds). adaboost (default):"
                    + " CleanPatrick's AdaBoostClassifier(random_state=0), comparable with the paper; logistic: sklearn's"
                    + " LogisticRegression(max_iter=2000) (C=1, lbfgs), usually a better label-error ranking")
    String classifier;

    @Option(
            names = "--quality-method",
            defaultValue = "self_confidence",
            paramLabel = "M",
            description = "cl: self_confidence (default), normalized_margin or confidence_weighted_entropy")
    String qualityMethod;

    @Option(
            names = "--filter-by",
            paramLabel = "METHOD",
            description = "cl: list only the samples this filter flags: "
                    + "prune_by_noise_rate, prune_by_class, both, confident_learning or predicted_neq_given")
    String filterBy;

    @Option(
            names = "--prototypes",
            paramLabel = "P.npy",
            description = "noiserank: use these prototypes (P x D) instead of k-means")
    Path prototypes;

    @Option(names = "--prototype-labels", paramLabel = "PL.npy", description = "noiserank: the prototypes' labels")
    Path prototypeLabels;

    @Mixin
    RunOptions run;

    @Override
    public Integer call() {
        StderrProgress progress = run.progress();
        String d = detector.toLowerCase(Locale.ROOT);
        long t0 = System.nanoTime();
        SampleRanking r = switch (d) {
            case "knn" ->
                PyodKnn.builder()
                        .threads(run.threadsOrAllCores())
                        .progress(progress)
                        .build()
                        .rank(matrix(progress));
            case "ecod" ->
                PyodEcod.builder().threads(run.threadsOrAllCores()).build().rank(matrix(progress));
            case "hbos" ->
                PyodHbos.builder().threads(run.threadsOrAllCores()).build().rank(matrix(progress));
            case "iforest" ->
                PyodIForest.builder()
                        .seed(seedGiven ? seed : 0)
                        .threads(run.threadsOrAllCores())
                        .build()
                        .rank(matrix(progress));
            case "lad" -> selfClean(progress, false).offTopic();
            case "intra-extra" -> {
                SelfClean.Result res = selfClean(progress, true);
                if (res.labelErrors() == null) {
                    throw new CleanRankException(res.labelErrorsSkipped());
                }
                yield res.labelErrors();
            }
            case "cl" -> confidentLearning(progress);
            case "noiserank" -> noiseRank(progress);
            default ->
                throw new CleanRankException("unknown detector '" + detector
                        + "'; choose knn, ecod, hbos, iforest, cl, noiserank, lad or intra-extra");
        };
        RankingFiles.writeSamples(out, r, rowIds(rows), null);
        progress.message(String.format(
                Locale.ROOT,
                "%s: ranked %d samples in %.2f s; wrote %s",
                d,
                r.size(),
                (System.nanoTime() - t0) / 1e9,
                out));
        return 0;
    }

    private Path requireEmbeddings() {
        if (embeddings == null) {
            throw new CleanRankException(detector + " needs --embeddings E.npy");
        }
        return embeddings;
    }

    private int[] requireLabels(int n) {
        if (labels.path == null) {
            throw new CleanRankException(detector + " needs --labels L.npy (one label per embedding row)");
        }
        return IdKeyedInputs.labels(labels.path, rowIds(n), n);
    }

    /** The ids of the n rows (read once), or null without --ids. */
    private RowIds rowIds(int n) {
        rows = n;
        if (rowIds == null && ids.path != null) {
            rowIds = IdKeyedInputs.ids(ids.path, n);
        }
        return rowIds;
    }

    private int rows;
    private RowIds rowIds;

    FloatMatrix matrix(StderrProgress progress) {
        FloatMatrix x = FloatMatrix.load(requireEmbeddings());
        rows = x.rows();
        progress.message("loaded " + x.rows() + " x " + x.cols() + " from " + embeddings);
        return x;
    }

    private SelfClean.Result selfClean(StderrProgress progress, boolean withLabels) {
        PackedEmbeddings m = Embeddings.load(requireEmbeddings());
        rows = m.n();
        int[] lab = withLabels ? requireLabels(m.n()) : null;
        return SelfClean.builder()
                .topPairs(0)
                .threads(run.threadsOrAllCores())
                .progress(progress)
                .build()
                .run(m, lab);
    }

    private SampleRanking noiseRank(StderrProgress progress) {
        if (labels.path == null) {
            throw new CleanRankException(detector + " needs --labels L.npy (one label per embedding row)");
        }
        FloatMatrix x = matrix(progress);
        // NoiseRank keys its prototypes on the label values themselves (classes 0..C-1 of np.unique), so an
        // integer .npy is used as given; text labels (CSV) are numbered in order of first appearance
        int[] lab =
                labels.path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")
                        ? Labels.loadClassIndices(labels.path, x.rows(), Integer.MAX_VALUE)
                        : requireLabels(x.rows());
        NoiseRank nr = NoiseRank.builder()
                .seed(seedGiven ? seed : 42)
                .threads(run.threadsOrAllCores())
                .build();
        if (prototypes == null && prototypeLabels == null) {
            return nr.rank(x, lab);
        }
        if (prototypes == null || prototypeLabels == null) {
            throw new CleanRankException(
                    "noiserank: give both --prototypes P.npy and --prototype-labels PL.npy, or neither");
        }
        FloatMatrix p = FloatMatrix.load(prototypes);
        int[] pl = Labels.loadClassIndices(prototypeLabels, p.rows(), Integer.MAX_VALUE);
        return nr.rank(x, lab, p, pl);
    }

    private SampleRanking confidentLearning(StderrProgress progress) {
        QualityMethod q = QualityMethod.parse(qualityMethod);
        FilterBy f = filterBy == null ? FilterBy.PRUNE_BY_NOISE_RATE : FilterBy.parse(filterBy);
        // given pred_probs, the reference is filter.find_label_issues (min_examples_per_class 1); with the
        // built-in classifier it is CleanLearning, which passes 10 (only --filter-by's list depends on it)
        ConfidentLearning cl = predProbs != null
                ? ConfidentLearning.findLabelIssues(q, f, run.threadsOrAllCores())
                : new ConfidentLearning(q, f, run.threadsOrAllCores());
        LabeledProbabilities p;
        if (predProbs != null) {
            ProbabilityMatrix.Loaded probs = ProbabilityMatrix.load(predProbs);
            rows = probs.rows();
            if (labels.path == null) {
                throw new CleanRankException(
                        "cl needs --labels L.npy (class indices 0.." + (probs.classes() - 1) + ")");
            }
            int[] lab = Labels.loadClassIndices(labels.path, probs.rows(), probs.classes());
            p = LabeledProbabilities.of(probs.data(), probs.classes(), lab);
        } else {
            if (labels.path == null) {
                throw new CleanRankException("cl needs --labels L.npy|L.csv (one label per embedding row)");
            }
            FloatMatrix x = matrix(progress);
            p = BuiltInClassifier.outOfFold(
                    x, requireLabels(x.rows()), classifier, seed, run.threadsOrAllCores(), progress);
        }
        return filterBy == null ? cl.rankAll(p) : cl.rankFlagged(p);
    }
}
