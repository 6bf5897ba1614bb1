package org.cleanrank.image.pipeline;

import org.cleanrank.image.cv.OpenCvPhash;
import org.cleanrank.image.pil.ImageHashPhash;
import org.cleanrank.image.read.DecodedImage;
import org.cleanrank.image.read.OpenCvRead;
import org.cleanrank.image.read.PillowRead;

/**
 * The two pHash variants from a decoded file, as the reference code reads and hashes it, packed into
 * longs for the Hamming pair engine.
 */
public enum PerceptualHashes {
    /** imagehash.phash(Image.open(path), hash_size): Pillow read (no EXIF), convert('L'), LANCZOS, DCT, median. */
    IMAGEHASH,
    /** cv2.img_hash PHash on cv2.imread(path, IMREAD_GRAYSCALE), as CleanPatrick's precompute_hashes.py. */
    OPENCV;

    /** A hash: its hex string as the reference library prints it, and its bits packed in longs. */
    public record Hash(String hex, long[] words) {}

    public Hash compute(DecodedImage img, int hashSize) {
        if (this == IMAGEHASH) {
            boolean[] bits = ImageHashPhash.hash(PillowRead.gray(img), hashSize);
            return new Hash(ImageHashPhash.hex(bits), pack(bits));
        }
        if (hashSize != 8) {
            throw new IllegalArgumentException("OpenCV's PHash is always 64 bits (hash size 8)");
        }
        byte[] h = OpenCvPhash.hash(OpenCvRead.grayscale(img));
        long w = 0;
        for (int b = 0; b < 8; b++) {
            w |= (long) (h[b] & 0xFF) << (8 * b);
        }
        return new Hash(OpenCvPhash.hex(h), new long[] {w});
    }

    static long[] pack(boolean[] bits) {
        long[] w = new long[(bits.length + 63) / 64];
        for (int i = 0; i < bits.length; i++) {
            if (bits[i]) {
                w[i >> 6] |= 1L << (i & 63);
            }
        }
        return w;
    }
}
