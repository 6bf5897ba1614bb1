package org.cleanrank.cli.report;

import java.nio.file.Path;

/**
 * How the report names samples and finds their pictures, indexed by sample: the identifier (md5hash in
 * CleanPatrick's formats), the published label (or null), the suspected label (its nearest neighbours' majority
 * label, or null: no embedding, or the run computed none; {@code suspected} itself may be null) and the image
 * file (or null when the run has none).
 */
public record SampleCatalog(String[] ids, String[] labels, String[] suspected, Path[] images) {
    public SampleCatalog {
        if (labels.length != ids.length
                || images.length != ids.length
                || (suspected != null && suspected.length != ids.length)) {
            throw new IllegalArgumentException(ids.length + " ids, " + labels.length + " labels, "
                    + (suspected == null ? 0 : suspected.length) + " suspected labels, " + images.length + " images");
        }
    }

    /** A catalog without suspected labels. */
    public SampleCatalog(String[] ids, String[] labels, Path[] images) {
        this(ids, labels, null, images);
    }

    public String id(int i) {
        return ids[i];
    }

    public String label(int i) {
        return labels[i];
    }

    /** Sample {@code i}'s suspected label, or null when it has none. */
    public String suspected(int i) {
        return suspected == null ? null : suspected[i];
    }

    public Path image(int i) {
        return images[i];
    }
}
