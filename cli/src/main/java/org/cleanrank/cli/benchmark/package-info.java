/**
 * The {@code benchmark} command's machinery: CleanPatrick's line-up of detectors per issue type, the
 * shared inputs they draw on (embeddings, decoded images, labels, computed once), the runner that keeps
 * going when one detector fails, and the files it writes (rankings as each detector finishes, metrics
 * after each).
 */
package org.cleanrank.cli.benchmark;
