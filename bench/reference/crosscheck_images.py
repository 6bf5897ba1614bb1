#!/usr/bin/python3
"""Cross-check cleanrank's image detectors against the reference libraries on images no golden covers.

usage: crosscheck_images.py --cleanrank ./cleanrank --cleanpatrick-src CP --imagehash-src IH
                            [--count 48] [--seed 7] [--keep DIR] [--out FILE]

Generates --count new images plus 7 degenerate ones (black, white, flat gray, stripes, ramps, checker) (numpy RandomState(seed): smooth gradients, ellipses, text-like bars and noise,
random sizes 24..320 px) in the formats the issue lists: RGB / gray / gray+alpha / RGBA / palette / 16-bit PNG,
baseline and progressive JPEG of several qualities, a CMYK JPEG, a JPEG with EXIF orientation 6, and
near-duplicates (re-compressed, brightened or cropped copies), so the SSIM and hash rankings have close pairs.
Then computes, with the references themselves:
  - imagehash.phash(Image.open(f), hash_size) for 8 and 16 (--imagehash-src: an export of
    JohannesBuchner/imagehash; Debian's python3-pil and python3-scipy);
  - cv2.img_hash.PHash_create().compute(cv2.imread(f, cv2.IMREAD_GRAYSCALE)) (Debian python3-opencv);
  - CleanPatrick's SSIMComputer(files, target_size=(64, 64)).compute_full_ssim_matrix() (--cleanpatrick-src);
  - skimage.metrics.structural_similarity(data_range=255) on the same thumbnails, defaults and the Gaussian
    variant (Debian python3-skimage; skipped with a note when it is missing);
and runs `cleanrank hash` / `cleanrank ssim` on the same folder, then compares: hashes string for string,
fast SSIM float32 bit for bit (off the diagonal: compute_full_ssim_matrix unpacks each result's (i, j) pair as
the column index, so its diagonal ends up holding row i's last distance; ours writes 0), the
scikit-image variants within 1e-5. Prints a report (also written to --out); exit status 1 on any mismatch.
"""
import argparse
import csv
import io
import os
import subprocess
import sys
import tempfile

import cv2
import numpy as np
from PIL import Image


def smooth_image(rng, w, h):
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    img = np.zeros((h, w, 3))
    for c in range(3):
        a, b, d = rng.uniform(-1, 1, 3)
        img[:, :, c] = 128 + 90 * np.sin(a * xx / max(w, 1) * 6 + b * yy / max(h, 1) * 6 + d * 3)
    for _ in range(rng.randint(2, 7)):
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        rx, ry = rng.uniform(3, w / 2 + 3), rng.uniform(3, h / 2 + 3)
        mask = ((xx - cx) / rx) ** 2 + ((yy - cy) / ry) ** 2 <= 1
        img[mask] = rng.uniform(0, 255, 3)
    for _ in range(rng.randint(0, 5)):
        y0 = rng.randint(0, h)
        img[y0:y0 + rng.randint(1, 4), rng.randint(0, w):] = rng.uniform(0, 255, 3)
    img += rng.normal(0, rng.uniform(0, 12), img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def generate(folder, count, seed):
    rng = np.random.RandomState(seed)
    names = []
    base = None
    for k in range(count):
        kind = k % 12
        w, h = int(rng.randint(24, 321)), int(rng.randint(24, 321))
        if kind in (9, 10, 11) and base is not None:
            src = base.copy()
        else:
            src = smooth_image(rng, w, h)
            base = src
        im = Image.fromarray(src, "RGB")
        name = "u%03d" % k
        if kind == 0:
            f = name + "_rgb.png"
            im.save(os.path.join(folder, f))
        elif kind == 1:
            f = name + "_q%d.jpg" % (50 + 10 * (k % 5))
            im.save(os.path.join(folder, f), quality=50 + 10 * (k % 5))
        elif kind == 2:
            f = name + "_progressive.jpg"
            im.save(os.path.join(folder, f), quality=85, progressive=True)
        elif kind == 3:
            f = name + "_gray.png"
            im.convert("L").save(os.path.join(folder, f))
        elif kind == 4:
            f = name + "_rgba.png"
            a = Image.fromarray(rng.randint(0, 256, (im.size[1], im.size[0]), dtype=np.uint8), "L")
            rgba = im.copy()
            rgba.putalpha(a)
            rgba.save(os.path.join(folder, f))
        elif kind == 5:
            f = name + "_palette.png"
            im.convert("P", palette=getattr(Image, "Palette", Image).ADAPTIVE, colors=64).save(os.path.join(folder, f))
        elif kind == 6:
            f = name + "_gray16.png"
            g16 = (np.asarray(im.convert("L"), dtype=np.uint16) * 257 + rng.randint(0, 257, (h, w))).astype(np.uint16)
            cv2.imwrite(os.path.join(folder, f), g16)
        elif kind == 7:
            f = name + "_graya.png"
            la = im.convert("LA")
            la.save(os.path.join(folder, f))
        elif kind == 8:
            if k % 24 == 8:
                f = name + "_cmyk.jpg"
                im.convert("CMYK").save(os.path.join(folder, f), quality=90)
            else:
                f = name + "_exif6.jpg"
                exif = Image.Exif()
                exif[0x0112] = 6
                im.save(os.path.join(folder, f), quality=90, exif=exif.tobytes())
        elif kind == 9:
            f = name + "_dup_recompressed.jpg"
            im.save(os.path.join(folder, f), quality=70)
        elif kind == 10:
            f = name + "_dup_brighter.png"
            Image.fromarray(np.clip(src.astype(np.int32) + 12, 0, 255).astype(np.uint8), "RGB").save(os.path.join(folder, f))
        else:
            f = name + "_dup_crop.png"
            hh, ww = src.shape[:2]
            Image.fromarray(src[hh // 20: hh - hh // 20, ww // 20: ww - ww // 20].copy(), "RGB").save(os.path.join(folder, f))
        names.append(f)
    # degenerate images real datasets contain (blank scans, placeholders, stripes, ramps): their DCTs have
    # exact zeros, where the references' FFT-based DCTs and a direct sum differ in the last bits
    w, h = 64 + seed % 50, 48 + seed % 30
    flat = {
        "z_black.png": np.zeros((h, w, 3), np.uint8),
        "z_white.jpg": np.full((h, w, 3), 255, np.uint8),
        "z_gray128.png": np.full((h, w, 3), 128, np.uint8),
        "z_hstripes.png": np.repeat((np.arange(h) // 4 % 2 * 200 + 20).astype(np.uint8)[:, None, None], w, 1).repeat(3, 2),
        "z_vramp.png": np.repeat(np.linspace(0, 255, h).astype(np.uint8)[:, None, None], w, 1).repeat(3, 2),
        "z_hramp.png": np.repeat(np.linspace(0, 255, w).astype(np.uint8)[None, :, None], h, 0).repeat(3, 2),
        "z_checker.png": ((np.indices((h, w)).sum(0) // 8 % 2) * 255).astype(np.uint8)[:, :, None].repeat(3, 2),
    }
    for f, arr in flat.items():
        Image.fromarray(arr, "RGB").save(os.path.join(folder, f), quality=95)
        names.append(f)
    return sorted(names)


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("failed: %s\n%s" % (" ".join(cmd), r.stderr))


def read_hashes(path):
    with open(path) as fh:
        return {os.path.basename(row["file"]): row["hash"] for row in csv.DictReader(fh)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cleanrank", required=True)
    ap.add_argument("--cleanpatrick-src", required=True)
    ap.add_argument("--imagehash-src", required=True)
    ap.add_argument("--count", type=int, default=48)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep")
    ap.add_argument("--out")
    a = ap.parse_args()
    sys.path.insert(0, a.imagehash_src)
    sys.path.insert(0, os.path.join(a.cleanpatrick_src, "src"))
    import imagehash  # the library's public source, not ours
    from precompute_hashes import SSIMComputer  # CleanPatrick's code, not ours

    out = io.StringIO()
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = a.keep or os.path.join(tmp, "images")
        os.makedirs(folder, exist_ok=True)
        names = generate(folder, a.count, a.seed)
        files = [os.path.join(folder, f) for f in names]
        print("%d new images (seed %d) in %s" % (len(files), a.seed, folder), file=out)

        # hashes
        ref = {
            ("imagehash", 8): {f: str(imagehash.phash(Image.open(os.path.join(folder, f)), hash_size=8)) for f in names},
            ("imagehash", 16): {f: str(imagehash.phash(Image.open(os.path.join(folder, f)), hash_size=16)) for f in names},
        }
        ph = cv2.img_hash.PHash_create()
        ref[("opencv", 8)] = {f: bytes(ph.compute(cv2.imread(os.path.join(folder, f), cv2.IMREAD_GRAYSCALE))[0]).hex()
                              for f in names}
        for (alg, size), expected in sorted(ref.items()):
            csv_path = os.path.join(tmp, "%s%d.csv" % (alg, size))
            run([a.cleanrank, "hash", "--images", folder, "--algorithm", alg, "--hash-size", str(size), "--out", csv_path])
            got = read_hashes(csv_path)
            bad = [f for f in names if got.get(f) != expected[f]]
            failures += len(bad)
            print("hash %-9s size %2d: %d/%d identical%s" % (alg, size, len(names) - len(bad), len(names),
                  "" if not bad else "  MISMATCH: " + ", ".join("%s (%s vs %s)" % (f, got.get(f), expected[f]) for f in bad)),
                  file=out)

        # SSIM on CleanPatrick's 64 x 64 INTER_AREA gray thumbnails
        comp = SSIMComputer(files, pool_workers=8, target_size=(64, 64), kernel_size=7)
        fast_ref = np.asarray(comp.compute_full_ssim_matrix(memmap_filename=os.path.join(tmp, "ssim.dat")), dtype=np.float32)
        run([a.cleanrank, "ssim", "--images", folder, "--variant", "fast", "--out", os.path.join(tmp, "fast.npy")])
        fast = np.load(os.path.join(tmp, "fast.npy"))
        off = ~np.eye(len(files), dtype=bool)
        same = int((fast[off].view(np.uint32) == fast_ref[off].view(np.uint32)).sum())
        worst = float(np.abs(fast[off].astype(np.float64) - fast_ref[off]).max())
        failures += int(off.sum()) - same
        print("fast SSIM (CleanPatrick compute_full_ssim_matrix): %d/%d off-diagonal entries bit-identical, worst |diff| %.3g"
              % (same, int(off.sum()), worst), file=out)
        # the rankings a user sees: pairs i < j by distance, ties as equal
        iu = np.triu_indices(len(files), 1)
        order_ref = np.argsort(fast_ref[iu], kind="stable")
        order = np.argsort(fast[iu], kind="stable")
        print("fast SSIM ranking of the %d pairs identical: %s" % (len(order), bool((order == order_ref).all())), file=out)
        try:
            from skimage.metrics import structural_similarity
        except ImportError:
            structural_similarity = None
            print("scikit-image variants: skipped (python3-skimage not installed)", file=out)
        if structural_similarity is not None:
            thumbs = [comp.gray_images[f] for f in files]
            for variant, kw in (("skimage", {}), ("gaussian", {"gaussian_weights": True, "sigma": 1.5,
                                                                "use_sample_covariance": False})):
                n = len(thumbs)
                expected = np.zeros((n, n))
                for i in range(n):
                    for j in range(i + 1, n):
                        expected[i, j] = expected[j, i] = 1 - structural_similarity(thumbs[i], thumbs[j], data_range=255, **kw)
                run([a.cleanrank, "ssim", "--images", folder, "--variant", variant, "--out", os.path.join(tmp, variant + ".npy")])
                got = np.load(os.path.join(tmp, variant + ".npy")).astype(np.float64)
                worst = float(np.abs(got - expected)[off].max())
                failures += int(worst > 1e-5)
                print("%s SSIM (skimage %s): worst |diff| %.3g over %d pairs (tolerance 1e-5)"
                      % (variant, __import__("skimage").__version__, worst, n * (n - 1) // 2), file=out)
    text = out.getvalue() + ("all checks passed\n" if failures == 0 else "%d MISMATCHES\n" % failures)
    print(text, end="")
    if a.out:
        with open(a.out, "w") as fh:
            fh.write(text)
    sys.exit(0 if failures == 0 else 1)


if __name__ == "__main__":
    main()
