#!/usr/bin/env bash
# One-core FMA peak in G lane-FMA/s (12 independent chains; 256-bit, and 512-bit where the CPU has AVX-512).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)/fma_peak"
gcc -O2 -o "$out" "$here/fma_peak.c"
taskset -c 0 "$out" 2>/dev/null || "$out"
