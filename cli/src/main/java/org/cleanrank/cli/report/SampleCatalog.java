package org.cleanrank.cli.report;

import java.nio.file.Path;

/**
 * How the report names samples and finds their pictures: one identifier (md5hash in CleanPatrick's formats),
 * label (or null) and image file (or null when the run has none for the sample) per sample.
 */
public final class SampleCatalog {
    private final String[] ids;
    private final String[] labels;
    private final Path[] images;

    /** Arrays indexed by sample; {@code labels} and {@code images} may hold nulls. */
    public SampleCatalog(String[] ids, String[] labels, Path[] images) {
        if (labels.length != ids.length || images.length != ids.length) {
            throw new IllegalArgumentException(
                    ids.length + " ids, " + labels.length + " labels, " + images.length + " images");
        }
        this.ids = ids;
        this.labels = labels;
        this.images = images;
    }

    public int size() {
        return ids.length;
    }

    public String id(int i) {
        return ids[i];
    }

    public String label(int i) {
        return labels[i];
    }

    public Path image(int i) {
        return images[i];
    }
}
