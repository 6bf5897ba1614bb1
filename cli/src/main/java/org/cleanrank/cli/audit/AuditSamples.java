package org.cleanrank.cli.audit;

import java.nio.file.Path;
import org.cleanrank.io.FloatMatrix;

/**
 * The samples of an audit: one per image file of the folder, in file-name order, with what the user gave
 * for each (indices here are sample indices everywhere in the audit).
 *
 * @param images the image files, in name order
 * @param ids per sample the id the other inputs use: the embedding row's id (with {@code --ids}), else the
 *     file name
 * @param embeddings one row per sample, in sample order; null without embeddings
 * @param labels the given label per sample; null without labels
 * @param rowOrder how embedding rows were matched to images, in one sentence (for stderr, report and JSON)
 */
public record AuditSamples(Path[] images, String[] ids, FloatMatrix embeddings, String[] labels, String rowOrder) {
    public int n() {
        return images.length;
    }

    public String file(int i) {
        return images[i].getFileName().toString();
    }
}
