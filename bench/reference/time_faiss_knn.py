#!/usr/bin/python3
"""Time FAISS IndexFlatIP's exact k-NN self-search on an N x D matrix of normalised rows.

Generates a seeded N x D float32 matrix (Gaussian cluster centres plus noise, so neighbours are
meaningful; or reads --embeddings E.npy), L2-normalises it with faiss.normalize_L2, adds it to an
IndexFlatIP and times the one call the issue compares against:

    D, I = index.search(xb, k)        # self-search: each row finds itself first

Prints one JSON line: n, d, k, seconds_search (that call alone), seconds_normalise_add, peak RSS,
threads and versions. --save E.npy writes the generated raw matrix first, so that
`./cleanrank knn --embeddings E.npy --k K --out DIR` can be timed on the same rows side by side;
--out DIR saves FAISS's I and D (faiss_indices.npy, faiss_similarities.npy) for a tie-aware comparison.
Note that FAISS's self-search includes each row itself: its k = 10 lists hold 9 other rows, where
cleanrank's default (self excluded) holds 10; the work is the same.

Python: Debian's /usr/bin/python3 with `apt-get install -y python3-faiss python3-numpy`. Example:

    /usr/bin/python3 bench/reference/time_faiss_knn.py --n 50000 --d 384 --k 10 --save /tmp/knn50k.npy
    /usr/bin/time -v ./cleanrank knn --embeddings /tmp/knn50k.npy --k 10 --out /tmp/knn50k-out
"""
import argparse
import json
import platform
import resource
import time

import faiss
import numpy as np


def generate(n, d, seed):
    rs = np.random.RandomState(seed)
    centres = rs.randn(max(1, n // 50), d).astype(np.float32)
    x = centres[rs.randint(0, centres.shape[0], size=n)] + np.float32(0.5) * rs.randn(n, d).astype(np.float32)
    return np.ascontiguousarray(x, dtype=np.float32)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=50000)
    ap.add_argument("--d", type=int, default=384)
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--embeddings", help="read this N x D .npy instead of generating")
    ap.add_argument("--save", help="write the generated raw matrix here (.npy)")
    ap.add_argument("--out", help="folder for faiss_indices.npy and faiss_similarities.npy")
    a = ap.parse_args()

    x = np.load(a.embeddings).astype(np.float32) if a.embeddings else generate(a.n, a.d, a.seed)
    if a.save:
        np.save(a.save, x)
    n, d = x.shape
    t0 = time.perf_counter()
    xb = x.copy()
    faiss.normalize_L2(xb)
    index = faiss.IndexFlatIP(d)
    index.add(xb)
    t1 = time.perf_counter()
    sims, idx = index.search(xb, a.k)
    t2 = time.perf_counter()
    if a.out:
        import os

        os.makedirs(a.out, exist_ok=True)
        np.save(os.path.join(a.out, "faiss_indices.npy"), idx)
        np.save(os.path.join(a.out, "faiss_similarities.npy"), sims)
    print(json.dumps({
        "n": n,
        "d": d,
        "k": a.k,
        "seconds_search": round(t2 - t1, 3),
        "seconds_normalise_add": round(t1 - t0, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "threads": faiss.omp_get_max_threads(),
        "faiss": faiss.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
    }))


if __name__ == "__main__":
    main()
