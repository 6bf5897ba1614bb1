#!/usr/bin/env bash
# Export the reference sources the scaling profile runs (never inside the repository: they are not ours to commit)
# from bare git mirrors, at the revisions the goldens were made with:
#   DEST/selfclean  SelfClean dca86b4d + core 9e8a101f (the goldens' pair; bench/reference/prepare_selfclean.sh)
#   DEST/pyod       yzhao062/pyod 34f7996e
#   DEST/cleanlab   cleanlab/cleanlab 75062574
#   DEST/cp         Digital-Dermatology/CleanPatrick 034f4bf1 (NoiseRank, the fast SSIM loop)
# usage: prepare_refs.sh DEST [MIRROR_ROOT]   (MIRROR_ROOT default /work/.mirror, with owner+name/repo git dirs)
# Debian packages the references need: python3-numpy python3-scipy python3-sklearn python3-pandas python3-numba
# python3-faiss python3-opencv python3-tqdm python3-termcolor python3-loguru python3-matplotlib
set -euo pipefail
DEST=${1:?usage: prepare_refs.sh DEST [MIRROR_ROOT]}
MIRRORS=${2:-/work/.mirror}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
mkdir -p "$DEST"
DEST="$(cd "$DEST" && pwd)"
case "$DEST/" in "$repo"/*) echo "refusing to export reference sources inside the repository ($DEST)" >&2; exit 1;; esac

export_at() {  # name mirror revision
    local dir="$DEST/$1" git="$MIRRORS/$2/repo"
    [[ -d "$git" ]] || { echo "no mirror $git (fetch github:${2/+//} first)" >&2; exit 1; }
    rm -rf "$dir" && mkdir -p "$dir"
    git --git-dir="$git" archive "$3" | tar -x -C "$dir"
    echo "$1=$(git --git-dir="$git" rev-parse "$3^{commit}")"
}
export_at pyod yzhao062+pyod 34f7996effac700a5166d882d5e94c6e6078fae3
export_at cleanlab cleanlab+cleanlab 750625747de1b26d8530954f51f0530bd0b51d3c
export_at cp Digital-Dermatology+CleanPatrick 034f4bf15355a7c38f6b97628e044cd08f705c26
[[ -f "$DEST/selfclean/REVISION" ]] || rm -rf "$DEST/selfclean"
SELFCLEAN_REV=dca86b4d47558b7eb881ed8a9513fdc3232ed795 CORE_REV=9e8a101fc2e6ea9961f255781f69bc3f662dcade "$repo/bench/reference/prepare_selfclean.sh" "$DEST/selfclean" \
    "$MIRRORS/Digital-Dermatology+SelfClean/repo" "$MIRRORS/Digital-Dermatology+core/repo"
