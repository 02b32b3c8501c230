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
swift build -c release --package-path Benchmarks --scratch-path "$SCRATCH" >&2
BIN="$SCRATCH/release/lstsq-bench"

echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
echo "machine: $(uname -srm); $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'); $(nproc) cores"
echo "muavu OpenBLAS: $(dpkg-query -W -f='${Package} ${Version}' 'libopenblas0*' 2>/dev/null | head -1)"
echo "numpy $(python3 -c 'import numpy; print(numpy.__version__)'), scipy $(python3 -c 'import scipy; print(scipy.__version__)')"
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
