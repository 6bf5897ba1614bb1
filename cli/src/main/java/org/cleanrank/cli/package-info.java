/**
 * The {@code cleanrank} command line (picocli): {@link org.cleanrank.cli.Main} and one class per command
 * ({@code selfclean}, {@code detect}, {@code benchmark}, {@code demo}, {@code demo-embeddings}, {@code hash},
 * {@code ssim}, {@code near-duplicates}, {@code evaluate}). Options several commands share are mixins
 * ({@code RunOptions}: {@code --threads} and {@code --quiet}; {@code PairsOption}; {@code ImageFolderOption};
 * {@code DemoSeedOption}), so they have one name, one help line and one check. User errors (a bad file, a bad
 * option value) end in one line on stderr and exit code 2; progress goes to stderr, results to files and stdout.
 */
package org.cleanrank.cli;
