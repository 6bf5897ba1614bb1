/**
 * The {@code cleanrank} command line (picocli): one class per command ({@code benchmark}, {@code detect},
 * {@code selfclean}, {@code evaluate}, {@code hash}, {@code ssim}, {@code near-duplicates}, {@code demo}),
 * thin wrappers that parse options, call the engine and write files. User errors end as one line and exit
 * code 2, out of memory as exit code 3 with the fix, progress goes to stderr.
 */
package org.cleanrank.cli;
