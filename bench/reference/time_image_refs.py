#!/usr/bin/python3
"""Time the image references CleanPatrick uses, on this machine, for comparison with ImageDetectorBenchmark.

usage: time_image_refs.py --cleanpatrick-src DIR --images DIR [--ssim-thumbs 200] [--imagehash-src DIR]

- fast_ssim: CleanPatrick's own function (src/precompute_hashes.py, imported from --cleanpatrick-src, an
  export of Digital-Dermatology/CleanPatrick), timed over all pairs of K random 64x64 uint8 thumbnails
  (seeded; SSIM's cost does not depend on the pixel values), reported per pair and extrapolated to the
  1,999,000 pairs of 2,000 thumbnails.
- OpenCV PHash (cv2.img_hash.PHash_create().compute, Debian python3-opencv 4.6) per image on the
  IMREAD_GRAYSCALE pixels of --images, and decode + hash (cv2.imread + compute) per image.
- imagehash (with --imagehash-src, an export of JohannesBuchner/imagehash; Debian's python3-pil and
  python3-scipy): imagehash.phash per image on images already decoded by Pillow (convert('L') + LANCZOS +
  DCT + median), and decode to hash (imagehash.phash(Image.open(f))).
Prints one JSON object. Needs Debian's python3-opencv, python3-numpy, python3-tqdm.
"""
import argparse
import glob
import json
import os
import sys
import time

import cv2
import numpy as np

from timing import random_thumbs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cleanpatrick-src", required=True)
    ap.add_argument("--images", required=True)
    ap.add_argument("--ssim-thumbs", type=int, default=200)
    ap.add_argument("--imagehash-src")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.cleanpatrick_src, "src"))
    from precompute_hashes import fast_ssim  # CleanPatrick's code, not ours

    thumbs = random_thumbs(a.ssim_thumbs)
    pairs = 0
    t0 = time.perf_counter()
    for i in range(len(thumbs)):
        for j in range(i + 1, len(thumbs)):
            fast_ssim(thumbs[i], thumbs[j], kernel_size=7)
            pairs += 1
    ssim_s = time.perf_counter() - t0

    files = sorted(glob.glob(os.path.join(a.images, "*")))
    grays = [cv2.imread(f, cv2.IMREAD_GRAYSCALE) for f in files]
    ph = cv2.img_hash.PHash_create()
    reps = 50
    t0 = time.perf_counter()
    for _ in range(reps):
        for g in grays:
            ph.compute(g)
    phash_us = (time.perf_counter() - t0) / (reps * len(grays)) * 1e6
    t0 = time.perf_counter()
    for _ in range(10):
        for f in files:
            ph.compute(cv2.imread(f, cv2.IMREAD_GRAYSCALE))
    decode_us = (time.perf_counter() - t0) / (10 * len(files)) * 1e6
    extra = {}
    if a.imagehash_src:
        sys.path.insert(0, a.imagehash_src)
        import imagehash  # the library's public source, not ours
        from PIL import Image
        imgs = []
        for f in files:
            im = Image.open(f)
            im.load()
            imgs.append(im)
        t0 = time.perf_counter()
        for _ in range(reps):
            for im in imgs:
                imagehash.phash(im)
        extra["imagehash_phash_us_per_image_from_decoded"] = (time.perf_counter() - t0) / (reps * len(imgs)) * 1e6
        t0 = time.perf_counter()
        for _ in range(10):
            for f in files:
                imagehash.phash(Image.open(f))
        extra["imagehash_phash_us_per_image_decode_to_hash"] = (time.perf_counter() - t0) / (10 * len(files)) * 1e6
        import PIL
        extra["pillow"] = PIL.__version__
    print(json.dumps({**extra, **{
        "fast_ssim_pairs_timed": pairs,
        "fast_ssim_seconds": ssim_s,
        "fast_ssim_us_per_pair": ssim_s / pairs * 1e6,
        "fast_ssim_2000_thumbs_all_pairs_seconds_extrapolated": ssim_s / pairs * 1999000,
        "opencv_phash_us_per_image_from_pixels": phash_us,
        "opencv_phash_us_per_image_decode_to_hash": decode_us,
        "images": len(files),
        "opencv": cv2.__version__,
        "numpy": np.__version__,
        "cv2_threads": cv2.getNumThreads(),
    }}, indent=1))


if __name__ == "__main__":
    main()
