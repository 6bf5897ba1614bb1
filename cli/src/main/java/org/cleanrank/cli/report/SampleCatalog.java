package org.cleanrank.cli.report;

import java.nio.file.Path;

/**
 * How the report names samples and finds their pictures, indexed by sample: the identifier (md5hash in
 * CleanPatrick's formats), the published label (or null) and the image file (or null when the run has none).
 */
public record SampleCatalog(String[] ids, String[] labels, Path[] images) {
    public SampleCatalog {
        if (labels.length != ids.length || images.length != ids.length) {
            throw new IllegalArgumentException(
                    ids.length + " ids, " + labels.length + " labels, " + images.length + " images");
        }
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
