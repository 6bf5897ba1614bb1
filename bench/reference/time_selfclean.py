#!/usr/bin/python3
"""Time the reference SelfClean on an embedding matrix, with CleanPatrick's settings.

Runs exactly what CleanPatrick's SelfClean detector runs:

    SelfCleanCleaner(chunk_size=512, memmap=False, global_leaves=False,
                     auto_cleaning=False).fit(emb_space, labels).predict()

and prints one JSON line: n, d, seconds_fit / seconds_predict / seconds_total
(plus the three parts of predict), peak RSS and library versions.
With --out DIR it also saves the rankings as .npy files:
near_duplicates_{indices,scores}, off_topic_{indices,scores},
label_errors_{indices,scores}.

Preparing --selfclean-src (never inside the cleanrank repo):

    bench/reference/prepare_selfclean.sh /tmp/selfclean-src
    # exports the SelfClean mirror and its selfclean/core submodule there and
    # prints "selfclean=<sha> core=<sha>"; pass that sha as --selfclean-rev.

Python: Debian's /usr/bin/python3 (not a pyenv python3 on PATH, whose numpy differs) with
    apt-get install -y python3-numpy python3-scipy python3-sklearn \
        python3-matplotlib python3-tqdm python3-pandas python3-loguru
torch, torchvision and scienceplots are not installed: small stand-ins are put
into sys.modules before selfclean is imported. They only satisfy imports, type
hints and torch.manual_seed in fix_random_seeds; the distance matrix, sorting,
single linkage, LAD and label-error scores are all numpy/scipy/sklearn code of
SelfClean itself. The plotting modules (which pull in torch models) are
replaced by functions that raise, so any plotting call would fail loudly;
with these settings none is made.

Timing example (unset the machine's OpenBLAS overrides for that command only):

    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 \
        bench/reference/time_selfclean.py --selfclean-src /tmp/selfclean-src \
        --embeddings emb.npy --labels labels.npy --out /tmp/ref-out
"""
import argparse
import gc
import json
import os
import platform
import resource
import sys
import threading
import time
import types
from pathlib import Path

os.environ.setdefault("MPLBACKEND", "Agg")


def proc_status_bytes(field):
    """VmRSS / VmHWM etc. from /proc/self/status, in bytes (None if unavailable)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


class RssSampler(threading.Thread):
    """Samples VmRSS every `interval` seconds and keeps the maximum."""

    def __init__(self, interval=0.05):
        super().__init__(daemon=True)
        self.interval, self.peak, self._stop_evt = interval, 0, threading.Event()

    def run(self):
        while not self._stop_evt.is_set():
            self.peak = max(self.peak, proc_status_bytes("VmRSS") or 0)
            self._stop_evt.wait(self.interval)

    def stop(self):
        self._stop_evt.set()
        self.join()
        return max(self.peak, proc_status_bytes("VmRSS") or 0)


def _module(name, **attrs):
    mod = types.ModuleType(name)
    mod.__dict__.update(attrs)
    sys.modules[name] = mod
    return mod


def _package(name, path):
    """Register a package without running its __init__.py (which imports torch models)."""
    mod = _module(name, __path__=[str(path)], __package__=name)
    mod.__file__ = str(path / "__init__.py")
    return mod


def _raises(name):
    def fail(*args, **kwargs):
        raise RuntimeError(f"{name}: plotting is stubbed out in this benchmark")

    return fail


def install_stubs(src):
    """Make `selfclean.cleaner.selfclean_cleaner` importable without torch."""
    class Dataset:
        pass

    class ConcatDataset(Dataset):
        def __init__(self, datasets):
            self.datasets = list(datasets)

    class Module:
        pass

    data = _module("torch.utils.data", Dataset=Dataset, ConcatDataset=ConcatDataset,
                   DataLoader=type("DataLoader", (), {}),
                   DistributedSampler=type("DistributedSampler", (), {}))
    utils = _module("torch.utils", data=data)
    cuda = _module("torch.cuda", manual_seed_all=lambda seed: None,
                   is_available=lambda: False, device_count=lambda: 0)
    dist = _module("torch.distributed", is_available=lambda: False,
                   is_initialized=lambda: False)
    nn = _module("torch.nn", Module=Module, functional=_module("torch.nn.functional"))
    _module("torch", __version__="stub", utils=utils, cuda=cuda, distributed=dist, nn=nn,
            Tensor=type("Tensor", (), {}), manual_seed=lambda seed: None)
    _module("scienceplots")
    try:
        import loguru  # noqa: F401  (Debian: python3-loguru)
    except ImportError:
        import logging

        class _Logger:
            def __getattr__(self, name):
                return getattr(logging.getLogger("selfclean"), name, lambda *a, **k: None)

            def level(self, name):
                return types.SimpleNamespace(no=logging.getLevelName(name.upper()))

        _module("loguru", logger=_Logger())

    pkg = Path(src).resolve() / "selfclean"
    if not (pkg / "cleaner" / "selfclean_cleaner.py").is_file():
        sys.exit(f"{pkg}/cleaner/selfclean_cleaner.py not found; run prepare_selfclean.sh")
    if not (pkg / "core" / "src" / "utils" / "utils.py").is_file():
        sys.exit(f"{pkg}/core is empty; export the core submodule (prepare_selfclean.sh)")
    _package("selfclean", pkg)
    _package("selfclean.core.src", pkg / "core" / "src")
    # the real core plotting module imports sklearn.metrics; SelfCleanCleaner relies on
    # that side effect when it evals "sklearn.metrics.pairwise.cosine_similarity"
    import sklearn.metrics  # noqa: F401
    _module("selfclean.core.src.utils.plotting",
            **{f: _raises(f) for f in ("plot_dist", "create_subtitle", "denormalize_image")})
    _module("selfclean.utils.plotting",
            **{f: _raises(f) for f in ("plot_inspection_result", "plot_frac_cut",
                                       "plot_sensitivity", "subplot_frac_cut",
                                       "subplot_sensitivity")})


def timed(obj, method, timings):
    """Wrap obj.method so that its wall time is recorded in timings[method]."""
    original = getattr(obj, method)

    def wrapper(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            timings[method] = time.perf_counter() - t

    setattr(obj, method, wrapper)


def run_once(SelfCleanCleaner, emb, labels):
    t0 = time.perf_counter()
    cleaner = SelfCleanCleaner(chunk_size=512, memmap=False, global_leaves=False,
                               auto_cleaning=False)
    cleaner = cleaner.fit(emb_space=emb, labels=labels)
    t1 = time.perf_counter()
    parts = {}
    for m in ("get_near_duplicate_ranking", "get_off_topic_ranking", "get_label_error_ranking"):
        timed(cleaner, m, parts)
    issues = cleaner.predict()
    t2 = time.perf_counter()
    timing = {"seconds_fit": t1 - t0, "seconds_predict": t2 - t1, "seconds_total": t2 - t0,
              "seconds_near_duplicates": parts.get("get_near_duplicate_ranking"),
              "seconds_off_topic": parts.get("get_off_topic_ranking"),
              "seconds_label_errors": parts.get("get_label_error_ranking")}
    return timing, issues


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--selfclean-src", required=True, help="dir made by prepare_selfclean.sh")
    ap.add_argument("--embeddings", required=True, help="N x D .npy (cast to float32)")
    ap.add_argument("--labels", help="N integer labels .npy (without: no label errors)")
    ap.add_argument("--out", help="dir to save the rankings as .npy")
    ap.add_argument("--repeat", type=int, default=1, help="runs; times reported per run")
    ap.add_argument("--selfclean-rev", help="SelfClean git revision, echoed in the JSON")
    args = ap.parse_args()

    sampler = RssSampler()
    sampler.start()
    install_stubs(args.selfclean_src)
    import numpy as np
    import scipy
    import sklearn
    from selfclean.cleaner.selfclean_cleaner import SelfCleanCleaner

    emb = np.ascontiguousarray(np.load(args.embeddings), dtype=np.float32)
    labels = np.load(args.labels) if args.labels else None
    if labels is not None and len(labels) != len(emb):
        sys.exit(f"{len(labels)} labels for {len(emb)} embeddings")
    rss_before_fit = proc_status_bytes("VmRSS")

    runs, issues = [], None
    for _ in range(max(1, args.repeat)):
        del issues
        gc.collect()
        timing, issues = run_once(SelfCleanCleaner, emb, labels)
        runs.append(timing)
    sampled_peak = sampler.stop()

    result = {"n": int(emb.shape[0]), "d": int(emb.shape[1]),
              "labels": None if labels is None else int(len(np.unique(labels))),
              **min(runs, key=lambda r: r["seconds_total"]),
              "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
              "vmhwm_bytes": proc_status_bytes("VmHWM"),
              "sampled_peak_rss_bytes": sampled_peak,
              "rss_before_fit_bytes": rss_before_fit,
              "python": platform.python_version(), "numpy": np.__version__,
              "scipy": scipy.__version__, "sklearn": sklearn.__version__,
              "selfclean_rev": args.selfclean_rev,
              "openblas_env": {k: os.environ.get(k) for k in
                               ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS")},
              "cpu_count": os.cpu_count()}
    try:
        from threadpoolctl import threadpool_info
        result["blas"] = [{k: i.get(k) for k in ("internal_api", "version", "architecture",
                                                   "num_threads")} for i in threadpool_info()]
    except ImportError:
        pass
    if len(runs) > 1:
        result["runs"] = runs

    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for issue in ("near_duplicates", "off_topic_samples", "label_errors"):
            found = issues[issue]
            if found is None:
                continue
            name = "off_topic" if issue == "off_topic_samples" else issue
            np.save(out / f"{name}_indices.npy", np.asarray(found["indices"]))
            np.save(out / f"{name}_scores.npy", np.asarray(found["scores"]))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
