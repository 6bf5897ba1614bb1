package org.cleanrank.pairs;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * One share of the pair space, for passes cut into independent pieces (tasks of a cluster job): every
 * pair (i, j), i &lt; j, with i in the row block A = [a0, a1) and j in the block B = [b0, b1). A diagonal
 * share (A = B) is the triangle of its block; an off-diagonal share (A before B) is the whole rectangle.
 * The shares of {@link #triangle} cover each pair of the triangle exactly once.
 *
 * <p>A share is computed on a <em>local</em> matrix that holds only its rows, A's then B's
 * ({@link #localMatrix}), numbered 0 .. {@link #rows()}: local row l is global row {@link #global}(l).
 * That map is increasing, so every order by (i, j), (distance, i, j) or (similarity, index) is the same
 * in both numberings: a consumer ranking or breaking ties in local rows keeps exactly what it would keep
 * in global rows, and only its output needs renumbering. Blocks start on panel boundaries and A holds
 * whole panels, so the local matrix has the global one's values bit for bit and the kernels compute
 * every pair with the same FMA chain as the single-machine pass.
 */
public record BlockPair(int a0, int a1, int b0, int b1) implements Serializable {
    private static final int W = PackedEmbeddings.PANEL;

    public BlockPair {
        boolean diagonal = a0 == b0 && a1 == b1;
        if (a0 < 0 || a1 <= a0 || b1 <= b0 || a0 % W != 0 || b0 % W != 0) {
            throw new IllegalArgumentException("not a block pair: " + a0 + ", " + a1 + ", " + b0 + ", " + b1);
        }
        if (!diagonal && (a1 > b0 || (a1 - a0) % W != 0)) {
            throw new IllegalArgumentException(
                    "block A [" + a0 + ", " + a1 + ") must be whole panels before B [" + b0 + ", " + b1 + ")");
        }
    }

    /** The triangle of block [r0, r1). */
    public static BlockPair diagonal(int r0, int r1) {
        return new BlockPair(r0, r1, r0, r1);
    }

    public boolean isDiagonal() {
        return a0 == b0;
    }

    /** Rows of the local matrix: A's, then B's unless diagonal. */
    public int rows() {
        return isDiagonal() ? a1 - a0 : (a1 - a0) + (b1 - b0);
    }

    /** The global row of local row {@code local}. */
    public int global(int local) {
        return local < a1 - a0 ? a0 + local : b0 + (local - (a1 - a0));
    }

    /** Pairs in this share (the work it costs). */
    public long pairCount() {
        long a = a1 - a0;
        return isDiagonal() ? a * (a - 1) / 2 : a * (b1 - b0);
    }

    /** The local matrix from the panels of block A and of block B ({@link PackedEmbeddings#rowPanels}). */
    public PackedEmbeddings localMatrix(int dim, float[] panelsA, float[] panelsB) {
        if (isDiagonal()) {
            return PackedEmbeddings.ofPanels(rows(), dim, panelsA);
        }
        float[] both = java.util.Arrays.copyOf(panelsA, panelsA.length + panelsB.length);
        System.arraycopy(panelsB, 0, both, panelsA.length, panelsB.length);
        return PackedEmbeddings.ofPanels(rows(), dim, both);
    }

    /**
     * Runs this share's pairs of the local matrix's {@code tiles} through one consumer per worker, in
     * local rows ({@code i < j}, as the engine's triangle pass hands them); returns the consumers in
     * worker order. A diagonal share is the engine's triangle; an off-diagonal one its rectangular pass
     * over A x B, each tile handed on with B's columns at their local rows.
     */
    public <C extends PairConsumer> List<C> run(
            PairEngine engine, PairTiles tiles, IntFunction<C> perWorker, Progress progress) {
        if (tiles.n() != rows()) {
            throw new IllegalArgumentException(tiles.n() + " local rows, the share has " + rows());
        }
        if (isDiagonal()) {
            return engine.run(tiles, perWorker, progress);
        }
        int shift = a1 - a0;
        List<C> consumers = new ArrayList<>();
        engine.runRectangular(
                shift,
                b1 - b0,
                (i0, i1, j0, j1, out) -> tiles.compute(i0, i1, j0 + shift, j1 + shift, out),
                w -> {
                    C c = perWorker.apply(w);
                    consumers.add(c);
                    return (PairConsumer)
                            (i0, i1, j0, j1, d, width) -> c.tile(i0, i1, j0 + shift, j1 + shift, d, width);
                },
                progress);
        return consumers;
    }

    /**
     * The shares of the triangle of {@code n} rows cut into blocks of {@code block} rows (a multiple of
     * {@link PairEngine#TILE}, the last block shorter): every pair exactly once. Off-diagonal shares,
     * twice the work of a diagonal one, come first, so a scheduler that hands them out in this order
     * ends with the small ones (longest first balances the workers).
     */
    public static List<BlockPair> triangle(int n, int block) {
        if (block <= 0 || block % PairEngine.TILE != 0) {
            throw new IllegalArgumentException("block rows must be a positive multiple of " + PairEngine.TILE);
        }
        int blocks = (n + block - 1) / block;
        List<BlockPair> shares = new ArrayList<>();
        for (int a = 0; a < blocks; a++) {
            for (int b = a + 1; b < blocks; b++) {
                shares.add(new BlockPair(a * block, (a + 1) * block, b * block, Math.min(n, (b + 1) * block)));
            }
        }
        for (int a = 0; a < blocks; a++) {
            shares.add(diagonal(a * block, Math.min(n, (a + 1) * block)));
        }
        return shares;
    }

    /**
     * Block rows for about {@code shares} shares of the triangle of {@code n} rows: a multiple of
     * {@link PairEngine#TILE}, at least one tile, at most {@code maxBlock} rows.
     */
    public static int blockRows(int n, int shares, int maxBlock) {
        // b blocks give b(b+1)/2 shares
        int b = (int) Math.ceil((Math.sqrt(8.0 * Math.max(1, shares) + 1) - 1) / 2);
        int rows = (n + b - 1) / b;
        int tiles = Math.max(1, (rows + PairEngine.TILE - 1) / PairEngine.TILE);
        return Math.min(
                Math.max(PairEngine.TILE, maxBlock / PairEngine.TILE * PairEngine.TILE), tiles * PairEngine.TILE);
    }
}
