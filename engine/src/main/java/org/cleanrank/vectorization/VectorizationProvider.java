package org.cleanrank.vectorization;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;
import java.util.logging.Logger;
import org.cleanrank.CleanRankException;

/**
 * Hands out every kernel family of the engine (embedding distances, Hamming, fast SSIM, scikit-image SSIM,
 * the pHash DCT, squared Euclidean distances, the kNN tile maxima, the linkage block primitives) in one of two implementations, chosen once per process:
 * {@link DefaultVectorizationProvider} (plain Java, always available) or the Panama provider
 * (jdk.incubator.vector), as Lucene's {@code VectorizationProvider} does. The twins of a family give the same
 * bits, so the choice changes speed only; a program that embeds the engine never breaks for lack of a JVM flag.
 *
 * <p>The choice: the Panama provider when the {@code jdk.incubator.vector} module is in the boot layer and the
 * CPU has 256-bit vectors, else the plain provider. The Panama provider is looked up by class name, so no class
 * of the incubator module is loaded when the module is missing. {@code -Dcleanrank.kernels=plain|panama}
 * forces one (the launcher passes {@code CLEANRANK_JAVA_OPTS} through); forcing {@code panama} where it cannot
 * run, or any other value, is a {@link CleanRankException} with a one-line message. Within the Panama provider
 * each family may still keep its plain twin where that is faster (see {@code PanamaVectorizationProvider}).
 *
 * <p>The choice and its reason are logged once at FINE (never on the terminal or in test logs), and
 * {@link #reason()} / {@link #describe()} give them to a CLI that wants to show them.
 */
public abstract class VectorizationProvider {
    /** The system property that forces an implementation: {@code plain} or {@code panama}. */
    public static final String KERNELS_PROPERTY = "cleanrank.kernels";
    /**
     * Within the Panama provider, {@code panama} picks the Panama Hamming twin instead of the plain one (for
     * benchmarks and CPUs with a vector popcount); {@code plain} is the default.
     */
    public static final String HAMMING_PROPERTY = "cleanrank.kernels.hamming";

    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String PANAMA_PROVIDER = "org.cleanrank.vectorization.PanamaVectorizationProvider";
    private static final Logger LOG = Logger.getLogger(VectorizationProvider.class.getName());

    private final String name;
    private final Twins twins;

    /** One twin per family; only the two providers of this package extend this class. */
    VectorizationProvider(String name, Twins twins) {
        this.name = name;
        this.twins = twins;
    }

    /** The twin of every family that a provider hands out. */
    record Twins(
            EmbeddingKernels embeddings,
            HammingKernels hamming,
            FastSsimKernel fastSsim,
            SkimageSsimKernel skimageSsim,
            LowFrequencyDct dct,
            SquaredEuclideanKernel squaredEuclidean,
            TileMaxima tileMaxima,
            BlockLaneOps blockLaneOps,
            IntraExtraKernel intraExtra) {}

    /**
     * The provider this process uses, chosen on first use.
     *
     * @throws CleanRankException when {@code -Dcleanrank.kernels} asks for something that cannot run here
     */
    public static VectorizationProvider getInstance() {
        Choice c = Holder.CHOICE;
        if (c.provider() == null) {
            throw new CleanRankException(c.reason());
        }
        return c.provider();
    }

    /** Why {@link #getInstance()} gave what it gave, e.g. "jdk.incubator.vector enabled". */
    public static String reason() {
        getInstance(); // throws when nothing could be chosen
        return Holder.CHOICE.reason();
    }

    /** "plain" or "panama". */
    public final String name() {
        return name;
    }

    /** Embedding distance tiles and rows. */
    public final EmbeddingKernels embeddingKernels() {
        return twins.embeddings();
    }

    /** Hamming distances of packed bit hashes. */
    public final HammingKernels hammingKernels() {
        return twins.hamming();
    }

    /** The per-pair part of CleanPatrick's fast_ssim. */
    public final FastSsimKernel fastSsim() {
        return twins.fastSsim();
    }

    /** The per-pair part of scikit-image's structural_similarity. */
    public final SkimageSsimKernel skimageSsim() {
        return twins.skimageSsim();
    }

    /** The 8 x 8 low-frequency DCT block of OpenCV's PHash. */
    public final LowFrequencyDct lowFrequencyDct() {
        return twins.dct();
    }

    /** scikit-learn's float32 squared Euclidean distance tiles (PyOD KNN). */
    public final SquaredEuclideanKernel squaredEuclidean() {
        return twins.squaredEuclidean();
    }

    /** Row and column maxima of a similarity tile (the exact kNN pass's pre-filter). */
    public final TileMaxima tileMaxima() {
        return twins.tileMaxima();
    }

    /** The lane-wise primitives of the single linkage's per-block tight-pair test. */
    public final BlockLaneOps blockLaneOps() {
        return twins.blockLaneOps();
    }

    /** The label-error pass's per-row same-label / other-label distance reductions. */
    public final IntraExtraKernel intraExtra() {
        return twins.intraExtra();
    }

    /** One line naming the implementation of every family, e.g. for a {@code --verbose} CLI. */
    public final String describe() {
        return name() + ": embeddings " + embeddingKernels().name() + ", hamming "
                + hammingKernels().name()
                + ", fast SSIM " + fastSsim().name() + ", scikit-image SSIM "
                + skimageSsim().name() + ", DCT "
                + lowFrequencyDct().name() + ", squared Euclidean "
                + squaredEuclidean().name() + ", tile maxima " + tileMaxima().name()
                + ", linkage block ops " + blockLaneOps().name() + ", intra/extra "
                + intraExtra().name();
    }

    @Override
    public String toString() {
        return name();
    }

    /** A chosen provider with the reason, or (provider null) the one-line error that forbids every choice. */
    record Choice(VectorizationProvider provider, String reason) {}

    /** Makes the Panama provider, or throws {@link UnsupportedOperationException} saying why it cannot run here. */
    @FunctionalInterface
    interface PanamaFactory {
        VectorizationProvider create(boolean panamaHamming);
    }

    /**
     * The choice for the given property values (null when unset) and Panama factory; separate from the system
     * properties and the JVM so that tests can drive every branch.
     *
     * @throws CleanRankException for an unknown value, or for {@code panama} where the Panama provider cannot run
     */
    static Choice lookup(String kernels, String hamming, PanamaFactory panama) {
        String k = normalise(KERNELS_PROPERTY, kernels);
        boolean panamaHamming = "panama".equals(normalise(HAMMING_PROPERTY, hamming));
        if (k.equals("plain")) {
            if (panamaHamming) {
                throw new CleanRankException("-D" + HAMMING_PROPERTY + "=panama needs the Panama provider, but -D"
                        + KERNELS_PROPERTY + "=plain forces the plain one");
            }
            return new Choice(DefaultVectorizationProvider.INSTANCE, "forced by -D" + KERNELS_PROPERTY + "=plain");
        }
        try {
            VectorizationProvider p = panama.create(panamaHamming);
            return new Choice(
                    p, k.equals("panama") ? "forced by -D" + KERNELS_PROPERTY + "=panama" : VECTOR_MODULE + " enabled");
        } catch (UnsupportedOperationException e) {
            if (k.equals("panama") || panamaHamming) {
                throw new CleanRankException("-D" + (panamaHamming ? HAMMING_PROPERTY : KERNELS_PROPERTY)
                        + "=panama, but the Panama kernels cannot run here: " + e.getMessage());
            }
            return new Choice(DefaultVectorizationProvider.INSTANCE, e.getMessage());
        }
    }

    private static String normalise(String property, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!v.isEmpty() && !v.equals("plain") && !v.equals("panama")) {
            throw new CleanRankException("unknown -D" + property + "=" + value + "; use plain or panama");
        }
        return v;
    }

    /** The plain provider (tests compare it with the Panama one). */
    static VectorizationProvider plainProvider() {
        return DefaultVectorizationProvider.INSTANCE;
    }

    /**
     * The Panama provider, found by class name so that nothing of the incubator module is loaded without the
     * module.
     *
     * @param panamaHamming the Panama Hamming twin instead of the plain one
     * @throws UnsupportedOperationException saying why the Panama provider cannot run here
     */
    static VectorizationProvider panamaProvider(boolean panamaHamming) {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            throw new UnsupportedOperationException(
                    VECTOR_MODULE + " not enabled; add --add-modules " + VECTOR_MODULE + " for SIMD");
        }
        MethodHandle constructor;
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            constructor = lookup.findConstructor(
                    lookup.findClass(PANAMA_PROVIDER), MethodType.methodType(void.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new LinkageError(PANAMA_PROVIDER + " is missing or has no (boolean) constructor", e);
        }
        try {
            return (VectorizationProvider) constructor.invoke(panamaHamming);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
    }

    /** Chooses on first use of {@link #getInstance()} (the holder idiom: the JVM makes it thread-safe). */
    private static final class Holder {
        static final Choice CHOICE = choose();

        private static Choice choose() {
            try {
                Choice c = lookup(
                        System.getProperty(KERNELS_PROPERTY),
                        System.getProperty(HAMMING_PROPERTY),
                        VectorizationProvider::panamaProvider);
                LOG.fine(() -> "cleanrank kernels " + c.provider().describe() + " (" + c.reason() + ")");
                return c;
            } catch (CleanRankException e) {
                LOG.fine("cleanrank kernels: none (" + e.getMessage() + ")");
                return new Choice(null, e.getMessage());
            }
        }
    }
}
