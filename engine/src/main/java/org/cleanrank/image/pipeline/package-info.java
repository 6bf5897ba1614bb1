/**
 * From image files to the inputs of the image detectors: listing a folder, decoding every file on all
 * cores with per-file failures collected instead of thrown, perceptual hashes as imagehash or OpenCV
 * computes them from the file, and CleanPatrick's SSIM thumbnails ({@code cv2.imread}, INTER_AREA,
 * BGR2GRAY). It sits above {@code read}, {@code cv} and {@code pil}, which know nothing of files in bulk.
 */
package org.cleanrank.image.pipeline;
