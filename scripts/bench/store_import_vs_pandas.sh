#!/usr/bin/env bash
# Times `muavu import --format tidy` of a generated 1,000,000-row tidy file into a new store
# (release build) against pandas.read_csv + DataFrame.to_sql into a new SQLite file with the
# store's own tables, indexes and journal mode, in one transaction; alternating the two, best of
# N runs each (wall clock and CPU).
#
#   scripts/bench/store_import_vs_pandas.sh [ROWS] [RUNS]
#
# MUAVU=path/to/muavu skips the build; PYTHON names a Python with pandas (default python3).
# Prints a Markdown block for docs/benchmarks/store.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-1000000} RUNS=${2:-3} PYTHON=${PYTHON:-python3}
[ -n "${MUAVU:-}" ] || { swift build -c release --product muavu >&2 && MUAVU="$(swift build -c release --show-bin-path)/muavu"; }
WORK=$(mktemp -d) && trap 'rm -rf "$WORK"' EXIT
"$PYTHON" scripts/bench/validate_generate.py "$WORK/tidy.csv" "$ROWS"
FILE="$WORK/tidy.csv"

best_muavu=999999; best_pandas=999999; cpu_muavu=999999; cpu_pandas=999999
for ((i = 1; i <= RUNS; i++)); do
  rm -f "$WORK"/muavu.sqlite* "$WORK"/pandas.sqlite*
  read -r t c < <("$PYTHON" - "$MUAVU" "$FILE" "$WORK/muavu.sqlite" <<'PY'
import resource, subprocess, sys, time
before = resource.getrusage(resource.RUSAGE_CHILDREN)
t0 = time.perf_counter()
r = subprocess.run([sys.argv[1], "import", "--format", "tidy", "--file", sys.argv[2], "--store", sys.argv[3]],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
t1 = time.perf_counter()
after = resource.getrusage(resource.RUSAGE_CHILDREN)
assert r.returncode == 0, r.returncode
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"{t1 - t0:.3f} {cpu:.3f}")
PY
)
  read -r p q < <("$PYTHON" scripts/bench/store_import_pandas.py "$FILE" "$WORK/pandas.sqlite")
  # Both stores hold the same rows.
  for db in muavu pandas; do
    n=$("$PYTHON" -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT count(*) FROM observation').fetchone()[0])" "$WORK/$db.sqlite")
    [ "$n" = "$ROWS" ] || { echo "$db store has $n rows, expected $ROWS" >&2; exit 1; }
  done
  best_muavu=$("$PYTHON" -c "print(min($best_muavu, $t))"); cpu_muavu=$("$PYTHON" -c "print(min($cpu_muavu, $c))")
  best_pandas=$("$PYTHON" -c "print(min($best_pandas, $p))"); cpu_pandas=$("$PYTHON" -c "print(min($cpu_pandas, $q))")
  echo "run $i: muavu import ${t}s wall ${c}s cpu, pandas read_csv + to_sql ${p}s wall ${q}s cpu" >&2
done
SIZE=$(du -h "$FILE" | cut -f1)
PANDAS=$("$PYTHON" -c 'import pandas, sqlite3; print(pandas.__version__, "with SQLite", sqlite3.sqlite_version)')
cat <<MD
- date: $(date -u +%Y-%m-%dT%H:%MZ)
- machine: $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -sr)
- file: $ROWS rows, $SIZE (scripts/bench/validate_generate.py)
- muavu import (release; whole process: SHA-256, read and check every row, compare, write, commit): best of $RUNS: ${best_muavu} s wall, ${cpu_muavu} s CPU
- pandas $PANDAS, read_csv + to_sql (in-process, after import pandas): best of $RUNS: ${best_pandas} s wall, ${cpu_pandas} s CPU
- ratio pandas / muavu: wall $("$PYTHON" -c "print(f'{$best_pandas / $best_muavu:.2f}')"), CPU $("$PYTHON" -c "print(f'{$cpu_pandas / $cpu_muavu:.2f}')") (above 1: muavu is faster)
MD
