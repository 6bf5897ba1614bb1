package org.cleanrank.cli.audit;

import java.util.Locale;
import org.cleanrank.eval.NearDuplicateEvaluation.PairDistance;
import org.cleanrank.rank.PairRanking;

/**
 * When the image detectors call a pair a near-duplicate: both agree, the OpenCV pHashes differ in at most
 * {@code maxBits} of 64 bits and 1 - SSIM is at most {@code maxSsimDistance}. Either alone pairs unrelated
 * pictures: smooth pictures (skin, sky, documents) share most low-frequency hash bits, and SSIM is high
 * between flat pictures; a crop, a brightness shift or a re-encode keeps both close.
 *
 * @param bits differing pHash bits of a pair (sample indices)
 * @param structure 1 - SSIM of a pair (sample indices)
 */
record ImagePairRule(int maxBits, double maxSsimDistance, PairDistance bits, PairDistance structure) {
    boolean flags(int i, int j) {
        return bits.distance(i, j) <= maxBits && structure.distance(i, j) <= maxSsimDistance;
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "both image detectors agree: pHash differs in <= %d of 64 bits and 1 - SSIM <= %.3g",
                maxBits,
                maxSsimDistance);
    }

    /** The list with its flags (pairs are looked for among its closest pairs only). */
    AuditRun.PairList flag(AuditRun.PairList list) {
        PairRanking r = list.ranking();
        boolean[] flagged = new boolean[r.size()];
        long count = 0;
        for (int k = 0; k < flagged.length; k++) {
            flagged[k] = flags(r.i(k), r.j(k));
            count += flagged[k] ? 1 : 0;
        }
        return new AuditRun.PairList(list.method(), list.score(), describe(), r, flagged, count);
    }
}
