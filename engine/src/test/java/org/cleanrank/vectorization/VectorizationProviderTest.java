package org.cleanrank.vectorization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.cleanrank.CleanRankException;
import org.junit.jupiter.api.Test;

/** The provider this JVM gets is the expected one, and every branch of the lookup, driven with injected inputs. */
class VectorizationProviderTest extends BaseVectorizationTestCase {
    private static final boolean MODULE =
            ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    /** A Panama factory that must not be asked. */
    private static final VectorizationProvider.PanamaFactory NEVER = h -> {
        throw new AssertionError("the Panama provider was asked for");
    };

    /** A Panama factory that cannot run, as without the module. */
    private static VectorizationProvider.PanamaFactory missing(String why) {
        return h -> {
            throw new UnsupportedOperationException(why);
        };
    }

    @Test
    void thisJvmGetsPanamaWhenItCanRunAndNothingIsForced() {
        String forced = System.getProperty(VectorizationProvider.KERNELS_PROPERTY);
        VectorizationProvider p = VectorizationProvider.getInstance();
        assertSame(p, VectorizationProvider.getInstance(), "chosen once");
        String reason = VectorizationProvider.reason();
        if (forced != null && !forced.isBlank()) { // surefire passes mvn -Dcleanrank.kernels=...; empty: unset
            assertEquals(forced.trim().toLowerCase(java.util.Locale.ROOT), p.name());
            assertEquals("forced by -Dcleanrank.kernels=" + p.name(), reason);
            return;
        }
        String panamaMissing = null;
        try {
            VectorizationProvider.panamaProvider(false);
        } catch (UnsupportedOperationException e) {
            panamaMissing = e.getMessage();
        }
        if (panamaMissing == null) {
            assertEquals("panama", p.name(), reason);
            assertEquals("jdk.incubator.vector enabled", reason);
        } else {
            assertEquals("plain", p.name());
            assertEquals(panamaMissing, reason);
        }
        if (!MODULE) {
            assertEquals("jdk.incubator.vector not enabled; add --add-modules jdk.incubator.vector for SIMD", reason);
        }
    }

    @Test
    void withoutTheModuleThePanamaProviderSaysWhyInsteadOfLoadingVectorClasses() {
        assumeFalse(MODULE, "the vector module is present here; the surefire execution without it checks this");
        UnsupportedOperationException e =
                assertThrows(UnsupportedOperationException.class, () -> VectorizationProvider.panamaProvider(false));
        assertTrue(e.getMessage().contains("--add-modules jdk.incubator.vector"), e.getMessage());
    }

    @Test
    void theProductionPanamaProviderKeepsThePlainHammingTwinOnly() {
        panamaProvider(); // skips here without the Panama twins
        VectorizationProvider p = VectorizationProvider.lookup(null, null, VectorizationProvider::panamaProvider)
                .provider();
        assertEquals("panama", p.name());
        assertEquals("plain-popcnt", p.hammingKernels().name());
        for (String twin : new String[] {
            p.embeddingKernels().name(),
            p.fastSsim().name(),
            p.skimageSsim().name(),
            p.lowFrequencyDct().name(),
            p.squaredEuclidean().name(),
            p.tileMaxima().name(),
            p.blockLaneOps().name()
        }) {
            assertTrue(twin.startsWith("panama"), p.describe());
        }
        VectorizationProvider withHamming = VectorizationProvider.lookup(
                        null, "panama", VectorizationProvider::panamaProvider)
                .provider();
        assertEquals("panama-bitcount", withHamming.hammingKernels().name());
    }

    /** The 256-bit execution (pom: -XX:UseAVX=2) really runs the Panama twins on eight-lane vectors. */
    @Test
    void panamaTwinsUseTheVectorWidthTheExecutionAsksFor() {
        String lanes = System.getProperty("cleanrank.test.vectorLanes");
        org.junit.jupiter.api.Assumptions.assumeTrue(lanes != null, "only in the 256-bit execution");
        VectorizationProvider p = panamaProvider();
        assertEquals("panama-" + lanes + "x32", p.embeddingKernels().name());
        assertEquals("panama-" + lanes + "x32", p.blockLaneOps().name());
        assertEquals("panama-" + lanes + "x32", p.intraExtra().name());
    }

    @Test
    void plainIsEveryPlainTwin() {
        VectorizationProvider p = plainProvider();
        assertEquals(
                "plain: embeddings plain, hamming plain-popcnt, fast SSIM plain, scikit-image SSIM plain, DCT plain,"
                        + " squared Euclidean plain-4x64, tile maxima plain,"
                        + " linkage block ops plain, intra/extra plain",
                p.describe());
    }

    @Test
    void forcingPlainNeverAsksForPanama() {
        for (String v : new String[] {"plain", "PLAIN", " plain "}) {
            VectorizationProvider.Choice c = VectorizationProvider.lookup(v, null, NEVER);
            assertSame(plainProvider(), c.provider());
            assertEquals("forced by -Dcleanrank.kernels=plain", c.reason());
        }
    }

    @Test
    void unsetFallsBackToPlainWithTheReason() {
        VectorizationProvider.Choice c = VectorizationProvider.lookup(null, null, missing("no module here"));
        assertSame(plainProvider(), c.provider());
        assertEquals("no module here", c.reason());
        VectorizationProvider.Choice empty = VectorizationProvider.lookup("", "", missing("no module here"));
        assertSame(plainProvider(), empty.provider());
    }

    @Test
    void unsetOrForcedPanamaTakesWhatTheFactoryMakes() {
        VectorizationProvider fake = plainProvider(); // any provider: the lookup hands on what the factory makes
        boolean[] hamming = new boolean[1];
        VectorizationProvider.PanamaFactory factory = h -> {
            hamming[0] = h;
            return fake;
        };
        VectorizationProvider.Choice unset = VectorizationProvider.lookup(null, null, factory);
        assertSame(fake, unset.provider());
        assertEquals("jdk.incubator.vector enabled", unset.reason());
        assertFalse(hamming[0]);
        VectorizationProvider.Choice forced = VectorizationProvider.lookup("panama", "panama", factory);
        assertSame(fake, forced.provider());
        assertEquals("forced by -Dcleanrank.kernels=panama", forced.reason());
        assertTrue(hamming[0], "-Dcleanrank.kernels.hamming=panama reaches the Panama provider");
    }

    @Test
    void forcingPanamaWhereItCannotRunIsAOneLineError() {
        String why = "jdk.incubator.vector not enabled; add --add-modules jdk.incubator.vector for SIMD";
        CleanRankException e = assertThrows(
                CleanRankException.class, () -> VectorizationProvider.lookup("panama", null, missing(why)));
        assertEquals("-Dcleanrank.kernels=panama, but the Panama kernels cannot run here: " + why, e.getMessage());
        CleanRankException h = assertThrows(
                CleanRankException.class, () -> VectorizationProvider.lookup(null, "panama", missing(why)));
        assertTrue(h.getMessage().startsWith("-Dcleanrank.kernels.hamming=panama, but"), h.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void unknownValuesAndContradictionsAreOneLineErrors() {
        CleanRankException e =
                assertThrows(CleanRankException.class, () -> VectorizationProvider.lookup("simd", null, NEVER));
        assertEquals("unknown -Dcleanrank.kernels=simd; use plain or panama", e.getMessage());
        CleanRankException h =
                assertThrows(CleanRankException.class, () -> VectorizationProvider.lookup(null, "avx", NEVER));
        assertEquals("unknown -Dcleanrank.kernels.hamming=avx; use plain or panama", h.getMessage());
        CleanRankException both =
                assertThrows(CleanRankException.class, () -> VectorizationProvider.lookup("plain", "panama", NEVER));
        assertTrue(both.getMessage().contains("needs the Panama provider"), both.getMessage());
    }
}
