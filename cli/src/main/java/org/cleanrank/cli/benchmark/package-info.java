/**
 * The {@code benchmark} command's machinery: CleanPatrick's detector line-up per issue type
 * ({@link org.cleanrank.cli.benchmark.Detectors}), the data of one run in one sample order, the runner that
 * executes the detectors one after another (a failing detector is recorded, the others still run) and
 * evaluates each ranking with CleanPatrick's metrics, and the files a run leaves (rankings, metrics.json).
 */
package org.cleanrank.cli.benchmark;
