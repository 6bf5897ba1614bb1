/**
 * Near-duplicates by perceptual hash: Hamming distances between packed hashes in a plain and a Panama
 * twin (the same counts), as pair tiles for the pair engine, and the resulting ranking in the raw-count or
 * fraction-of-bits convention of CleanPatrick's two hash detectors.
 */
package org.cleanrank.hash;
