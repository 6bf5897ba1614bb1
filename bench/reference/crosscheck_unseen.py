#!/usr/bin/python3
"""Reference outputs on inputs no golden covers, for `UnseenCaseCheck` (bench module) to compare against.

usage: PYTHONPATH=PYOD_SRC:CLEANLAB_SRC /usr/bin/python3 crosscheck_unseen.py OUT_DIR
Needs Debian's python3-numpy, python3-sklearn (1.2.1), python3-faiss (1.7.3), python3-numba, python3-pandas,
python3-tqdm, python3-termcolor, and exports of yzhao062/pyod (34f7996e) and cleanlab/cleanlab (75062574), the
goldens' revisions (not committed).
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
# PyOD ECOD and HBOS with defaults on float32 data with ties, a constant column and skewed columns
from pyod.models.ecod import ECOD
from pyod.models.hbos import HBOS
rng = np.random.default_rng(11)
for d in [5, 33, 200]:
    X = rng.standard_normal((900, d)).astype(np.float32)
    X[:, 0] = np.round(X[:, 0] * 2) / 2          # heavy ties
    X[:, 1] = 0.25                               # constant column
    X[:, 2] = np.exp(X[:, 2]).astype(np.float32) # skewed
    np.save(os.path.join(out, f"pyod_X{d}.npy"), X)
    for name, model in (("ecod", ECOD()), ("hbos", HBOS())):
        model.fit(X)
        np.save(os.path.join(out, f"pyod_{name}{d}.npy"), model.decision_scores_.astype(np.float64))
# cleanlab stages on random out-of-fold probabilities (rounded so that many values tie), small classes included
from cleanlab.count import compute_confident_joint
from cleanlab.filter import find_label_issues
from cleanlab.rank import get_label_quality_scores
rng = np.random.default_rng(13)
for c, n in [(7, 1500), (25, 800)]:
    labels = rng.integers(0, c, n)
    labels[:c] = np.arange(c)
    logits = rng.standard_normal((n, c)) * 2
    logits[np.arange(n), labels] += 1.5
    pp = np.exp(logits)
    pp = np.round(pp / pp.sum(1, keepdims=True), 3)
    pp = pp / pp.sum(1, keepdims=True)
    np.save(os.path.join(out, f"cl_pp{c}.npy"), pp)
    np.save(os.path.join(out, f"cl_labels{c}.npy"), labels.astype(np.int64))
    np.save(os.path.join(out, f"cl_joint{c}.npy"), compute_confident_joint(labels, pp).astype(np.int64))
    for m in ["self_confidence", "normalized_margin", "confidence_weighted_entropy"]:
        np.save(os.path.join(out, f"cl_quality_{m}{c}.npy"), get_label_quality_scores(labels, pp, method=m))
    for f in ["prune_by_noise_rate", "prune_by_class", "both", "confident_learning", "predicted_neq_given"]:
        np.save(os.path.join(out, f"cl_mask_{f}{c}.npy"), find_label_issues(labels, pp, filter_by=f).astype(np.int8))
# sklearn AdaBoostClassifier(random_state=0) (SAMME.R, 50 stumps) fit on a training split, probabilities on the rest
from sklearn.ensemble import AdaBoostClassifier
rng = np.random.default_rng(17)
for c, d in [(3, 10), (6, 48)]:
    n = 600
    y = rng.integers(0, c, n)
    X = (rng.standard_normal((n, d)) + np.eye(c, d)[y] * 1.5).astype(np.float32)
    X[:, -1] = np.round(X[:, -1])  # ties in one feature
    train = np.arange(n) % 3 != 0
    proba = AdaBoostClassifier(random_state=0).fit(X[train], y[train]).predict_proba(X[~train])
    np.save(os.path.join(out, f"ada_X{c}.npy"), X)
    np.save(os.path.join(out, f"ada_y{c}.npy"), y.astype(np.int64))
    np.save(os.path.join(out, f"ada_P{c}.npy"), proba)
print("wrote", out, "faiss", faiss.__version__)
