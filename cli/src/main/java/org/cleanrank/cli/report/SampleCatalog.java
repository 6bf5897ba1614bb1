package org.cleanrank.cli.report;

import java.nio.file.Path;

/** How the report names samples and finds their pictures. */
public interface SampleCatalog {
    int size();

    /** The sample's identifier (md5hash in CleanPatrick's formats, else the row number). */
    String id(int i);

    /** The published label, or null. */
    String label(int i);

    /** The image file, or null when the run has no images for this sample. */
    Path image(int i);

    /** Samples known only by row number (embedding-only runs). */
    static SampleCatalog rows(int n, String[] labels) {
        return new SampleCatalog() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public String id(int i) {
                return "row " + i;
            }

            @Override
            public String label(int i) {
                return labels == null ? null : labels[i];
            }

            @Override
            public Path image(int i) {
                return null;
            }
        };
    }
}
