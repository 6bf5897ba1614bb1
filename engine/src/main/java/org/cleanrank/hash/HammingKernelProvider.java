package org.cleanrank.hash;

/** The Hamming twins: plain POPCNT by default (fastest on AVX2 machines, see results/), Panama on request. */
public final class HammingKernelProvider {
    private HammingKernelProvider() {}

    public static HammingKernels plain() {
        return HammingKernels.PLAIN;
    }

    /** The Panama twin, or null without jdk.incubator.vector. */
    public static HammingKernels panamaOrNull() {
        return org.cleanrank.vector.VectorSupport.panamaPossible() ? new PanamaHammingKernels() : null;
    }
}
