/**
 * Pillow and imagehash reproduced: Pillow's mode conversions and resampling filters in its fixed-point
 * arithmetic, and {@code imagehash.phash} (imagehash 4.3.2: mode L, LANCZOS resize, scipy's unnormalised
 * DCT-II, median threshold), bit for bit.
 */
package org.cleanrank.image.pil;
