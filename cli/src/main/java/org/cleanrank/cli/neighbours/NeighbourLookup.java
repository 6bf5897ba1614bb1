package org.cleanrank.cli.neighbours;

/**
 * The nearest other samples of every sample, what a suspected label is voted from. A seam: today
 * {@link KnnNeighbours} (the engine's exact cosine kNN); another index can stand behind it
 * without touching the vote.
 */
public interface NeighbourLookup {
    /**
     * The {@code k} nearest other samples of each of the {@code n} samples, nearest first, ties in distance
     * broken by the lower sample index: row-major {@code n x k} sample indices ({@code k < n}).
     */
    int[] nearest(int k);
}
