/**
 * JMH benchmarks of the kernels and detectors (pair distances, Hamming, SSIM, DCT, baselines, the
 * SelfClean pipeline) and the check tool for unseen image cases. Their measurements are recorded in
 * {@code results/}, not in code comments.
 */
package org.cleanrank.bench;
