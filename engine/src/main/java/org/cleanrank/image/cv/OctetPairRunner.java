package org.cleanrank.image.cv;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * All pairs i &gt; j of fast SSIM through {@link PanamaFastSsimOctets}: image i against the octet holding j.
 * A worker takes a block of {@code rowBlock} images (the longest rows first) and walks the octets below them
 * {@code octetBlock} at a time; within such a tile all (image, octet) pairs advance one output row together,
 * so a row of an octet's statistics is read from L1 by every image of the block. Every pair is computed once,
 * in a fixed way, so the result depends on neither the threads nor the blocks.
 */
final class OctetPairRunner {
    /** Receives the distance of pair (i, j), i &gt; j. */
    interface PairSink {
        void pair(int i, int j, float distance);
    }

    private OctetPairRunner() {}

    static void run(FastSsim.Stats[] st, int threads, int rowBlock, int octetBlock, PairSink sink) {
        int n = st.length;
        if (n < 2) {
            return;
        }
        PanamaFastSsimOctets.Octet[] octets = PanamaFastSsimOctets.octets(st);
        int blocks = (n + rowBlock - 1) / rowBlock;
        int t = Math.max(1, Math.min(threads, blocks));
        AtomicInteger next = new AtomicInteger(blocks - 1);
        int w = st[0].w, h = st[0].h, area = w * h;
        Runnable worker = () -> {
            PanamaFastSsimOctets.Lanes[][] lanes = new PanamaFastSsimOctets.Lanes[rowBlock][octetBlock];
            for (PanamaFastSsimOctets.Lanes[] r : lanes) {
                for (int k = 0; k < r.length; k++) {
                    r[k] = new PanamaFastSsimOctets.Lanes(w, h);
                }
            }
            PanamaFastSsimOctets.Rows[] rows = new PanamaFastSsimOctets.Rows[rowBlock];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = new PanamaFastSsimOctets.Rows(w, h);
            }
            float[] scores = new float[PanamaFastSsimOctets.L];
            int bi;
            while ((bi = next.getAndDecrement()) >= 0) {
                int i0 = bi * rowBlock, i1 = Math.min(n, i0 + rowBlock);
                // octets with a first image below the block's last image
                int octetsBelow = (i1 - 2) / PanamaFastSsimOctets.L + 1;
                for (int i = i0; i < i1; i++) {
                    rows[i - i0].fill(st[i]);
                }
                for (int o0 = 0; o0 < octetsBelow; o0 += octetBlock) {
                    int o1 = Math.min(octetsBelow, o0 + octetBlock);
                    for (int i = i0; i < i1; i++) {
                        for (int o = o0; o < o1; o++) {
                            lanes[i - i0][o - o0].reset();
                        }
                    }
                    for (int y = 0; y < h; y++) {
                        for (int i = i0; i < i1; i++) {
                            for (int o = o0; o < o1; o++) {
                                if (octets[o].first < i) {
                                    PanamaFastSsimOctets.row(rows[i - i0], octets[o], y, lanes[i - i0][o - o0]);
                                }
                            }
                        }
                    }
                    for (int i = i0; i < i1; i++) {
                        for (int o = o0; o < o1; o++) {
                            PanamaFastSsimOctets.Octet g = octets[o];
                            if (g.first >= i) {
                                continue;
                            }
                            PanamaFastSsimOctets.scores(lanes[i - i0][o - o0], area, scores);
                            int lanesUsed = Math.min(g.count, i - g.first);
                            for (int l = 0; l < lanesUsed; l++) {
                                sink.pair(i, g.first + l, 1f - scores[l]);
                            }
                        }
                    }
                }
            }
        };
        SsimPairRunner.runWorkers(t, worker);
    }
}
