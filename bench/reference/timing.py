"""What the time_*.py scripts share: the random thumbnails they time on and the way they report.

Imported by the scripts next to it (python puts a script's own folder first on sys.path).
"""
import json

import numpy as np


def random_thumbs(count, seed=1):
    """count random 64 x 64 uint8 images from numpy RandomState(seed), the inputs of the Java SSIM benchmarks."""
    rng = np.random.RandomState(seed)
    return [rng.randint(0, 256, (64, 64), dtype=np.uint8) for _ in range(count)]


def report(result, out=None):
    """Prints result as indented JSON and, when out is given, writes the same text to that file."""
    text = json.dumps(result, indent=1)
    print(text)
    if out:
        with open(out, "w") as fh:
            fh.write(text + "\n")
