/**
 * cleanrank's engine: ranks the data-quality issues of an image dataset (near-duplicates, off-topic
 * samples, label errors) with the same rankings as the reference Python code. This package holds only
 * {@link org.cleanrank.CleanRankException}, the user error that the command line prints as one line
 * (exit 2); the detectors, the loaders and the kernels live in the subpackages.
 */
package org.cleanrank;
