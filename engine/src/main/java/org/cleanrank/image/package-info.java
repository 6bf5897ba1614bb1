/**
 * The image type shared by the decoders and the image algorithms: {@link org.cleanrank.image.Raster8} (8-bit
 * interleaved pixels). The subpackages decode ({@code read}), reproduce OpenCV ({@code cv}) and Pillow/imagehash
 * ({@code pil}), and run them over folders ({@code pipeline}); this package depends on none of them. (The exact
 * zeros an FFT-based DCT leaves where a coefficient vanishes by symmetry, {@code StructuralZeros}, live with the
 * DCT kernels in {@code org.cleanrank.vectorization}.)
 */
package org.cleanrank.image;
