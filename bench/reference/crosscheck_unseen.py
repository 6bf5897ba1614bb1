#!/usr/bin/python3
"""Reference outputs on inputs no golden covers, for `UnseenCaseCheck` (bench module) to compare against.

usage: /usr/bin/python3 crosscheck_unseen.py OUT_DIR
Needs Debian's python3-numpy, python3-sklearn (1.2.1) and python3-faiss (1.7.3), the reference versions.
Writes, per dimension d:
- faiss_X{d}.npy / faiss_P{d}.npy / faiss_I{d}.npy / faiss_D{d}.npy: faiss.IndexFlatL2 over 3,000 unit rows
  (every 7th a near-copy of its neighbour, to make near-ties), searched with 60 perturbed rows, k = 5
  (NoiseRank's prototype search; nq >= 20 takes faiss' BLAS path, as NoiseRank's does)
- knn_X{d}.npy / knn_S{d}.npy: PyOD KNN's decision score as PyOD computes it with sklearn:
  NearestNeighbors(n_neighbors=5).fit(X).kneighbors(n_neighbors=5)[0][:, -1] over 1,500 float32 rows with exact
  duplicates (ties); d <= 15 takes sklearn's KD-tree, larger d the brute-force float32 path.
"""
import os
import sys

import faiss
import numpy as np
from sklearn.neighbors import NearestNeighbors

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
rng = np.random.default_rng(5)
for d in [16, 100, 256, 320, 512, 640, 768, 1024]:
    X = rng.standard_normal((3000, d)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    X[1::7] = X[0::7][:len(X[1::7])] + rng.standard_normal((len(X[1::7]), d)).astype(np.float32) * 1e-3
    P = (X[rng.choice(3000, 60, replace=False)] + rng.standard_normal((60, d)).astype(np.float32) * 0.05).astype(np.float32)
    index = faiss.IndexFlatL2(d)
    index.add(X)
    D, I = index.search(P, 5)
    for name, a in (("X", X), ("P", P), ("I", I.astype(np.int64)), ("D", D)):
        np.save(os.path.join(out, f"faiss_{name}{d}.npy"), a)
rng = np.random.default_rng(9)
for d in [3, 8, 15, 16, 40, 128, 768]:
    X = rng.standard_normal((1500, d)).astype(np.float32)
    X[1::9] = X[0::9][:len(X[1::9])]
    dist, _ = NearestNeighbors(n_neighbors=5).fit(X).kneighbors(n_neighbors=5, return_distance=True)
    np.save(os.path.join(out, f"knn_X{d}.npy"), X)
    np.save(os.path.join(out, f"knn_S{d}.npy"), dist[:, -1].astype(np.float64))
print("wrote", out, "faiss", faiss.__version__)
