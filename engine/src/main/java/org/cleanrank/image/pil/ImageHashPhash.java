package org.cleanrank.image.pil;

import java.util.Arrays;
import org.cleanrank.image.Raster8;
import org.cleanrank.vectorization.StructuralZeros;

/**
 * {@code imagehash.phash(image, hash_size)} (imagehash 4.3.2, {@code highfreq_factor = 4}) on an image that is
 * already Pillow mode L (see {@link PilConvert#toL}), and the Hamming distances built on it.
 *
 * <p>Steps, as imagehash does them:
 * <ol>
 *   <li>{@code image.convert('L')} (a copy for an L image), then Pillow LANCZOS resize to
 *       {@code (4 * hash_size) x (4 * hash_size)} ({@link PilResample}, no reducing gap);</li>
 *   <li>{@code scipy.fftpack.dct(scipy.fftpack.dct(pixels, axis=0), axis=1)}: unnormalised DCT-II, first
 *       down the columns, then along the rows, in float64 (scipy casts the uint8 array to float64):
 *       {@code y[k] = 2 * sum_n x[n] * cos(pi * k * (2n + 1) / (2N))};</li>
 *   <li>the top-left {@code hash_size x hash_size} block, DC term included;</li>
 *   <li>threshold = {@code numpy.median} of that block (even count: mean of the two middle values,
 *       {@code (a + b) / 2});</li>
 *   <li>bit = coefficient {@code >} threshold (strict), row-major.</li>
 * </ol>
 * {@code str(hash)} prints the bits row-major, first bit most significant, as {@code hash_size^2 / 4} hex
 * digits ({@link #hex}).
 *
 * <p><b>Precision.</b> scipy computes the DCT with pocketfft (an FFT algorithm); we compute only the needed
 * {@code hash_size} rows and columns by direct sums with a precomputed cosine table (cosine arguments
 * reduced exactly modulo {@code 4N} first), in a fixed order. The two agree to about 1e-12 relative, not
 * bit for bit, so a bit could differ only when a coefficient is within that of the median. On the golden
 * set the smallest margin |coefficient - median| is 0.04 (coefficients are O(1e4)), so every hash bit
 * is reproduced. A flat image (all AC coefficients exactly 0 in exact arithmetic) is the degenerate case:
 * scipy's rounding noise decides its bits there; ours gives exact zeros, hence all-false AC bits.
 *
 * <p><b>CleanPatrick's pHASHDetector</b> hashes {@code img.convert('L').resize((9, 8))} (Pillow's default
 * BICUBIC) with {@code imagehash.phash(img, 8)}, which LANCZOS-upsamples the 9x8 image to 32x32; its
 * distance is {@link #hammingFraction}: {@code len(hamming[hamming != 0]) / len(hamming)} on the flattened
 * bit arrays, i.e. differing bits / 64. See {@link #cleanPatrickHash}.
 */
public final class ImageHashPhash {
    private ImageHashPhash() {}

    /** imagehash's {@code highfreq_factor} default: the DCT input is {@code 4 * hash_size} square. */
    public static final int HIGHFREQ_FACTOR = 4;

    /** {@code imagehash.phash(gray, hashSize).hash.flatten()}: {@code hashSize^2} bits, row-major. */
    public static boolean[] hash(Raster8 gray, int hashSize) {
        checkHashSize(hashSize);
        int size = hashSize * HIGHFREQ_FACTOR;
        Raster8 l = PilConvert.toL(gray);
        return fromResized(PilResample.resize(l, size, size, PilResample.Filter.LANCZOS), hashSize);
    }

    /** The hex string {@code str(imagehash.phash(gray, hashSize))}. */
    public static String hashHex(Raster8 gray, int hashSize) {
        return hex(hash(gray, hashSize));
    }

    /**
     * The hash from the already resized {@code (4h) x (4h)} gray image (imagehash's DCT input, e.g. the
     * golden {@code pil_L_32x32_lanczos} stage array); {@code h = width / 4}.
     */
    public static boolean[] fromResized(Raster8 resized) {
        if (resized.width() % HIGHFREQ_FACTOR != 0) {
            throw new IllegalArgumentException("resized width " + resized.width() + " is not a multiple of 4");
        }
        return fromResized(resized, resized.width() / HIGHFREQ_FACTOR);
    }

    /** The hash of a resized gray image with an explicit hash size (the block taken from its DCT). */
    public static boolean[] fromResized(Raster8 resized, int hashSize) {
        double[] block = lowFrequencyDct(resized, hashSize);
        double med = median(block);
        boolean[] bits = new boolean[block.length];
        for (int i = 0; i < block.length; i++) {
            bits[i] = block[i] > med;
        }
        return bits;
    }

    /**
     * The top-left {@code hashSize x hashSize} block (row-major) of
     * {@code scipy.fftpack.dct(scipy.fftpack.dct(pixels, axis=0), axis=1)} of a square gray image.
     */
    public static double[] lowFrequencyDct(Raster8 resized, int hashSize) {
        checkHashSize(hashSize);
        if (resized.channels() != 1 || resized.width() != resized.height()) {
            throw new IllegalArgumentException("phash needs a square 1-channel image, got " + resized.width() + "x"
                    + resized.height() + "x" + resized.channels());
        }
        int n = resized.width();
        if (hashSize > n) {
            throw new IllegalArgumentException("hash size " + hashSize + " > image size " + n);
        }
        double[] cos = cachedCosTable(n, hashSize);
        byte[] px = resized.data();
        // sums of |x| down each column: the bound for StructuralZeros in the first pass (|cos| <= 1)
        double[] colMag = new double[n];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < n; j++) {
                colMag[j] += px[r * n + j] & 0xFF;
            }
        }
        // axis 0 (down each column): a[k][j] = 2 * sum_r cos[k][r] * x[r][j], rows k < hashSize only
        double[] a = new double[hashSize * n];
        for (int k = 0; k < hashSize; k++) {
            for (int j = 0; j < n; j++) {
                double s = 0.0;
                for (int r = 0; r < n; r++) {
                    s += cos[k * n + r] * (px[r * n + j] & 0xFF);
                }
                a[k * n + j] = StructuralZeros.snap(2.0 * s, 2.0 * colMag[j]);
            }
        }
        // axis 1 (along each row): b[k][l] = 2 * sum_j a[k][j] * cos[l][j], columns l < hashSize only
        double[] b = new double[hashSize * hashSize];
        for (int k = 0; k < hashSize; k++) {
            double rowMag = 0.0;
            for (int j = 0; j < n; j++) {
                rowMag += Math.abs(a[k * n + j]);
            }
            for (int l = 0; l < hashSize; l++) {
                double s = 0.0;
                for (int j = 0; j < n; j++) {
                    s += a[k * n + j] * cos[l * n + j];
                }
                b[k * hashSize + l] = StructuralZeros.snap(2.0 * s, 2.0 * rowMag);
            }
        }
        return b;
    }

    private static final java.util.concurrent.ConcurrentHashMap<Long, double[]> COS_TABLES =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static double[] cachedCosTable(int n, int rows) {
        return COS_TABLES.computeIfAbsent(((long) n << 32) | rows, key -> cosTable(n, rows));
    }

    /** {@code cos(pi * k * (2i + 1) / (2n))} for {@code k < rows}, {@code i < n}, row-major by k. */
    static double[] cosTable(int n, int rows) {
        double[] t = new double[rows * n];
        long period = 4L * n; // cos(pi * m / (2n)) has period 4n in m
        for (int k = 0; k < rows; k++) {
            for (int i = 0; i < n; i++) {
                long m = ((long) k * (2L * i + 1)) % period;
                t[k * n + i] = Math.cos(Math.PI * m / (2.0 * n));
            }
        }
        return t;
    }

    /** {@code numpy.median}: middle value of the sorted values, or the mean of the two middle ones. */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2.0;
    }

    /**
     * imagehash's {@code str()}: the bits (row-major) as one binary number, first bit most significant,
     * written in lower-case hex zero-padded to {@code ceil(bits / 4)} digits.
     */
    public static String hex(boolean[] bits) {
        int digits = (bits.length + 3) / 4;
        int pad = digits * 4 - bits.length; // leading zero bits when the count is not a multiple of 4
        StringBuilder sb = new StringBuilder(digits);
        for (int d = 0; d < digits; d++) {
            int v = 0;
            for (int b = 0; b < 4; b++) {
                int idx = d * 4 + b - pad;
                v = (v << 1) | (idx >= 0 && bits[idx] ? 1 : 0);
            }
            sb.append(Character.forDigit(v, 16));
        }
        return sb.toString();
    }

    /** The bits of a hex string as {@link #hex} writes it ({@code bitCount} bits, e.g. 64). */
    public static boolean[] fromHex(String hex, int bitCount) {
        int pad = hex.length() * 4 - bitCount;
        if (pad < 0 || pad > 3) {
            throw new IllegalArgumentException(hex.length() + " hex digits cannot hold exactly " + bitCount + " bits");
        }
        boolean[] bits = new boolean[bitCount];
        for (int d = 0; d < hex.length(); d++) {
            int v = Character.digit(hex.charAt(d), 16);
            if (v < 0) {
                throw new IllegalArgumentException("not a hex digit: '" + hex.charAt(d) + "' in " + hex);
            }
            for (int b = 0; b < 4; b++) {
                int idx = d * 4 + b - pad;
                boolean set = ((v >> (3 - b)) & 1) != 0;
                if (idx >= 0) {
                    bits[idx] = set;
                } else if (set) {
                    throw new IllegalArgumentException(hex + " has more than " + bitCount + " bits");
                }
            }
        }
        return bits;
    }

    /** {@code hash_a - hash_b} in imagehash: the number of differing bits. */
    public static int hammingCount(boolean[] a, boolean[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("hashes of different sizes: " + a.length + " and " + b.length);
        }
        int c = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                c++;
            }
        }
        return c;
    }

    /**
     * CleanPatrick's pHASHDetector distance: {@code len(hamming[hamming != 0]) / len(hamming)} with
     * {@code hamming = a.astype(int) - b.astype(int)}, i.e. differing bits / number of bits.
     */
    public static double hammingFraction(boolean[] a, boolean[] b) {
        return (double) hammingCount(a, b) / a.length;
    }

    /**
     * CleanPatrick's pHASHDetector hash of one image: {@code imagehash.phash(img.convert('L').resize(
     * (hashSize + 1, hashSize)), hashSize)}, the resize with Pillow's default filter for mode L (BICUBIC).
     * {@code gray} is the image after {@code convert('RGB').convert('L')}.
     */
    public static boolean[] cleanPatrickHash(Raster8 gray, int hashSize) {
        checkHashSize(hashSize);
        Raster8 l = PilConvert.toL(gray);
        Raster8 thumb = PilResample.resize(l, hashSize + 1, hashSize, PilResample.Filter.BICUBIC);
        return hash(thumb, hashSize);
    }

    private static void checkHashSize(int hashSize) {
        if (hashSize < 2) {
            throw new IllegalArgumentException("Hash size must be greater than or equal to 2, got " + hashSize);
        }
    }
}
