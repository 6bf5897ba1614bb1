package org.cleanrank.image.cv;

import org.cleanrank.image.Raster8;
import org.cleanrank.vectorization.LowFrequencyDct;
import org.cleanrank.vectorization.VectorizationProvider;

/**
 * OpenCV's {@code cv::img_hash::PHash} (opencv_contrib {@code modules/img_hash/src/phash.cpp}), as
 * CleanPatrick's {@code precompute_hashes.py} calls it.
 *
 * <ol>
 *   <li>{@code cv::resize} to 32 x 32 with {@code INTER_LINEAR_EXACT} ({@link CvResize#linearExact});
 *       for a colour input the resize comes <b>before</b> {@code cvtColor(BGR2GRAY)} ({@link CvColor}),
 *       so hashing a colour image is not hashing its gray version.</li>
 *   <li>{@code convertTo(CV_32F)}, {@code cv::dct} (orthonormal DCT-II on both axes).</li>
 *   <li>Top-left 8 x 8 block, element [0,0] set to 0, threshold = {@code (float) cv::mean} of the 64
 *       (the zeroed DC term included), bit = coefficient {@code >} threshold.</li>
 *   <li>Bits packed row-major, 8 per byte, bit k of byte j = coefficient 8j + k, least significant bit
 *       first ({@code std::bitset<8>::to_ulong}); hex = numpy's {@code .tobytes().hex()}.</li>
 * </ol>
 *
 * <p>Precision: OpenCV's float32 DCT (an FFT-based algorithm in {@code dxt.cpp}) is not reproduced
 * operation by operation; {@link LowFrequencyDct} evaluates the same orthonormal transform in double (only the 8 x 8 block). The float32
 * reference differs from the exact transform by about 1e-3 at most on 32 x 32 inputs in 0..255, and the
 * golden set's smallest margin |coefficient - threshold| (column {@code opencv_phash_gray_margin}) is
 * 0.0038, so the bits agree on the golden set; an input whose margin is at float32 rounding level could
 * flip one bit.
 */
public final class OpenCvPhash {
    private OpenCvPhash() {}

    /** The 8-byte hash of an 8-bit 1-, 3- or 4-channel (BGR[A]) image of any size. */
    public static byte[] hash(Raster8 image) {
        Raster8 small = CvResize.linearExact(image, 32, 32);
        Raster8 gray = small.channels() == 1 ? small : CvColor.bgrToGray(small);
        return hashOf32x32Gray(gray);
    }

    /** The hash of an image that is already 32 x 32 gray (the resize of a 32 x 32 image is a copy). */
    public static byte[] hashOf32x32Gray(Raster8 gray) {
        if (gray.width() != 32 || gray.height() != 32 || gray.channels() != 1) {
            throw new IllegalArgumentException("need a 32x32 gray raster");
        }
        double[] c = VectorizationProvider.getInstance().lowFrequencyDct().block(gray.data());
        float[] block = new float[64];
        for (int i = 0; i < 64; i++) {
            block[i] = (float) c[i];
        }
        block[0] = 0f;
        double sum = 0;
        for (float v : block) {
            sum += v;
        }
        float mean = (float) (sum / 64.0);
        byte[] out = new byte[8];
        for (int j = 0; j < 8; j++) {
            int b = 0;
            for (int k = 0; k < 8; k++) {
                if (block[j * 8 + k] > mean) {
                    b |= 1 << k;
                }
            }
            out[j] = (byte) b;
        }
        return out;
    }

    /** {@code bytes.hex()}: two lower-case hex digits per byte, first byte first. */
    public static String hex(byte[] hash) {
        StringBuilder sb = new StringBuilder(hash.length * 2);
        for (byte b : hash) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /** Raw number of differing bits (0..64), as CleanPatrick's {@code compute_hamming_distance_matrix}. */
    public static int hamming(byte[] a, byte[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Integer.bitCount((a[i] ^ b[i]) & 0xFF);
        }
        return d;
    }
}
