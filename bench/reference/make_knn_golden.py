#!/usr/bin/python3
"""Make the kNN goldens in fixtures/golden/knn/: inputs plus FAISS IndexFlatIP's answers.

Run from the repository root with Debian's python (apt-get install -y python3-faiss python3-numpy):

    /usr/bin/python3 bench/reference/make_knn_golden.py

Every search is FAISS's exact inner-product search on L2-normalised float32 rows, exactly:

    xb = base.astype(np.float32).copy();    faiss.normalize_L2(xb)
    xq = queries.astype(np.float32).copy(); faiss.normalize_L2(xq)   # self-search: xq = xb
    index = faiss.IndexFlatIP(d); index.add(xb)
    D, I = index.search(xq, k)

Searches, named <kind>_k<K> in each case folder (<name>_indices.npy int64, <name>_similarities.npy
float32, rows x K):
  selfincl_k<K>  base against itself, FAISS's plain self-search (each row is among its own candidates)
  self_k<K>      self excluded: FAISS has no such option, so this is search(xb, K + 1) with row i
                 removed from row i's list (if row i is not in it, its K + 1 best tie with row i's own
                 similarity and the last entry is dropped instead)
  query_k<K>     queries.npy against base.npy
Short lists are FAISS's own padding: index -1, similarity -3.4028235e38.

Inputs are seeded (numpy RandomState) and written next to the outputs, except the 600 x 64 case,
which reuses the SelfClean golden set fixtures/golden/selfclean/synth_n600_d64_seed1/embeddings.npy.
The case.properties file of each folder names its base and queries (paths relative to
fixtures/golden) and its searches.
"""
import json
import platform
import sys
from pathlib import Path

import faiss
import numpy as np

ROOT = Path(__file__).resolve().parents[2] / "fixtures" / "golden"
OUT = ROOT / "knn"


def normalised(x):
    y = np.ascontiguousarray(x, dtype=np.float32).copy()
    faiss.normalize_L2(y)
    return y


def faiss_search(base, queries, k):
    xb = normalised(base)
    xq = normalised(queries)
    index = faiss.IndexFlatIP(xb.shape[1])
    index.add(xb)
    return index.search(xq, k)


def self_excluded(base, k):
    sims, idx = faiss_search(base, base, k + 1)
    out_s = np.empty((base.shape[0], k), np.float32)
    out_i = np.empty((base.shape[0], k), np.int64)
    for i in range(base.shape[0]):
        keep = np.flatnonzero(idx[i] != i)[:k]
        out_s[i] = sims[i, keep]
        out_i[i] = idx[i, keep]
    return out_s, out_i


def write_case(name, base_path, searches, queries_path=None):
    folder = OUT / name
    folder.mkdir(parents=True, exist_ok=True)
    base = np.load(ROOT / base_path)
    queries = np.load(ROOT / queries_path) if queries_path else None
    for search in searches:
        kind, k = search.rsplit("_k", 1)
        k = int(k)
        if kind == "self":
            sims, idx = self_excluded(base, k)
        elif kind == "selfincl":
            sims, idx = faiss_search(base, base, k)
        elif kind == "query":
            sims, idx = faiss_search(base, queries, k)
        else:
            raise ValueError(search)
        np.save(folder / f"{search}_indices.npy", idx.astype(np.int64))
        np.save(folder / f"{search}_similarities.npy", sims.astype(np.float32))
    lines = [f"base={base_path}"]
    if queries_path:
        lines.append(f"queries={queries_path}")
    lines.append("searches=" + ",".join(searches))
    (folder / "case.properties").write_text("\n".join(lines) + "\n")


def save_input(name, file, x):
    folder = OUT / name
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / file, np.ascontiguousarray(x, dtype=np.float32))
    return f"knn/{name}/{file}"


def adversarial(rs):
    """Integer-valued rows (equal cosines everywhere), exact duplicates, zero rows, scaled copies."""
    ternary = rs.randint(-1, 2, size=(80, 16)).astype(np.float32)
    duplicates = ternary[rs.randint(0, 80, size=40)]
    zeros = np.zeros((10, 16), np.float32)
    scaled = ternary[rs.randint(0, 80, size=20)] * np.float32(3.7)
    gaussian = rs.randn(50, 16).astype(np.float32)
    rows = np.concatenate([ternary, duplicates, zeros, scaled, gaussian])
    base = rows[rs.permutation(rows.shape[0])]
    queries = np.concatenate([
        base[rs.randint(0, base.shape[0], size=12)],  # exact copies of base rows
        np.zeros((3, 16), np.float32),
        rs.randint(-1, 2, size=(15, 16)).astype(np.float32),
    ])
    return base, queries[rs.permutation(queries.shape[0])]


def main():
    rs = np.random.RandomState(20261206)
    write_case(
        "selfclean_600x64",
        "selfclean/synth_n600_d64_seed1/embeddings.npy",
        ["self_k10", "selfincl_k10"],
    )
    base = rs.randn(300, 64).astype(np.float32)
    queries = rs.randn(50, 64).astype(np.float32)
    write_case(
        "queries_50x64_base_300x64",
        save_input("queries_50x64_base_300x64", "base.npy", base),
        ["query_k10"],
        save_input("queries_50x64_base_300x64", "queries.npy", queries),
    )
    base, queries = adversarial(rs)
    write_case(
        "adversarial_200x16",
        save_input("adversarial_200x16", "base.npy", base),
        ["self_k10", "selfincl_k15", "query_k10"],
        save_input("adversarial_200x16", "queries.npy", queries),
    )
    tiny = rs.randn(7, 8).astype(np.float32)
    tiny[3] = 0
    tiny[5] = tiny[1]
    write_case("tiny_7x8", save_input("tiny_7x8", "base.npy", tiny), ["self_k10", "selfincl_k10"])
    versions = {
        "faiss": faiss.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "faiss_threads": faiss.omp_get_max_threads(),
    }
    (OUT / "versions.json").write_text(json.dumps(versions, indent=2) + "\n")
    print(json.dumps(versions), file=sys.stderr)


if __name__ == "__main__":
    main()
