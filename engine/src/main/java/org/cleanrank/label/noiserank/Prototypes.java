package org.cleanrank.label.noiserank;

import org.cleanrank.io.FloatMatrix;

/**
 * NoiseRank's class prototypes: {@code centers} stacked in class order, {@code labels} the class of each row.
 *
 * @param perClass the number of clusters asked per class, {@code max(floor(sqrt(rho / 2)), 1)}
 * @param labelsWithoutPrototypes the distinct label values {@code >= C} (C = number of distinct labels)
 *     that the reference silently skips (it loops over classes {@code 0 .. C-1}), ascending; their samples
 *     still vote and are still scored. Empty for labels coded 0..C-1.
 */
public record Prototypes(FloatMatrix centers, int[] labels, int perClass, int[] labelsWithoutPrototypes) {
    public Prototypes {
        if (centers.rows() != labels.length) {
            throw new IllegalArgumentException(centers.rows() + " prototypes but " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }
}
