#!/usr/bin/env bash
# Export the reference SelfClean sources (plus its selfclean/core submodule)
# from bare git mirrors into a plain directory, for time_selfclean.py.
#
# usage: prepare_selfclean.sh DEST [SELFCLEAN_GIT_DIR] [CORE_GIT_DIR]
#   env SELFCLEAN_REV (default HEAD) picks the SelfClean revision;
#   env CORE_REV overrides the core revision (default: the commit SelfClean
#   pins for selfclean/core, or the core mirror's HEAD if that commit is absent).
#
# Prints "selfclean=<sha> core=<sha>" on the last line; pass the selfclean sha to
# time_selfclean.py --selfclean-rev. Nothing is written outside DEST, and DEST
# must not be inside the cleanrank repo (the reference source is not ours to commit).
set -euo pipefail

DEST=${1:?usage: prepare_selfclean.sh DEST [SELFCLEAN_GIT_DIR] [CORE_GIT_DIR]}
SC_GIT=${2:-/work/.mirror/Digital-Dermatology+SelfClean/repo}
CORE_GIT=${3:-/work/.mirror/Digital-Dermatology+core/repo}
SC_REV=$(git --git-dir="$SC_GIT" rev-parse "${SELFCLEAN_REV:-HEAD}^{commit}")

if [[ -z "${CORE_REV:-}" ]]; then
    # gitlink entry: "160000 commit <sha>\tselfclean/core"
    CORE_REV=$(git --git-dir="$SC_GIT" ls-tree "$SC_REV" selfclean/core | awk '{print $3}')
    if [[ -z "$CORE_REV" ]] || ! git --git-dir="$CORE_GIT" cat-file -e "$CORE_REV^{commit}" 2>/dev/null; then
        echo "pinned core commit '${CORE_REV}' not in $CORE_GIT; using its HEAD" >&2
        CORE_REV=HEAD
    fi
fi
CORE_REV=$(git --git-dir="$CORE_GIT" rev-parse "$CORE_REV^{commit}")

# only ever replace an empty directory or one this script made earlier
if [[ -d "$DEST" && -n "$(ls -A "$DEST")" ]]; then
    [[ -f "$DEST/REVISION" ]] || { echo "refusing to overwrite non-empty $DEST" >&2; exit 1; }
    rm -rf "$DEST"
fi
mkdir -p "$DEST"
git --git-dir="$SC_GIT" archive "$SC_REV" | tar -x -C "$DEST"
mkdir -p "$DEST/selfclean/core"
git --git-dir="$CORE_GIT" archive "$CORE_REV" | tar -x -C "$DEST/selfclean/core"
printf 'selfclean=%s\ncore=%s\n' "$SC_REV" "$CORE_REV" > "$DEST/REVISION"
echo "selfclean=$SC_REV core=$CORE_REV"
