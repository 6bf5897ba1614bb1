#!/usr/bin/python3
"""Adversarial single-linkage goldens: scipy's own linkage on inputs made of exact ties.

usage: /usr/bin/python3 make_linkage_ties.py OUT_DIR     (Debian's python3-numpy, python3-scipy, python3-sklearn)
Writes OUT_DIR/<case>/embeddings.npy (float32 rows) and OUT_DIR/<case>/single_linkage.npy (float64, scipy's
linkage matrix), for the cases below.

Every row is zero or has 1, 4 or 16 entries of +-1 (times 1, 2 or 3) in 16 dimensions, so its L2 norm is 1, 2 or
4 (times the scale) and the normalised entries are +-1, +-1/2 or +-1/4: every product and every partial sum
of a dot product is a multiple of 1/16, exact in float32 in any order. The SelfClean distances (multiples of
1/32) are therefore the same bits whichever summation order the BLAS or our FMA chain uses, so scipy's rows
can be compared with ours bit for bit, while nearly every distance is tied with thousands of others: scipy's
strict argmin tie rule, the stable sort and the labelling decide everything. Zero rows (distance 0.5 to
everything) and exact and scaled duplicates (distance 0) are mixed in; in `zero_first` row 0 is a zero row.

Distances as SelfClean computes them: sklearn's cosine_similarity (normalize, then X @ X.T in float32), then
1 - (sim + 1) / 2 clipped to [0, 1], condensed, and scipy.cluster.hierarchy.single on them (float64).
"""
import os
import sys

import numpy as np
import scipy
import scipy.cluster.hierarchy as sch
from scipy.spatial.distance import squareform
from sklearn.metrics.pairwise import cosine_similarity

D = 16


def make(rng, n, zero_share, zero_first):
    x = np.zeros((n, D), dtype=np.float32)
    if not zero_first:
        x[0, :4] = [1, 1, -1, 1]
    for i in range(1, n):
        kind = rng.random()
        if kind < zero_share:
            continue  # zero row
        if kind < zero_share + 0.12:
            x[i] = x[rng.integers(i)] * rng.choice([1, 2, 3])  # exact or scaled duplicate
            continue
        k = rng.choice([1, 4, 4, 16])
        cols = rng.choice(D, size=k, replace=False)
        x[i, cols] = rng.choice([-1.0, 1.0], size=k) * rng.choice([1, 2, 3])
    return x


def selfclean_condensed(x):
    sim = cosine_similarity(x, x).astype(np.float32)
    d = (1 - (sim + 1) / 2).clip(0, 1).astype(np.float32)
    exact = 1 - (np.float64(sim) + 1) / 2
    assert np.array_equal(d.astype(np.float64), exact.clip(0, 1)), "distances are not exact"
    assert np.all((d * 32) == np.round(d * 32)), "distances are not multiples of 1/32"
    np.fill_diagonal(d, 0)
    return squareform(d, checks=False)


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(20261128)
    cases = {
        "ties_dups_zeros": make(rng, 300, 0.10, False),
        "zero_first": make(rng, 200, 0.40, True),
    }
    for name, x in cases.items():
        os.makedirs(os.path.join(out, name), exist_ok=True)
        z = sch.single(selfclean_condensed(x).astype(np.float64))
        np.save(os.path.join(out, name, "embeddings.npy"), x)
        np.save(os.path.join(out, name, "single_linkage.npy"), z)
        d = selfclean_condensed(x)
        print(name, x.shape, "zero rows", int((np.abs(x).sum(1) == 0).sum()), "distinct distances",
              len(np.unique(d)), "pairs", len(d), "scipy", scipy.__version__)


if __name__ == "__main__":
    main()
