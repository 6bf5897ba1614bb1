#!/usr/bin/python3
"""Compare cleanrank's ranking CSVs with the reference's .npy rankings (time_selfclean.py --out).

usage: compare_rankings.py OURS_DIR REF_DIR
OURS_DIR holds near_duplicates.csv, off_topic.csv, label_errors.csv (./cleanrank selfclean --out);
REF_DIR holds near_duplicates_{indices,scores}.npy, off_topic_*, label_errors_*.
Prints one JSON object of agreement figures.
"""
import json
import sys

import numpy as np


def read_csv(path, cols):
    data = np.genfromtxt(path, delimiter=",", names=True, dtype=None, encoding="ascii")
    return [np.asarray(data[c]) for c in cols]


def main(ours, ref):
    out = {}
    i, j, d = read_csv(f"{ours}/near_duplicates.csv", ["i", "j", "distance"])
    rd = np.load(f"{ref}/near_duplicates_scores.npy")[: len(d)]
    rij = np.load(f"{ref}/near_duplicates_indices.npy", mmap_mode="r")[: len(d)]
    out["near_duplicates_ranks"] = int(len(d))
    out["near_duplicates_max_abs_distance_diff_at_rank"] = float(np.max(np.abs(d.astype(np.float64) - rd)))
    out["near_duplicates_same_pair_at_rank"] = float(np.mean((rij[:, 0] == i) & (rij[:, 1] == j)))
    for name in ["off_topic", "label_errors"]:
        idx, score = read_csv(f"{ours}/{name}.csv", ["index", "score"])
        ridx = np.load(f"{ref}/{name}_indices.npy")
        rsc = np.load(f"{ref}/{name}_scores.npy").astype(np.float64)
        out[f"{name}_same_index_at_rank"] = float(np.mean(idx == ridx))
        out[f"{name}_first_rank_that_differs"] = int(np.argmax(idx != ridx)) if np.any(idx != ridx) else None
        out[f"{name}_max_abs_score_diff_at_rank"] = float(np.nanmax(np.abs(score - rsc)))
        k = min(100, len(idx))
        out[f"{name}_top{k}_overlap"] = len(set(idx[:k]) & set(ridx[:k])) / k
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
