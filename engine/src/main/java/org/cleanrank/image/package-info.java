/**
 * The image types shared by the decoders and the image algorithms: {@link org.cleanrank.image.Raster8}
 * (8-bit interleaved pixels) and {@link org.cleanrank.image.StructuralZeros} (the exact zeros an FFT-based
 * DCT leaves where a coefficient vanishes by symmetry). The subpackages decode ({@code read}), reproduce
 * OpenCV ({@code cv}) and Pillow/imagehash ({@code pil}), and run them over folders ({@code pipeline}); this
 * package depends on none of them.
 */
package org.cleanrank.image;
