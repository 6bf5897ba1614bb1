/**
 * Java reproductions of the numeric routines of the reference Python stack whose exact order of
 * operations, rounding or random draws decides a cleanrank result: here so that every detector reuses one
 * proven copy, and so that a reviewer finds in one place what was reproduced and to which version.
 *
 * <ul>
 *   <li>{@link org.cleanrank.parity.NumpySum}: numpy 1.24's pairwise summation ({@code np.sum},
 *       {@code np.add.reduce} of a contiguous float64 or float32 array): blocks of up to 128 values with
 *       eight running partial sums, longer ranges split at half rounded down to a multiple of eight. Metrics
 *       and classifier sums land within an ulp of the reference instead of "close".</li>
 *   <li>{@link org.cleanrank.parity.Float32Norm}: {@code np.linalg.norm(a - b, axis=-1)} of float32 rows
 *       (numpy 1.24): float32 squared differences summed pairwise, float32 square root (NoiseRank).</li>
 *   <li>{@link org.cleanrank.parity.NumpyArgsort}: {@code np.argsort(kind='quicksort')} of numpy 1.24 on
 *       x86 without AVX-512: the unstable introsort whose order of ties the reference rankings (PyOD,
 *       pandas {@code sort_values}, cleanlab) inherit; NaN last.</li>
 *   <li>{@link org.cleanrank.parity.NumpyRandomState}: numpy's legacy {@code RandomState} (MT19937 seeding,
 *       {@code randint}'s masked rejection sampler, {@code shuffle}), draw for draw: sklearn's
 *       {@code StratifiedKFold} shuffle, AdaBoost's and IsolationForest's per-tree seeds.</li>
 *   <li>{@link org.cleanrank.parity.SampleWithoutReplacement}: scikit-learn 1.2.1's
 *       {@code sample_without_replacement} on that RandomState (permutation, tracking selection or
 *       reservoir, chosen by the ratio as sklearn chooses): IsolationForest's subsamples.</li>
 *   <li>{@link org.cleanrank.parity.SklearnRandR}: scikit-learn 1.2.1's tree generator {@code our_rand_r}
 *       (32-bit xorshift, a zero state replaced by 1, draws modulo 2^31) with {@code rand_int} and
 *       {@code rand_uniform}: the feature and threshold draws of IsolationForest's and AdaBoost's trees.</li>
 *   <li>{@link org.cleanrank.parity.NumpyHistogram}: {@code np.histogram(col, bins, density=True)} of a
 *       float32 column (numpy 1.24): float32 edges from a float64 linspace, last bin closed, density from
 *       float32 widths (PyOD's HBOS).</li>
 *   <li>{@link org.cleanrank.parity.NumpySearchsorted}: {@code np.searchsorted(a, v, side='left')}, which is
 *       also {@code np.digitize(v, edges, right=True)}: k-means++ seeding's inverse CDF (NoiseRank), HBOS's bins.</li>
 *   <li>{@link org.cleanrank.parity.ScipySkew}: the sign of {@code scipy.stats.skew} (scipy 1.10.1,
 *       bias=True) of a float32 column, all in float32, row-by-row sums for an (n, d) array and pairwise for
 *       d = 1, constant columns to 0 as PyOD's {@code nan_to_num} (PyOD's ECOD).</li>
 *   <li>{@link org.cleanrank.parity.Logs} and {@link org.cleanrank.parity.Exp2}: correctly rounded
 *       {@code log}, {@code log2} and {@code 2^x} in double-double arithmetic, standing in for glibc's libm
 *       that numpy calls ({@link Math}'s versions miss by an ulp often enough to change summed scores).</li>
 * </ul>
 *
 * <p>Reproductions that belong to one domain stay with it: cleanlab's {@code round_preserving_sum}
 * ({@code label.cl}), scipy's condensed indexing ({@code rank.Condensed}), sklearn's {@code normalize} with
 * numpy's einsum norm ({@code pairs.PackedEmbeddings}), OpenCV's and scikit-image's filters
 * ({@code image.cv}).
 */
package org.cleanrank.parity;
