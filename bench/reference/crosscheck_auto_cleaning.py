#!/usr/bin/python3
"""Run SelfClean's own automatic-cleaning rule (AutoCleaningMixin.fraction_cut) on seeded score arrays,
including the awkward ones (exact duplicates, scores of exactly 0 or 1, NaN, all equal, one or no valid
score, N = 2 and N = 3, numpy's float32 log dipping at the quantiles), and write what it returns.

    bench/reference/prepare_selfclean.sh /tmp/selfclean-src
    /usr/bin/python3 bench/reference/crosscheck_auto_cleaning.py --selfclean-src /tmp/selfclean-src \
        --out fixtures/golden/selfclean/auto_cleaning_cases.json [--seed 11] [--float32-log FILE.npy]

Each case: the scores in ranking order (null = NaN), their dtype, N, alpha, q; `expected.positions` is
exactly `fraction_cut(...)` (np.where(exclude)[0]), or `expected.error` when the reference raises;
`expected.logit_cutoff` is recomputed outside the cleaner with its own formulas (as the golden README
says of auto_cleaning.json). With --float32-log it also writes numpy's float32 np.log on 4,096 inputs
(random bit patterns below 2^24 and the neighbourhoods of every binade and of the sqrt(1/2) switch) as
an (n, 2) float32 array [x, np.log(x)].

Python: Debian's /usr/bin/python3 (numpy 1.24.2, scipy 1.10.1), as for time_selfclean.py.
"""
import argparse
import json
import math
import sys
import types
from pathlib import Path

import numpy as np
import scipy
import scipy.stats

sys.path.insert(0, str(Path(__file__).resolve().parent))
from time_selfclean import install_stubs  # noqa: E402


def float32_dips(lo, hi):
    """Bit patterns b in [lo, hi) where numpy's float32 logit is below that of b - 1 or b - 2."""
    bits = np.arange(lo - 2, hi, dtype=np.int32)
    x = bits.view(np.float32)
    with np.errstate(all="ignore"):
        f = np.log(x / (1 - x))
    dip = (f[2:] < f[1:-1]) | (f[2:] < f[:-2])
    return bits[2:][dip]


def make_cases(rng):
    cases = []

    def add(name, scores, n, alpha, q, dtype):
        cases.append(dict(name=name, scores=np.asarray(scores, dtype=dtype), n=n, alpha=alpha, q=q))

    def pairs(n, body, zeros=0, ones=0):
        m = n * (n - 1) // 2
        d = np.sort(np.asarray(body, dtype=np.float32))[: m - zeros - ones]
        return np.concatenate([np.zeros(zeros, np.float32), d, np.ones(ones, np.float32)])

    def tail(size, loc, scale):
        return 1 / (1 + np.exp(-rng.logistic(loc, scale, size)))

    # pair rankings: all N(N-1)/2 pairs, alpha squared by the reference
    for n, zeros, ones in [(40, 0, 0), (40, 5, 0), (60, 12, 3), (120, 40, 0)]:
        m = n * (n - 1) // 2
        body = np.concatenate([tail(m, 0.0, 0.4), rng.uniform(1e-4, 0.02, max(1, m // 50))])
        for alpha, q in [(0.01, 0.05), (0.1, 0.1), (0.3, 0.5)]:
            add(f"pairs_n{n}_zeros{zeros}_ones{ones}_a{alpha}_q{q}", pairs(n, body, zeros, ones), n, alpha, q,
                np.float32)
    # numpy's float32 logit dips: distances packed around a dip so that quantiles and cut-off land there
    dips = float32_dips(np.float32(0.40).view(np.int32), np.float32(0.43).view(np.int32))
    for k, b in enumerate(dips[:3]):
        n = 30
        m = n * (n - 1) // 2
        near = (b + rng.integers(-3, 4, m)).astype(np.int32).view(np.float32)
        for alpha, q in [(0.3, 0.9), (0.6, 1.0)]:
            add(f"pairs_at_float32_dip{k}_a{alpha}_q{q}", pairs(n, near), n, alpha, q, np.float32)
    # a cut-off equal to the logit just before a dip: the flagged pairs are then not a prefix of the ranking
    n = 60
    m = n * (n - 1) // 2
    body = np.sort(tail(m, 0.0, 1.0).astype(np.float32))
    lo_cut, hi_cut = cutoff_outside(body, n, 0.3, 1e-6), cutoff_outside(body, n, 0.3, 1.0)
    d_lo, d_hi = (np.float32(1 / (1 + math.exp(-c))) for c in (lo_cut, hi_cut))
    cands = [int(v) for v in float32_dips(int(d_lo.view(np.int32)), int(d_hi.view(np.int32)))]
    if cands:
        b = cands[len(cands) // 2]
        data = body.copy()
        data[:: m // 10][:10] = np.int32(b - 1).view(np.float32)  # ten copies each of b - 1 and b
        data[1 :: m // 10][:10] = np.int32(b).view(np.float32)
        data = np.sort(data)
        xb = np.int32(b - 1).view(np.float32)
        with np.errstate(all="ignore"):
            target = float(np.log(xb / (np.float32(1) - xb)))
        lo, hi = 1e-9, 1.0
        for _ in range(200):  # the cut-off grows with q: bisect q until it rounds to the logit before the dip
            mid = (lo + hi) / 2
            if cutoff_outside(data, n, 0.3, mid) < target:
                lo = mid
            else:
                hi = mid
        add("pairs_cutoff_at_float32_dip", data, n, 0.3, hi, np.float32)
    # sample rankings (float64 like LAD, float32 like the label errors), ascending
    for n in [50, 200, 1000]:
        for dtype in (np.float64, np.float32):
            s = np.sort(np.concatenate([tail(n - n // 20, 1.0, 0.3), tail(n // 20, -2.0, 0.5)]))
            for alpha, q in [(0.01, 0.05), (0.1, 0.1), (0.25, 0.5)]:
                add(f"samples_{np.dtype(dtype).name}_n{n}_a{alpha}_q{q}", s, n, alpha, q, dtype)
    s = np.sort(tail(300, 0.5, 0.4)).astype(np.float32)
    s[:4] = 0.0
    s[-2:] = 1.0
    add("label_errors_with_zeros_and_ones", s, 300, 0.1, 0.1, np.float32)
    s = np.sort(tail(300, 0.5, 0.4)).astype(np.float32)
    s = np.concatenate([[np.nan, np.nan], [0.0], s[3:]]).astype(np.float32)
    add("label_errors_nan_first", s, 300, 0.1, 0.1, np.float32)
    for dtype in (np.float64, np.float32):
        add(f"all_equal_{np.dtype(dtype).name}", np.full(80, 0.3), 80, 0.1, 0.1, dtype)
        add(f"all_equal_{np.dtype(dtype).name}_strict", np.full(80, 0.3), 80, 0.01, 0.05, dtype)
    add("single_valid", np.concatenate([np.zeros(29), [0.4]]), 30, 0.1, 0.1, np.float32)
    add("two_valid", np.concatenate([np.zeros(28), [0.2, 0.4]]), 30, 0.3, 0.5, np.float32)
    add("no_valid", np.concatenate([np.zeros(10), np.ones(10)]), 20, 0.1, 0.1, np.float64)
    # N = 3: the sample rankings are as long as the condensed matrix, so their alpha is squared too
    add("n3_samples", [0.2, 0.5, 0.9], 3, 0.4, 0.9, np.float64)
    add("n3_pairs", [0.01, 0.3, 0.6], 3, 0.4, 0.9, np.float32)
    # N = 2: one pair, q * alpha**2 * N / M above 1 gives a NaN cut-off
    add("n2_pair_prob_above_one", [0.25], 2, 0.9, 0.9, np.float32)
    add("n2_samples", [0.25, 0.75], 2, 0.5, 0.5, np.float64)
    return cases


def cutoff_outside(scores, n, alpha, q):
    """fraction_cut's cut-off, recomputed with its own formulas."""
    m = len(scores)
    if m == int(n * ((n - 1) / 2)):
        alpha = alpha**2
    s = scores[(scores > 0) & (scores < 1)]
    logit = np.log(s / (1 - s))
    p = alpha
    prob = q * p * n / m
    x1 = np.quantile(logit, p)
    x2 = np.quantile(logit, (0.5 * p) ** 0.5)
    y1 = scipy.stats.logistic.ppf(p)
    y2 = scipy.stats.logistic.ppf((0.5 * p) ** 0.5)
    scale = (x1 - x2) / (y1 - y2)
    loc = (y1 * x2 - y2 * x1) / (y1 - y2)
    return float(scipy.stats.logistic.ppf(prob) * scale + loc)


def float32_log_fixture(rng, path):
    top = int(np.float32(2.0**24).view(np.int32))
    picks = [rng.integers(1, top + 1, 3000, dtype=np.int64).astype(np.int32)]
    for e in range(-149, 24):
        for v in (2.0**e, 2.0**e * 1.4142135):
            b = int(np.float32(v).view(np.int32))
            picks.append(np.arange(b - 3, b + 3, dtype=np.int32))
    bits = np.concatenate(picks)
    bits = np.unique(bits[(bits >= 1) & (bits <= top)])
    bits = rng.choice(bits, min(4096, len(bits)), replace=False)
    x = bits.view(np.float32)
    np.save(path, np.stack([x, np.log(x)], axis=1).astype(np.float32))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--selfclean-src", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--float32-log")
    args = ap.parse_args()
    install_stubs(args.selfclean_src)
    from selfclean.cleaner.auto_cleaning_mixin import AutoCleaningMixin

    rng = np.random.default_rng(args.seed)
    out = []
    for c in make_cases(rng):
        scores, n = c["scores"], c["n"]
        me = types.SimpleNamespace(N=n, condensed_size=int(n * ((n - 1) / 2)))
        expected = {}
        with np.errstate(all="ignore"):
            try:
                pos = AutoCleaningMixin.fraction_cut(me, scores=scores, alpha=c["alpha"], q=c["q"])
                expected["positions"] = [int(v) for v in pos]
                cut = cutoff_outside(scores, n, c["alpha"], c["q"])
                expected["logit_cutoff"] = None if math.isnan(cut) else cut
            except Exception as e:  # the reference's own failure, recorded
                expected["error"] = f"{type(e).__name__}: {e}"
        out.append(dict(name=c["name"], n=n, alpha=c["alpha"], q=c["q"], dtype=scores.dtype.name,
                        scores=[None if math.isnan(v) else float(v) for v in scores], expected=expected))
    meta = dict(numpy=np.__version__, scipy=scipy.__version__, seed=args.seed,
                selfclean=(Path(args.selfclean_src) / "REVISION").read_text().split())
    Path(args.out).write_text(json.dumps(dict(reference=meta, cases=out)) + "\n")
    print(f"{len(out)} cases -> {args.out}")
    if args.float32_log:
        float32_log_fixture(rng, args.float32_log)


if __name__ == "__main__":
    main()
