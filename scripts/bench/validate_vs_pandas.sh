#!/usr/bin/env bash
# Times `muavu validate` (release build) against pandas.read_csv on the same generated
# 1,000,000-row tidy file, alternating the two, best of N runs each (wall clock).
#
#   scripts/bench/validate_vs_pandas.sh [ROWS] [RUNS]
#
# MUAVU=path/to/muavu skips the build. Prints a Markdown block for docs/benchmarks/validate.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000}
RUNS=${2:-5}
SCRATCH=${SCRATCH:-.build}
if [ -z "${MUAVU:-}" ]; then
  swift build -c release --product muavu --scratch-path "$SCRATCH" >&2
  MUAVU="$SCRATCH/release/muavu"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FILE="$WORK/tidy.csv"
python3 scripts/bench/validate_generate.py "$FILE" "$ROWS"

best_muavu=999999; best_pandas=999999; cpu_muavu=999999; cpu_pandas=999999
for ((i = 1; i <= RUNS; i++)); do
  read -r t c < <(python3 - "$MUAVU" "$FILE" <<'PY'
import resource, subprocess, sys, time
before = resource.getrusage(resource.RUSAGE_CHILDREN)
t0 = time.perf_counter()
r = subprocess.run([sys.argv[1], "validate", "--data", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
t1 = time.perf_counter()
after = resource.getrusage(resource.RUSAGE_CHILDREN)
assert r.returncode == 0, r.returncode
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"{t1 - t0:.3f} {cpu:.3f}")
PY
)
  read -r p q < <(python3 - "$FILE" <<'PY'
import subprocess, sys
# read_csv alone inside one interpreter (import time excluded), as a user would call it.
code = ("import time, pandas as pd\n"
        "t0 = time.perf_counter(); c0 = time.process_time(); df = pd.read_csv(%r)\n"
        "c1 = time.process_time(); t1 = time.perf_counter()\n"
        "assert len(df) > 0\nprint(f'{t1 - t0:.3f} {c1 - c0:.3f}')" % sys.argv[1])
print(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip())
PY
)
  best_muavu=$(python3 -c "print(min($best_muavu, $t))"); cpu_muavu=$(python3 -c "print(min($cpu_muavu, $c))")
  best_pandas=$(python3 -c "print(min($best_pandas, $p))"); cpu_pandas=$(python3 -c "print(min($cpu_pandas, $q))")
  echo "run $i: muavu validate ${t}s wall ${c}s cpu, pandas.read_csv ${p}s wall ${q}s cpu" >&2
done
SIZE=$(du -h "$FILE" | cut -f1)
PANDAS=$(python3 -c 'import pandas; print(pandas.__version__)')
cat <<MD
- date: $(date -u +%Y-%m-%dT%H:%MZ)
- machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)
- file: $ROWS rows, $SIZE (scripts/bench/validate_generate.py)
- muavu validate (release; whole process: read, check every row, summarise): best of $RUNS: ${best_muavu} s wall, ${cpu_muavu} s CPU
- pandas $PANDAS read_csv (parse only, in-process, default C engine): best of $RUNS: ${best_pandas} s wall, ${cpu_pandas} s CPU
- ratio pandas / muavu: wall $(python3 -c "print(f'{$best_pandas / $best_muavu:.2f}')"), CPU $(python3 -c "print(f'{$cpu_pandas / $cpu_muavu:.2f}')") (above 1: muavu is faster)
MD
