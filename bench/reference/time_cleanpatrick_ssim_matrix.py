#!/usr/bin/python3
"""Time CleanPatrick's own all-pairs SSIM loop, SSIMComputer.compute_full_ssim_matrix, on this machine.

usage: time_cleanpatrick_ssim_matrix.py --cleanpatrick-src DIR [--thumbs 2000] [--workers 8] [--out FILE]

This is the loop CleanPatrick runs (src/precompute_hashes.py, imported unchanged from --cleanpatrick-src, an
export of Digital-Dermatology/CleanPatrick): per row i a ThreadPoolExecutor(max_workers=workers) maps fast_ssim over
j > i, writes both triangles of a float32 memmap and flushes it; workers defaults to 8, the value
CleanPatrick's own entry point (precompute_hashes.py __main__) passes. It is run over --thumbs random 64 x 64 gray
PNG thumbnails (numpy RandomState(1); SSIM's cost does not depend on the pixel values) written to a temporary
folder and preloaded by SSIMComputer itself (target_size=None: they already are 64 x 64); only
compute_full_ssim_matrix is timed. Prints one JSON object (also written to --out).
Needs Debian's python3-opencv, python3-numpy, python3-tqdm.
"""
import argparse
import os
import platform
import sys
import tempfile
import time

import cv2
import numpy as np

from timing import random_thumbs, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cleanpatrick-src", required=True)
    ap.add_argument("--thumbs", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--out")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.cleanpatrick_src, "src"))
    from precompute_hashes import SSIMComputer  # CleanPatrick's code, not ours

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k, thumb in enumerate(random_thumbs(a.thumbs)):
            f = os.path.join(tmp, "t%05d.png" % k)
            cv2.imwrite(f, thumb)
            files.append(f)
        comp = SSIMComputer(files, pool_workers=a.workers, target_size=None, kernel_size=7)
        t0 = time.perf_counter()
        m = comp.compute_full_ssim_matrix(memmap_filename=os.path.join(tmp, "ssim_matrix.dat"))
        seconds = time.perf_counter() - t0
        checksum = float(np.asarray(m, dtype=np.float64).sum())
        del m
    pairs = a.thumbs * (a.thumbs - 1) // 2
    res = {
        "what": "CleanPatrick SSIMComputer.compute_full_ssim_matrix (fast_ssim, kernel 7) over random 64x64 thumbnails",
        "thumbs": a.thumbs,
        "pairs": pairs,
        "workers": a.workers,
        "seconds": seconds,
        "us_per_pair": seconds / pairs * 1e6,
        "matrix_sum": checksum,
        "cpu_count": os.cpu_count(),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "opencv": cv2.__version__,
        "loadavg_after": os.getloadavg(),
    }
    report(res, a.out)


if __name__ == "__main__":
    main()
