package org.cleanrank.vectorization;

/**
 * SelfClean's distance from a cosine similarity, exactly as its cleaner computes it in float32:
 * {@code 1 - (sim + 1) / 2}, clipped to [0, 1]. Identical rows give 0, orthogonal rows 0.5, a zero row
 * 0.5 to everything (itself included).
 */
public final class SelfCleanDistance {
    private SelfCleanDistance() {}

    public static float fromSimilarity(float sim) {
        float d = 1f - (sim + 1f) / 2f;
        // np.clip(d, 0, 1): NaN cannot occur (inputs are checked finite)
        return d < 0f ? 0f : (d > 1f ? 1f : d);
    }
}
