/**
 * Suspected labels: the majority label among a sample's nearest neighbours by embedding, shown beside the given
 * label on the audit page and on the benchmark report's label-error cards. Depends on the engine only, so both
 * commands' packages can use it.
 */
package org.cleanrank.cli.neighbours;
