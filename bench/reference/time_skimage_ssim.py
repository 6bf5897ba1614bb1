#!/usr/bin/python3
"""Time scikit-image's structural_similarity per pair of 64 x 64 uint8 thumbnails, as SkimageSsimBenchmark runs ours.

usage: time_skimage_ssim.py [--thumbs 40] [--out FILE]

All pairs of --thumbs random 64 x 64 uint8 images (numpy RandomState(1)), one call per pair, one thread:
structural_similarity(a, b, data_range=255) (defaults: 7 x 7 uniform window, sample covariance) and the
Gaussian variant (gaussian_weights=True, sigma=1.5, use_sample_covariance=False). Debian's python3-skimage.
Prints one JSON object (also written to --out).
"""
import argparse
import time

import numpy as np
import skimage
from skimage.metrics import structural_similarity

from timing import random_thumbs, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--thumbs", type=int, default=40)
    ap.add_argument("--out")
    a = ap.parse_args()
    thumbs = random_thumbs(a.thumbs)
    res = {"skimage": skimage.__version__, "numpy": np.__version__, "thumbs": a.thumbs}
    for name, kw in (("uniform", {}), ("gaussian", {"gaussian_weights": True, "sigma": 1.5, "use_sample_covariance": False})):
        pairs = 0
        t0 = time.perf_counter()
        for i in range(len(thumbs)):
            for j in range(i + 1, len(thumbs)):
                structural_similarity(thumbs[i], thumbs[j], data_range=255, **kw)
                pairs += 1
        res[name + "_us_per_pair"] = (time.perf_counter() - t0) / pairs * 1e6
        res["pairs"] = pairs
    report(res, a.out)


if __name__ == "__main__":
    main()
