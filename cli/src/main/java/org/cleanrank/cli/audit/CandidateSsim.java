package org.cleanrank.cli.audit;

import it.unimi.dsi.fastutil.longs.Long2FloatOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.cleanrank.concurrent.ParallelTasks;
import org.cleanrank.eval.NearDuplicateEvaluation.PairDistance;
import org.cleanrank.image.Raster8;
import org.cleanrank.image.cv.FastSsim;
import org.cleanrank.pairs.Progress;
import org.cleanrank.rank.PairRanking;
import org.cleanrank.vectorization.FastSsimImage;
import org.cleanrank.vectorization.FastSsimKernel;

/**
 * SSIM on a folder too large for all pairs: only the candidate pairs other detectors rank closest (pHash's,
 * SelfClean's), each scored exactly as the all-pairs pass scores it ({@code 1 - kernel.score} of the same
 * thumbnails' statistics, {@link FastSsim#statistics}). The statistics (about 90 KB an image) are computed
 * per pair, reusing the first image's along a run of pairs that share it, so memory stays at the 4 KB
 * thumbnails whatever the folder's size. Pairs are in sample indices, i &lt; j.
 *
 * @param ranking the scored candidates, closest first, ties by (i, j) as the all-pairs ranking orders them;
 *     at most the requested number
 * @param candidates distinct candidate pairs scored
 * @param distance 1 - SSIM of any candidate pair (sample indices); NaN for a pair that was no candidate
 */
record CandidateSsim(PairRanking ranking, int candidates, PairDistance distance) {
    /** Candidate pairs per task: enough to amortise a task, few enough to spread over the threads. */
    private static final int BLOCK = 256;

    /**
     * @param lists rankings whose pairs are the candidates (sample indices)
     * @param localOf each sample's position among the decoded images, -1 if it did not decode (its pairs are
     *     left out)
     * @param thumbs the decoded images' SSIM thumbnails, by position
     * @param keep the most pairs the ranking keeps
     */
    static CandidateSsim score(
            List<PairRanking> lists,
            int[] localOf,
            List<Raster8> thumbs,
            FastSsimKernel kernel,
            long keep,
            int threads,
            Progress progress) {
        long[] pairs = distinctPairs(lists, localOf);
        float[] d = new float[pairs.length];
        int blocks = (pairs.length + BLOCK - 1) / BLOCK;
        AtomicLong done = new AtomicLong();
        progress.update("SSIM candidate pairs", 0, pairs.length);
        ParallelTasks.forEach(blocks, threads, b -> {
            int from = b * BLOCK;
            int to = Math.min(pairs.length, from + BLOCK);
            int lastI = -1;
            FastSsimImage a = null;
            for (int k = from; k < to; k++) {
                int i = localOf[first(pairs[k])];
                if (i != lastI) {
                    a = FastSsim.statistics(thumbs.get(i));
                    lastI = i;
                }
                FastSsimImage c = FastSsim.statistics(thumbs.get(localOf[second(pairs[k])]));
                d[k] = 1f - kernel.score(a, c);
            }
            progress.update("SSIM candidate pairs", done.addAndGet(to - from), pairs.length);
        });
        Long2FloatOpenHashMap byPair = new Long2FloatOpenHashMap(pairs.length);
        byPair.defaultReturnValue(Float.NaN);
        for (int k = 0; k < pairs.length; k++) {
            byPair.put(pairs[k], d[k]);
        }
        return new CandidateSsim(
                closest(pairs, d, keep), pairs.length, (i, j) -> byPair.get(key(Math.min(i, j), Math.max(i, j))));
    }

    /** The candidate pairs of all lists whose images both decoded, once each, in (i, j) order. */
    private static long[] distinctPairs(List<PairRanking> lists, int[] localOf) {
        LongOpenHashSet set = new LongOpenHashSet();
        for (PairRanking r : lists) {
            for (int k = 0; k < r.size(); k++) {
                int i = Math.min(r.i(k), r.j(k));
                int j = Math.max(r.i(k), r.j(k));
                if (localOf[i] >= 0 && localOf[j] >= 0) {
                    set.add(key(i, j));
                }
            }
        }
        long[] pairs = set.toLongArray();
        Arrays.sort(pairs);
        return pairs;
    }

    /** The {@code keep} closest pairs; {@code pairs} are in (i, j) order, so a stable sort breaks ties by it. */
    private static PairRanking closest(long[] pairs, float[] d, long keep) {
        Integer[] order = new Integer[pairs.length];
        Arrays.setAll(order, k -> k);
        Arrays.sort(order, (x, y) -> Float.compare(d[x], d[y]));
        int m = (int) Math.min(keep, pairs.length);
        int[] i = new int[m];
        int[] j = new int[m];
        float[] dist = new float[m];
        for (int r = 0; r < m; r++) {
            i[r] = first(pairs[order[r]]);
            j[r] = second(pairs[order[r]]);
            dist[r] = d[order[r]];
        }
        return PairRanking.of(i, j, dist);
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | j;
    }

    private static int first(long key) {
        return (int) (key >>> 32);
    }

    private static int second(long key) {
        return (int) key;
    }
}
