/**
 * CleanPatrick releases as its own reader interprets them: the three-file release with Fitzpatrick17k's
 * metadata or the consolidated table (format detection, pandas-compatible CSV reading), the samples'
 * labels, the per-sample and per-pair ground truth without an N x N matrix, and the matching of images
 * (by md5hash, at any depth) and embedding rows to samples, with mismatch reports instead of exceptions.
 */
package org.cleanrank.dataset;
