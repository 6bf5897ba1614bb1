#!/usr/bin/python3
"""Scaling profile: every detector, cleanrank and the references, at growing N; CSV, log-log plot, table.

usage: bench/scaling/run_scaling.py [--out results/] [--detectors selfclean,knn,...] [--refs --ref-src DIR]
           [--budget-us-per-point 2000,ssim=50000[,DETECTOR[/IMPL]=US...]] [--max-seconds 900] [--max-n 1024000]
           [--max-rss-gb 16] [--cleanrank CMD] [--data-dir DIR] [--sizes N,N,...] [--repeat R] [--fit-min-n N]
           [--plot-only]

Each measurement is one whole process: `cleanrank <command>` (JVM start, loading and writing included) or one
reference script (bench/scaling/time_refs.py, bench/reference/time_selfclean.py,
bench/reference/time_cleanpatrick_ssim_matrix.py). Wall time: time.perf_counter() around the process; peak
RSS: ru_maxrss of the process from os.wait4 (the largest resident set of the process and any of its waited-for
children, i.e. the JVM behind the ./cleanrank launcher). For the references the `seconds` column is the
reference call alone as their scripts time it (imports and loading excluded, in the references' favour); their
whole-process wall time is in `process_seconds`.

Sizes: N = start x 2^k (start 1,000; 125 for SSIM, whose reference costs ~0.4 ms per pair) up to --max-n. A
detector stops growing after a size whose time per item exceeds --budget-us-per-point (once it has --min-sizes
sizes), or whose wall time exceeds --max-seconds; a size is not started when the last two sizes predict that it
would exceed --max-seconds or --max-rss-gb (slope at least 1 for time), and a run is killed at
3 x --max-seconds. Every measurement is merged into OUT/scaling.csv as soon as it ends (rows keyed by detector,
implementation, n, d; a rerun skips sizes already measured unless --force), so an interrupted run loses nothing.
At the end (or with --plot-only) it writes OUT/scaling.svg (time vs N, log-log, cleanrank solid, references
dashed, slope of log t on log n over the sizes above the smallest in the legend), OUT/scaling-rss.svg and
OUT/scaling.md (per detector: sizes, largest N, time and RSS there, slope, why it stopped).
Inputs are generated into --data-dir and reused: embeddings with `cleanrank demo-embeddings --write-only`
(N x 384 float32, 20 classes), out-of-fold-like probabilities from its labels (numpy, seeded), and 64 x 64
gray PNG images (numpy + OpenCV or Pillow, seeded per block of 1,000; a folder of N hard links per size).
The reference sources are exports outside the repository: bench/scaling/prepare_refs.sh DIR, then --ref-src DIR.
"""
import argparse
import csv
import datetime
import json
import math
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
COLUMNS = ["detector", "implementation", "n", "d", "seconds", "peak_rss_mb", "process_seconds", "load1_before",
           "date"]
OURS, REF = "cleanrank", "reference"
DIM = 384
CLASSES = 20
TOP_PAIRS = "100000"
# FAISS IndexFlatIP self-search timing (the knn change's script: normalize_L2, add, then the timed search call)
FAISS_SCRIPT = "bench/reference/time_faiss_knn.py"
IMAGE_SIDE = 64
# us per item; all-pairs SSIM costs ~2.5 us per pair here, i.e. ~1 ms per item per 1,000 items: its own budget lets
# cleanrank's curve reach ~16k images while CleanPatrick's loop (~0.4 ms per pair) stops at ~2k either way
DEFAULT_BUDGET = "2000,ssim=50000"
REF_ENV_UNSET = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")  # let OpenBLAS pick its best kernel (references only)


@dataclass
class Impl:
    """One implementation of a detector: how to build its command for a size, and what it needs."""
    command: object  # function(ctx, inputs, scratch) -> list of arguments
    seconds_key: str = None  # JSON key of the call time printed by a reference script (None: process wall time)
    needs: tuple = ()  # "cmd:<cleanrank subcommand>", "src:<--ref-src subfolder>", "file:<repository path>"
    note: str = ""


@dataclass
class Detector:
    name: str
    label: str  # for the table
    data: str  # "embeddings", "pred_probs" or "images"
    ours: Impl
    ref: Impl = None
    start: int = 1000
    d: int = DIM
    short: str = None  # for the plot's legend

    def __post_init__(self):
        self.short = self.short or self.label


def cli(ctx, *args):
    return ctx.cleanrank + [str(a) for a in args]


def py(ctx, script, *args):
    return [ctx.python, str(script)] + [str(a) for a in args]


def refs_script(ctx, *args):
    return py(ctx, HERE / "time_refs.py", *args)


def pyod_detector(model):
    return Detector(
        f"pyod-{model}", "PyOD " + {"knn": "KNN", "ecod": "ECOD", "hbos": "HBOS", "iforest": "IForest"}[model],
        "embeddings",
        Impl(lambda c, i, s: cli(c, "detect", model, "--embeddings", i["E"], "--out", s / "r.csv", "--quiet")),
        Impl(lambda c, i, s: refs_script(c, "pyod", model, "--embeddings", i["E"], "--pyod-src", c.src("pyod")),
             "seconds", ("src:pyod",), "PyOD fit + decision_scores_ + argsort"))


DETECTORS = [
    Detector("selfclean", "SelfClean, 3 rankings (cleanrank keeps the top-100k pairs)", "embeddings",
             Impl(lambda c, i, s: cli(c, "selfclean", "--embeddings", i["E"], "--labels", i["L"], "--out", s,
                                      "--pairs", TOP_PAIRS, "--quiet")),
             Impl(lambda c, i, s: py(c, REPO / "bench/reference/time_selfclean.py", "--selfclean-src",
                                     c.src("selfclean"), "--embeddings", i["E"], "--labels", i["L"]),
                  "seconds_total", ("src:selfclean",), "SelfCleanCleaner fit + predict, CleanPatrick's settings"),
             short="SelfClean, 3 rankings"),
    Detector("knn", "cosine kNN, k = 10 (reference: FAISS IndexFlatIP)", "embeddings",
             Impl(lambda c, i, s: cli(c, "knn", "--embeddings", i["E"], "--k", 10, "--out", s, "--quiet"),
                  needs=("cmd:knn",)),
             Impl(lambda c, i, s: py(c, REPO / FAISS_SCRIPT, "--embeddings", i["E"], "--k", 10),
                  "seconds_search", ("file:" + FAISS_SCRIPT,), "faiss IndexFlatIP search(X, 10) alone"),
             short="cosine kNN, k = 10"),
    pyod_detector("knn"),
    pyod_detector("ecod"),
    pyod_detector("hbos"),
    pyod_detector("iforest"),
    Detector("noiserank", "NoiseRank", "embeddings",
             Impl(lambda c, i, s: cli(c, "detect", "noiserank", "--embeddings", i["E"], "--labels", i["L"],
                                      "--out", s / "r.csv", "--quiet")),
             Impl(lambda c, i, s: refs_script(c, "noiserank", "--embeddings", i["E"], "--labels", i["L"],
                                              "--cleanpatrick-src", c.src("cp")),
                  "seconds", ("src:cp",), "CleanPatrick NoiseRankDetector.get_ranking")),
    Detector("cl", "Confident Learning from pred_probs (C = 20)", "pred_probs",
             Impl(lambda c, i, s: cli(c, "detect", "cl", "--pred-probs", i["P"], "--labels", i["L"],
                                      "--filter-by", "prune_by_noise_rate", "--out", s / "r.csv", "--quiet")),
             Impl(lambda c, i, s: refs_script(c, "cleanlab", "--pred-probs", i["P"], "--labels", i["L"],
                                              "--cleanlab-src", c.src("cleanlab")),
                  "seconds", ("src:cleanlab",), "cleanlab find_label_issues ranked by self_confidence"),
             d=CLASSES, short="Confident Learning, pred_probs"),
    Detector("phash", "pHash (OpenCV) all-pairs Hamming, top-100k, decoding included", "images",
             Impl(lambda c, i, s: cli(c, "near-duplicates", "--images", i["I"], "--method", "phash-opencv",
                                      "--pairs", TOP_PAIRS, "--out", s / "pairs.csv")),
             d=IMAGE_SIDE * IMAGE_SIDE, short="pHash all pairs (with decoding)"),
    Detector("phash-decode", "pHash (OpenCV) decode + hash only, no pairs", "images",
             Impl(lambda c, i, s: cli(c, "hash", "--images", i["I"], "--algorithm", "opencv",
                                      "--out", s / "hashes.csv")),
             d=IMAGE_SIDE * IMAGE_SIDE, short="pHash decode + hash only"),
    Detector("ssim", "fast SSIM, all pairs of 64 x 64 images, top-100k (reference: CleanPatrick's loop)", "images",
             Impl(lambda c, i, s: cli(c, "near-duplicates", "--images", i["I"], "--method", "ssim",
                                      "--pairs", TOP_PAIRS, "--out", s / "pairs.csv")),
             Impl(lambda c, i, s: py(c, REPO / "bench/reference/time_cleanpatrick_ssim_matrix.py",
                                     "--cleanpatrick-src", c.src("cp"), "--thumbs", i["n"]),
                  "seconds", ("src:cp",), "CleanPatrick compute_full_ssim_matrix, 8 workers (its own thumbnails)"),
             start=125, d=IMAGE_SIDE * IMAGE_SIDE, short="fast SSIM all pairs"),
]
BY_NAME = {d.name: d for d in DETECTORS}


class Context:
    def __init__(self, a):
        self.cleanrank = shlex.split(a.cleanrank)
        self.python = a.python
        self.ref_src = Path(a.ref_src) if a.ref_src else None
        self.data = Path(a.data_dir)
        self.write_only = None  # whether this CLI's demo-embeddings has --write-only (asked once)

    def src(self, name):
        return self.ref_src / name


# ---------------------------------------------------------------- results file (merged after every measurement)

def key(row):
    return row["detector"], row["implementation"], int(row["n"]), int(row["d"])


def read_rows(path):
    if not path.exists():
        return {}
    with open(path, newline="") as f:
        return {key(r): r for r in csv.DictReader(f)}


def write_rows(path, rows):
    tmp = path.with_suffix(".csv.part")
    with open(tmp, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore")
        w.writeheader()
        for k in sorted(rows):
            w.writerow(rows[k])
    os.replace(tmp, path)


# ---------------------------------------------------------------- inputs

def log(msg):
    print(f"[{datetime.datetime.now():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def embeddings(ctx, n):
    out = ctx.data / "embeddings" / str(n)
    if not (out / "labels.npy").exists():
        tmp = out.with_name(out.name + ".part")
        shutil.rmtree(tmp, ignore_errors=True)
        if ctx.write_only is None:
            ctx.write_only = "--write-only" in subprocess.run(cli(ctx, "demo-embeddings", "--help"),
                                                              capture_output=True, text=True).stdout
        if ctx.write_only:
            log(f"generating {n} x {DIM} embeddings (demo-embeddings --write-only)")
            extra = ["--write-only"]
        else:  # an older CLI: it runs SelfClean on the set before writing it (slow at large N)
            log(f"generating {n} x {DIM} embeddings (demo-embeddings without --write-only: runs SelfClean too)")
            extra = ["--pairs", "1000"]
        r = subprocess.run(cli(ctx, "demo-embeddings", "--n", n, "--dim", DIM, "--out", tmp, *extra),
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"demo-embeddings failed (exit {r.returncode}): {r.stderr.strip()[-500:]}")
        shutil.rmtree(out, ignore_errors=True)
        os.replace(tmp, out)
    return {"E": out / "embeddings.npy", "L": out / "labels.npy"}


def pred_probs(ctx, n):
    """Out-of-fold-like probabilities for the set's labels: softmax of noise plus a bump on the given label."""
    import numpy as np

    inputs = embeddings(ctx, n)
    path = ctx.data / "pred_probs" / f"{n}.npy"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        labels = np.load(inputs["L"]).astype(np.int64)
        rng = np.random.default_rng(n)
        logits = rng.standard_normal((n, CLASSES)) * 1.5
        logits[np.arange(n), labels] += 3.0
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        np.save(path.with_suffix(".part.npy"), p)
        os.replace(path.with_suffix(".part.npy"), path)
    return {"P": path, "L": inputs["L"]}


IMAGE_BLOCK = 1000


def image_block(block):
    """IMAGE_BLOCK 64 x 64 gray pictures seeded by their block: smooth random blobs (bilinear 8 x 8 -> 64 x 64) plus
    a little noise; cheap to make and decode, and their pHashes spread like real pictures' (no degenerate ties)."""
    import numpy as np

    rng = np.random.default_rng(block)
    coarse = rng.integers(0, 256, (IMAGE_BLOCK, 8, 8)).astype(np.float32)
    t = (np.arange(IMAGE_SIDE) + 0.5) / (IMAGE_SIDE / 8) - 0.5
    i0 = np.clip(np.floor(t).astype(int), 0, 7)
    w = np.clip(t - i0, 0, 1).astype(np.float32)
    up = np.zeros((IMAGE_SIDE, 8), np.float32)  # bilinear interpolation matrix (edge-clamped)
    up[np.arange(IMAGE_SIDE), i0] += 1 - w
    up[np.arange(IMAGE_SIDE), np.clip(i0 + 1, 0, 7)] += w
    pics = up @ coarse @ up.T + rng.normal(0, 4, (IMAGE_BLOCK, IMAGE_SIDE, IMAGE_SIDE))
    return np.clip(np.rint(pics), 0, 255).astype(np.uint8)


def write_png(path, pixels):
    try:
        import cv2

        cv2.imwrite(str(path), pixels)
    except ImportError:
        from PIL import Image

        Image.fromarray(pixels).save(path)


def images(ctx, n):
    pool = ctx.data / "image-pool"
    folder = ctx.data / "images" / str(n)
    done = folder.with_name(f"{n}.done")
    if not done.exists():
        pool.mkdir(parents=True, exist_ok=True)
        blocks = -(-n // IMAGE_BLOCK)
        for b in range(blocks):
            marker = pool / f"block{b:05d}.done"
            if marker.exists():
                continue
            if b % 50 == 0:
                log(f"generating images {b * IMAGE_BLOCK:,}..{min(blocks * IMAGE_BLOCK, b * IMAGE_BLOCK + 50_000) - 1:,} "
                    f"({IMAGE_SIDE} x {IMAGE_SIDE} gray PNG)")
            for k, pixels in enumerate(image_block(b)):
                write_png(pool / f"img{b * IMAGE_BLOCK + k:07d}.png", pixels)
            marker.touch()
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for k in range(n):
            name = f"img{k:07d}.png"
            os.link(pool / name, folder / name)
        done.touch()
    return {"I": folder}


INPUTS = {"embeddings": embeddings, "pred_probs": pred_probs, "images": images}


# ---------------------------------------------------------------- one measurement

@dataclass
class Measured:
    code: int
    wall: float
    peak_rss_mb: float
    stdout: str
    stderr: str
    killed: bool = False


def measure(argv, env, timeout, log_stem):
    """Runs argv as its own process group; wall time around it, ru_maxrss from wait4 (KiB -> MiB)."""
    log_stem.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_stem.with_suffix(".out"), log_stem.with_suffix(".err")
    killed = threading.Event()
    with open(out_path, "w") as out, open(err_path, "w") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, stdout=out, stderr=err, env=env, start_new_session=True)

        def kill():
            killed.set()
            try:
                os.killpg(p.pid, signal.SIGKILL)  # only the group this harness started
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(p.pid, 0)
        except BaseException:  # interrupted harness: the child runs in its own session, so end it here
            kill()
            os.waitpid(p.pid, 0)
            raise
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    return Measured(p.returncode, wall, usage.ru_maxrss / 1024.0, out_path.read_text(), err_path.read_text(),
                    killed.is_set())


def reference_seconds(stdout, k):
    for line in reversed(stdout.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                value = json.loads(line)[k]
            except (ValueError, KeyError):
                continue
            return float(value)
    whole = stdout[stdout.find("{"):] if "{" in stdout else ""
    try:  # time_cleanpatrick_ssim_matrix.py prints indented JSON
        return float(json.loads(whole)[k])
    except (ValueError, KeyError):
        return None


# ---------------------------------------------------------------- growth and stopping

def slope(points):
    """Least-squares slope of log t on log n (points: [(n, t)])."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(max(t, 1e-9)) for _, t in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return None if sxx == 0 else sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx


def predict(points, n, lo, hi):
    """Extrapolates from the last two points with their slope clamped to [lo, hi]."""
    (n1, t1), (n2, t2) = points[-2], points[-1]
    s = min(max(math.log(max(t2, 1e-9) / max(t1, 1e-9)) / math.log(n2 / n1), lo), hi)
    return t2 * (n / n2) ** s


def budgets(text):
    """'2000' or '2000,ssim=100000,ssim/reference=500000': per-item budget in us, by detector[/implementation]."""
    out = {}
    for item in text.split(","):
        name, _, value = item.rpartition("=")
        out[name.strip()] = float(value)
    if "" not in out:
        raise argparse.ArgumentTypeError("give a default budget, e.g. 2000 or 2000,ssim=100000")
    return out


def budget_for(a, det_name, impl_name):
    b = a.budget_us_per_point
    return b.get(f"{det_name}/{impl_name}", b.get(det_name, b[""]))


def stop_reason(a, measured, n, budget):
    """Why size n is not run, given the earlier sizes' rows (None: run it)."""
    if not measured:
        return None
    last = measured[-1]
    per_point = float(last["seconds"]) / int(last["n"]) * 1e6
    if per_point > budget and len(measured) >= a.min_sizes:
        return f"{per_point:,.0f} us per item at N = {int(last['n']):,} > budget {budget:,.0f}"
    if float(last["process_seconds"]) > a.max_seconds:
        return f"{float(last['process_seconds']):,.0f} s at N = {int(last['n']):,} > --max-seconds {a.max_seconds:,.0f}"
    if len(measured) >= 2:
        pts = [(int(r["n"]), float(r["process_seconds"])) for r in measured]
        guess = predict(pts, n, 1.0, 3.0)
        if guess > a.max_seconds:
            return f"N = {n:,} predicted to take {guess:,.0f} s > --max-seconds {a.max_seconds:,.0f}"
        mem = predict([(int(r["n"]), float(r["peak_rss_mb"])) for r in measured], n, 0.0, 3.0)
        if mem > a.max_rss_gb * 1024:
            return f"N = {n:,} predicted to need {mem / 1024:,.1f} GiB > --max-rss-gb {a.max_rss_gb}"
    return None


def sizes_for(a, det):
    if a.sizes:
        return sorted(int(s) for s in a.sizes.split(","))
    out, n = [], det.start
    while n <= a.max_n:
        out.append(n)
        n *= 2
    return out


def available_subcommands(ctx):
    """Subcommands this cleanrank build offers (from its top-level help)."""
    r = subprocess.run(cli(ctx, "--help"), capture_output=True, text=True)
    text = r.stdout.split("Commands:", 1)[-1]
    return {line.split()[0] for line in text.splitlines() if line.startswith("  ") and line.strip()
            and not line.startswith("   ")}


def missing(ctx, commands, impl):
    """What this implementation needs and does not have (None: it can run)."""
    for need in impl.needs:
        kind, _, what = need.partition(":")
        if kind == "cmd" and what not in commands:
            return f"this cleanrank has no '{what}' command"
        if kind == "src" and (ctx.ref_src is None or not (ctx.ref_src / what).is_dir()):
            return f"no reference source '{what}' under --ref-src (bench/scaling/prepare_refs.sh DIR)"
        if kind == "file" and not (REPO / what).is_file():
            return f"no {what} in this checkout"
    return None


def run_detector(a, ctx, det, impl_name, impl, rows, stops, out_csv):
    tag = f"{det.name} ({impl_name})"
    measured = sorted((r for r in rows.values() if r["detector"] == det.name and r["implementation"] == impl_name
                       and int(r["d"]) == det.d), key=lambda r: int(r["n"]))
    env = dict(os.environ)
    if impl_name == REF:
        for k in REF_ENV_UNSET:
            env.pop(k, None)
    for n in sizes_for(a, det):
        k = (det.name, impl_name, n, det.d)
        if k in rows and not a.force:
            continue
        earlier = [r for r in measured if int(r["n"]) < n]
        why = stop_reason(a, earlier, n, budget_for(a, det.name, impl_name))
        if why:
            log(f"{tag}: stop: {why}")
            stops[f"{det.name}|{impl_name}"] = why
            return
        inputs = dict(INPUTS[det.data](ctx, n), n=n)
        best = None
        for rep in range(a.repeat):
            scratch = ctx.data / "scratch" / f"{det.name}-{impl_name}"
            shutil.rmtree(scratch, ignore_errors=True)
            scratch.mkdir(parents=True)
            argv = impl.command(ctx, inputs, scratch)
            load1 = os.getloadavg()[0]
            log(f"{tag}: N = {n:,} (load {load1:.2f}): {shlex.join(argv)}")
            m = measure(argv, env, 3 * a.max_seconds, ctx.data / "logs" / f"{det.name}-{impl_name}-{n}")
            shutil.rmtree(scratch, ignore_errors=True)
            if m.code != 0:
                what = "killed after 3 x --max-seconds" if m.killed else f"exit {m.code}"
                tail = " | ".join(m.stderr.strip().splitlines()[-3:])
                log(f"{tag}: N = {n:,} failed ({what}): {tail}")
                stops[f"{det.name}|{impl_name}"] = f"N = {n:,} failed ({what}): {tail[:200]}"
                return
            seconds = m.wall if impl.seconds_key is None else reference_seconds(m.stdout, impl.seconds_key)
            if seconds is None:
                log(f"{tag}: N = {n:,}: no '{impl.seconds_key}' in its output; stdout: {m.stdout[-300:]}")
                stops[f"{det.name}|{impl_name}"] = f"N = {n:,}: no timing in the reference's output"
                return
            row = {"detector": det.name, "implementation": impl_name, "n": n, "d": det.d,
                   "seconds": f"{seconds:.4f}", "peak_rss_mb": f"{m.peak_rss_mb:.1f}",
                   "process_seconds": f"{m.wall:.4f}", "load1_before": f"{load1:.2f}",
                   "date": datetime.datetime.now().isoformat(timespec="seconds")}
            log(f"{tag}: N = {n:,}: {seconds:.3f} s (process {m.wall:.3f} s), peak RSS {m.peak_rss_mb:,.0f} MiB")
            if best is None or float(row["seconds"]) < float(best["seconds"]):
                best = row
        rows[k] = best
        write_rows(out_csv, rows)
        measured = [r for r in measured if int(r["n"]) != n] + [best]
        measured.sort(key=lambda r: int(r["n"]))
    stops.pop(f"{det.name}|{impl_name}", None)


# ---------------------------------------------------------------- plot and table

def series(rows):
    out = {}
    for r in rows.values():
        out.setdefault((r["detector"], r["implementation"]), []).append(
            (int(r["n"]), float(r["seconds"]), float(r["peak_rss_mb"]), int(r["d"])))
    return {k: sorted(v) for k, v in out.items()}


FIT_MIN_N = None  # --fit-min-n


def fit_points(points, value):
    """(n, value) of the sizes the slope is fitted on: from --fit-min-n, else all but the smallest (start-up)."""
    kept = points[1:] if FIT_MIN_N is None else [p for p in points if p[0] >= FIT_MIN_N]
    return [(p[0], p[value]) for p in kept]


def fitted_slope(points):
    return slope(fit_points(points, 1))


def label_of(name):
    return BY_NAME[name].label if name in BY_NAME else name


# one fixed colour per detector (same colour for cleanrank and its reference), in DETECTORS order
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
           "#17becf", "#000000", "#aec7e8"]


def count_label(n, _pos=None):
    if n >= 1e6:
        return f"{n / 1e6:g}M"
    if n >= 1e3:
        return f"{n / 1e3:g}k"
    return f"{n:g}"


def plot(rows, out_dir, machine):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    data = series(rows)
    names = [d.name for d in DETECTORS] + sorted({k[0] for k in data} - set(BY_NAME))
    colour = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    names = [name for name in names if any(k[0] == name for k in data)]
    for value, what, unit, fname in ((1, "wall time", "s", "scaling.svg"), (2, "peak RSS", "MiB", "scaling-rss.svg")):
        fig, ax = plt.subplots(figsize=(12, 6.5))
        handles = []
        for name in names:
            slopes = []
            for impl, style, marker in ((OURS, "-", "o"), (REF, "--", "s")):
                pts = data.get((name, impl))
                if not pts:
                    continue
                ax.plot([p[0] for p in pts], [p[value] for p in pts], style, marker=marker, color=colour[name],
                        linewidth=1.8, markersize=4.5)
                s = slope(fit_points(pts, value))
                who = "ours" if impl == OURS else "ref"
                slopes.append(f"{who} {'n/a' if s is None else f'{s:.2f}'}")
            short = BY_NAME[name].short if name in BY_NAME else name
            handles.append(Line2D([], [], color=colour[name], linewidth=3, label=f"{short} (slope {', '.join(slopes)})"))
        ax.set_xscale("log")
        ax.set_yscale("log")
        for axis, fmt in ((ax.xaxis, count_label), (ax.yaxis, lambda v, _p: f"{v:g}")):
            axis.set_major_locator(LogLocator(base=10, subs=(1, 2, 5)))
            axis.set_major_formatter(FuncFormatter(fmt))
            axis.set_minor_formatter(NullFormatter())
        ax.set_xlabel("N (embedding rows, probability rows or images; log scale)")
        ax.set_ylabel(f"{what} ({unit}, log scale)")
        ax.set_title(f"cleanrank scaling profile: {what} vs N ({machine})", fontsize=10)
        ax.grid(True, which="major", alpha=0.4)
        ax.grid(True, which="minor", alpha=0.12)
        detectors = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8.5,
                              frameon=False, title=f"detector (slope of log {'t' if value == 1 else 'RSS'} on log N)",
                              title_fontsize=8.5, alignment="left")
        ax.add_artist(detectors)
        styles = [Line2D([], [], color="black", linestyle="-", marker="o", markersize=4.5,
                         label="cleanrank: whole CLI process" if value == 1 else "cleanrank: whole CLI process"),
                  Line2D([], [], color="black", linestyle="--", marker="s", markersize=4.5,
                         label="reference: its call alone" if value == 1 else "reference: whole process")]
        style_legend = ax.legend(handles=styles, loc="lower left", bbox_to_anchor=(1.01, 0.0), fontsize=8.5,
                                 frameon=False)
        fig.savefig(out_dir / fname, format="svg", bbox_inches="tight",
                    bbox_extra_artists=[detectors, style_legend])
        plt.close(fig)


def table(rows, stops, machine):
    data = series(rows)
    fitted = "the sizes above the smallest" if FIT_MIN_N is None else f"the sizes from N = {FIT_MIN_N:,}"
    lines = [f"Scaling profile ({machine}). Time: cleanrank = whole CLI process; reference = its call alone.",
             f"Slope: least squares of log t on log N over {fitted}.", "",
             "| detector | implementation | d | sizes | N range | s at largest N | peak RSS MiB there | slope | stopped |",
             "|---|---|---|---|---|---|---|---|---|"]
    order = {d.name: i for i, d in enumerate(DETECTORS)}
    for (name, impl), pts in sorted(data.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][1])):
        s = fitted_slope(pts)
        n, t, rss, d = pts[-1]
        stop = stops.get(f"{name}|{impl}", "reached --max-n" if name in BY_NAME else "")
        lines.append(f"| {label_of(name)} | {impl} | {d} | {len(pts)} | {pts[0][0]:,} - {n:,} | {t:,.2f} | "
                     f"{rss:,.0f} | {'n/a' if s is None else f'{s:.2f}'} | {stop} |")
    timed = [f"- {d.label}: {d.ref.note}" for d in DETECTORS if d.ref and (d.name, REF) in data]
    if timed:
        lines += ["", "Reference calls timed (`seconds`; the whole process is `process_seconds` in the CSV):"] + timed
    return "\n".join(lines) + "\n"


def machine_line():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {datetime.date.today().isoformat()}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--out", default=str(REPO / "results"), help="folder of scaling.csv/.svg/.md (default results/)")
    ap.add_argument("--detectors", default=",".join(d.name for d in DETECTORS),
                    help="comma-separated, default all: " + ",".join(d.name for d in DETECTORS))
    ap.add_argument("--refs", action="store_true", help="also run the references (needs --ref-src for most)")
    ap.add_argument("--no-ours", action="store_true", help="only the references")
    ap.add_argument("--ref-src", help="folder made by bench/scaling/prepare_refs.sh (selfclean, pyod, cleanlab, cp)")
    ap.add_argument("--budget-us-per-point", type=budgets, default=budgets(DEFAULT_BUDGET),
                    help=f"stop growing after a size slower than this per item, in us (default {DEFAULT_BUDGET}); "
                         "per detector or detector/implementation: 2000,ssim=50000,ssim/reference=500000")
    ap.add_argument("--min-sizes", type=int, default=5, help="sizes measured before the per-item budget applies")
    ap.add_argument("--max-seconds", type=float, default=900.0,
                    help="wall budget per run: not started if predicted above, stop after one above (default 900)")
    ap.add_argument("--max-rss-gb", type=float, default=16.0, help="do not start a size predicted above this")
    ap.add_argument("--max-n", type=int, default=1_024_000, help="largest N (default 1,024,000)")
    ap.add_argument("--sizes", help="explicit sizes, comma-separated (instead of start x 2^k)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per size; the fastest is kept (default 1)")
    ap.add_argument("--force", action="store_true", help="re-measure sizes already in scaling.csv")
    ap.add_argument("--cleanrank", default=str(REPO / "cleanrank"),
                    help="command that runs the CLI (default the repository's ./cleanrank launcher)")
    ap.add_argument("--python", default="/usr/bin/python3", help="Python for the references (Debian's)")
    ap.add_argument("--data-dir", default="/tmp/cleanrank-scaling", help="generated inputs, logs, scratch")
    ap.add_argument("--fit-min-n", type=int, help="fit slopes on sizes >= this (default: all but the smallest)")
    ap.add_argument("--plot-only", action="store_true", help="only redraw the SVGs and the table from the CSV")
    a = ap.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))  # unwinds through measure(), which ends its child
    global FIT_MIN_N
    FIT_MIN_N = a.fit_min_n

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    out_csv = out / "scaling.csv"
    stops_path = out / "scaling-stops.json"
    rows = read_rows(out_csv)
    stops = json.loads(stops_path.read_text()) if stops_path.exists() else {}
    machine = machine_line()
    if not a.plot_only:
        ctx = Context(a)
        wanted = [x.strip() for x in a.detectors.split(",") if x.strip()]
        unknown = [x for x in wanted if x not in BY_NAME]
        if unknown:
            sys.exit(f"unknown detector(s) {', '.join(unknown)}; choose from {', '.join(BY_NAME)}")
        commands = available_subcommands(ctx)
        if not commands:
            sys.exit(f"{shlex.join(ctx.cleanrank)} --help lists no commands; is --cleanrank right?")
        for name in wanted:
            det = BY_NAME[name]
            impls = ([] if a.no_ours else [(OURS, det.ours)]) + ([(REF, det.ref)] if a.refs and det.ref else [])
            for impl_name, impl in impls:
                why = missing(ctx, commands, impl)
                if why:
                    log(f"{name} ({impl_name}): skipped: {why}")
                    continue
                run_detector(a, ctx, det, impl_name, impl, rows, stops, out_csv)
                stops_path.write_text(json.dumps(stops, indent=1, sort_keys=True) + "\n")
    if not rows:
        sys.exit(f"{out_csv}: no measurements to plot")
    plot(rows, out, machine)
    text = table(rows, stops, machine)
    (out / "scaling.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
