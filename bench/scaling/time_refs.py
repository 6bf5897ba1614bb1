#!/usr/bin/python3
"""Time one reference call for the scaling profile (run_scaling.py calls this once per size;
FAISS's kNN is timed by bench/reference/time_faiss_knn.py).

usage:
  time_refs.py pyod knn|ecod|hbos|iforest --embeddings E.npy --pyod-src PYOD
  time_refs.py cleanlab --pred-probs P.npy --labels L.npy --cleanlab-src CLEANLAB
  time_refs.py noiserank --embeddings E.npy --labels L.npy --cleanpatrick-src CP

Prints one JSON line: "seconds" is the wall time of the reference call alone (inputs already loaded, imports
done, numba compiled beforehand on a small matrix), as bench/reference/time_*.py and the goldens'
reference_seconds measure it; the caller measures the whole process (wall time, peak RSS) around it.
The calls are the ones the goldens and CleanPatrick make (fixtures/golden/baselines/README.md):
- pyod: PyODWrapper.get_ranking_from_emb_space: clf = Model(); clf.fit(X); np.argsort(-clf.decision_scores_)
  (IForest(random_state=0), as the goldens and cleanrank's default seed).
- cleanlab: find_label_issues(labels, pred_probs, filter_by='prune_by_noise_rate', min_examples_per_class=10,
  return_indices_ranked_by='self_confidence') (CleanLearning's filter settings; its multiprocessing pool start
  included, as in the goldens), the same work as `cleanrank detect cl --pred-probs P --filter-by
  prune_by_noise_rate`.
- noiserank: CleanPatrick's NoiseRankDetector.get_ranking(None, emb_space=X, labels=y) with its defaults
  (k-means prototypes, faiss kNN vote, dependence graph). torch and CleanPatrick's embedding helpers are only
  imported by that module for the image path; small stand-ins satisfy the imports.
Reference sources are exports made outside the repository (bench/scaling/README.md); never commit them.
"""
import argparse
import json
import os
import platform
import sys
import time
import types

import numpy as np


def load_embeddings(path):
    return np.ascontiguousarray(np.load(path), dtype=np.float32)


def pyod(a):
    sys.path.insert(0, a.pyod_src)
    import pyod as pyod_pkg
    from pyod.models.ecod import ECOD
    from pyod.models.hbos import HBOS
    from pyod.models.iforest import IForest
    from pyod.models.knn import KNN

    make = {"knn": KNN, "ecod": ECOD, "hbos": HBOS, "iforest": lambda: IForest(random_state=0)}[a.model]
    # numba functions compile on first use; the goldens time them compiled, so warm up on a small matrix
    make().fit(np.random.default_rng(0).standard_normal((300, 8)).astype(np.float32))
    x = load_embeddings(a.embeddings)
    t0 = time.perf_counter()
    clf = make()
    clf.fit(x)
    ranking = np.argsort(-clf.decision_scores_)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "model": a.model, "first": int(ranking[0]), "pyod": pyod_pkg.__version__}


def cleanlab(a):
    sys.path.insert(0, a.cleanlab_src)
    import cleanlab as cleanlab_pkg
    from cleanlab.filter import find_label_issues

    pred_probs = np.load(a.pred_probs)
    labels = np.load(a.labels).astype(np.int64)
    t0 = time.perf_counter()
    ranked = find_label_issues(labels, pred_probs, filter_by="prune_by_noise_rate", min_examples_per_class=10,
                               return_indices_ranked_by="self_confidence")
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "flagged": int(len(ranked)), "classes": int(pred_probs.shape[1]),
            "cleanlab": cleanlab_pkg.__version__}


def _stub(name, **attrs):
    mod = types.ModuleType(name)
    mod.__dict__.update(attrs)
    sys.modules[name] = mod
    return mod


def noiserank(a):
    # stand-ins for the image path's imports only (torch, CleanPatrick's core embedding helpers)
    data = _stub("torch.utils.data", Dataset=type("Dataset", (), {}), DataLoader=type("DataLoader", (), {}))
    _stub("torch.utils", data=data)
    _stub("torch", utils=sys.modules["torch.utils"], cuda=_stub("torch.cuda", is_available=lambda: False))
    for name in ("src.core", "src.core.src"):
        _stub(name, __path__=[])
    _stub("src.core.src.pkg", Embedder=None, embed_dataset=None)
    sys.path.insert(0, a.cleanpatrick_src)
    from src.detectors.label_errors.noise_rank import NoiseRankDetector  # CleanPatrick's code, not ours

    x = load_embeddings(a.embeddings)
    y = np.load(a.labels).astype(np.int64)
    t0 = time.perf_counter()
    result = NoiseRankDetector.get_ranking(dataset=None, emb_space=x, labels=y)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "first": int(result[0][1])}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("pyod")
    p.add_argument("model", choices=["knn", "ecod", "hbos", "iforest"])
    p.add_argument("--embeddings", required=True)
    p.add_argument("--pyod-src", required=True)
    p = sub.add_parser("cleanlab")
    p.add_argument("--pred-probs", required=True)
    p.add_argument("--labels", required=True)
    p.add_argument("--cleanlab-src", required=True)
    p = sub.add_parser("noiserank")
    p.add_argument("--embeddings", required=True)
    p.add_argument("--labels", required=True)
    p.add_argument("--cleanpatrick-src", required=True)
    a = ap.parse_args()
    run = {"pyod": pyod, "cleanlab": cleanlab, "noiserank": noiserank}[a.what]
    result = run(a)
    result.update({"python": platform.python_version(), "numpy": np.__version__, "cpu_count": os.cpu_count(),
                   "openblas_env": {k: os.environ.get(k) for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}})
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
