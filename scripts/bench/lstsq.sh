#!/usr/bin/env bash
# Least squares 200,000 x 50 (random design, fixed seed): muavu's pivoted QR against
# numpy.linalg.lstsq (dgelsd) and scipy.linalg.lstsq(gelsy), side by side on this machine,
# with one OpenBLAS thread and with OpenBLAS's default. Release build.
# Usage: scripts/bench/lstsq.sh [rows] [columns] [repeats]
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-200000}
COLS=${2:-50}
REPEATS=${3:-5}
SCRATCH=${SCRATCH:-.build-bench}
PKG=${PKG:-Benchmarks}
swift build -c release --package-path "$PKG" --scratch-path "$SCRATCH" >&2
BIN="$SCRATCH/release/lstsq-bench"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(nproc) cores"
echo "muavu: Debian OpenBLAS $(dpkg-query -W -f='${Version}' libopenblas0-pthread 2>/dev/null) (LAPACK $(dpkg-query -W -f='${Version}' liblapacke 2>/dev/null))"
python3 - <<'PY'
import numpy, scipy
info = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
print(f"numpy {numpy.__version__}, scipy {scipy.__version__}: {info.get('name')} {info.get('version')}")
PY
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| threads | method | best (s) | median (s) | numpy gelsd / this (median) |\n|---|---|---|---|---|\n'
for threads in 1 default; do
  if [ "$threads" = 1 ]; then export OPENBLAS_NUM_THREADS=1; else unset OPENBLAS_NUM_THREADS; fi
  # Alternate the two sides so that load from other processes hits both alike.
  ours=$("$BIN" "$ROWS" "$COLS" "$REPEATS" 2>/dev/null)
  theirs=$(python3 scripts/bench/lstsq.py "$ROWS" "$COLS" "$REPEATS" 2>/dev/null)
  ref=$(echo "$theirs" | awk '$1=="numpy-lstsq-gelsd"{print $5}')
  { echo "$ours"; echo "$theirs"; } | while read -r name r c best median; do
    printf '| %s | %s | %.3f | %.3f | %.2f |\n' "$threads" "$name" "$best" "$median" "$(echo "$ref / $median" | bc -l)"
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
