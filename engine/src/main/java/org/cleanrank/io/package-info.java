/**
 * Files in and out: {@code .npy} arrays (memory-mapped reading of every dtype the inputs use, atomic
 * writing), embeddings loaded into normalised panels or kept raw as float32 for the baselines, labels,
 * predicted probabilities, and the ranking CSVs written completely or not at all. Every malformed input
 * ends in a one-line {@link org.cleanrank.CleanRankException} that names the file.
 */
package org.cleanrank.io;
