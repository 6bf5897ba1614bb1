package org.cleanrank.vectorization;

import org.junit.jupiter.api.Assumptions;

/**
 * Base of every twin test (Lucene's BaseVectorizationTestCase is the model): the plain and the Panama
 * provider side by side, whatever {@code -Dcleanrank.kernels} says, so a test compares the two twins of a family
 * directly. One policy for every family: where the Panama twins cannot run (the surefire execution without
 * {@code --add-modules jdk.incubator.vector}, or a CPU without 256-bit vectors), a test that asks for them is
 * skipped with the reason, never failed and never passed vacuously.
 */
public abstract class BaseVectorizationTestCase {
    /** The plain twin of every family. */
    protected static VectorizationProvider plainProvider() {
        return VectorizationProvider.plainProvider();
    }

    /**
     * The Panama twin of every family, the Panama Hamming twin included (the production Panama provider keeps
     * the plain one); aborts the calling test, with the reason, where the Panama twins cannot run.
     */
    protected static VectorizationProvider panamaProvider() {
        try {
            return VectorizationProvider.panamaProvider(true);
        } catch (UnsupportedOperationException e) {
            return Assumptions.abort("Panama twins not available here: " + e.getMessage());
        }
    }

    /**
     * Whether the Panama twins can run here: for golden tests that check every available twin and must still
     * run (on the plain twin) in the execution without the vector module.
     */
    protected static boolean panamaAvailable() {
        try {
            VectorizationProvider.panamaProvider(true);
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** {@link #plainProvider()} for "plain", {@link #panamaProvider()} for "panama" (parameterized tests). */
    protected static VectorizationProvider provider(String twin) {
        return switch (twin) {
            case "plain" -> plainProvider();
            case "panama" -> panamaProvider();
            default -> throw new IllegalArgumentException("twin " + twin);
        };
    }
}
