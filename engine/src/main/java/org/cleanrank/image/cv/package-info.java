/**
 * OpenCV and scikit-image reproduced: colour conversion and INTER_AREA resizing in OpenCV's bit-exact
 * arithmetic, OpenCV's {@code img_hash.PHash} with its DCT, CleanPatrick's {@code fast_ssim} in float32 and
 * scikit-image's {@code structural_similarity} (uniform and Gaussian) in float64. The per-pair SSIM work
 * runs in a plain and a Panama twin with identical results, tiled for the caches and scheduled by the pair
 * engine ({@link org.cleanrank.image.cv.FastSsimTiles}).
 */
package org.cleanrank.image.cv;
