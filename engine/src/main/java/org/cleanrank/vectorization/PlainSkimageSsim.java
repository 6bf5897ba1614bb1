package org.cleanrank.vectorization;

/**
 * The scalar twin of the per-pair scikit-image SSIM: product, separable correlation (axis 0 then axis 1, taps
 * summed in order from 0), the map of the cropped region summed in 4 interleaved partial sums per row (the
 * order the SIMD twin uses), then {@code ((s0 + s1) + (s2 + s3)) + rest}.
 */
final class PlainSkimageSsim extends SkimageSsimKernel {
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    @Override
    public String name() {
        return "plain";
    }

    @Override
    public double score(SkimageSsimWindow cfg, SkimageSsimImage a, SkimageSsimImage b) {
        SkimageSsimImage.checkSameSize(a, b);
        int w = a.w, h = a.h, n = w * h;
        Scratch s = scratch.get().size(n);
        double[] prod = s.prod;
        for (int i = 0; i < n; i++) {
            prod[i] = a.px[i] * b.px[i];
        }
        cfg.filter(prod, w, h, s.t, s.uxy);
        double[] uxy = s.uxy;
        int pad = cfg.pad();
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, rest = 0;
        for (int y = pad; y < h - pad; y++) {
            int x = pad, row = y * w;
            for (; x + 4 <= w - pad; x += 4) {
                s0 += cfg.mapAt(a, b, uxy, row + x);
                s1 += cfg.mapAt(a, b, uxy, row + x + 1);
                s2 += cfg.mapAt(a, b, uxy, row + x + 2);
                s3 += cfg.mapAt(a, b, uxy, row + x + 3);
            }
            for (; x < w - pad; x++) {
                rest += cfg.mapAt(a, b, uxy, row + x);
            }
        }
        return cfg.mean(((s0 + s1) + (s2 + s3)) + rest, w, h);
    }
}
