package org.cleanrank.outlier;

import org.cleanrank.io.FloatMatrix;
import org.junit.jupiter.api.Test;

class ScratchTimingTest {
    @Test
    void time() {
        FloatMatrix x = PyodGoldenTest.embeddings("synth_n2000_d384_seed2");
        for (String which : new String[] {"panama", "plain"}) {
            for (int t : new int[] {1, 2}) {
                PyodKnn.Builder b = PyodKnn.builder().threads(t);
                if (which.equals("plain")) b.plainKernel();
                PyodKnn k = b.build();
                long best = Long.MAX_VALUE;
                for (int rep = 0; rep < 5; rep++) {
                    long t0 = System.nanoTime();
                    k.decisionScores(x);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                System.out.println("KNN " + which + " threads=" + t + " best ms " + best / 1e6);
            }
        }
    }
}
