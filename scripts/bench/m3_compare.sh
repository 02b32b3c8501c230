#!/usr/bin/env bash
# M3 side by side: `muavu benchmark --jobs 1` and statsforecast 2.1.1 (n_jobs=1) on the same
# series and the same models, one comparison table, and the peak RSS of the muavu run.
# See docs/benchmarks/m3.md.
#
# usage: scripts/bench/m3_compare.sh [--models ets,theta,stm,arima,naive2] [--subset NAME]... [--data FILE]
#   MUAVU=path/to/muavu to use a given binary (default: build .build/release/muavu).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="$root/../shared/bench/m3.csv"
models="ets,theta,stm,arima,naive2"
subsets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --models) models="$2"; shift 2 ;;
    --subset) subsets+=("$2"); shift 2 ;;
    --data) data="$2"; shift 2 ;;
    *) echo "unknown argument: $1" >&2; exit 64 ;;
  esac
done
out="$root/out/bench"
mkdir -p "$out"

# Python with statsforecast 2.1.1: the system one if it has it, else a venv under .venv-bench.
python=python3
if ! python3 -c 'import statsforecast, sys; sys.exit(statsforecast.__version__ != "2.1.1")' 2>/dev/null; then
  if [ ! -x "$root/.venv-bench/bin/python" ]; then
    python3 -m venv "$root/.venv-bench"
    "$root/.venv-bench/bin/pip" install --quiet statsforecast==2.1.1
  fi
  python="$root/.venv-bench/bin/python"
fi

# GNU time for the peak RSS.
if [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq time
fi

muavu="${MUAVU:-}"
if [ -z "$muavu" ]; then
  (cd "$root" && swift build -c release >&2)
  muavu="$root/.build/release/muavu"
fi

# Only the models this build has (the rest are left out with a message).
# (an unknown model name is a usage error whose message lists the known ones)
known="$( { "$muavu" benchmark --data /dev/null --models '?' 2>&1 || true; } | sed -n 's/.*known models: //p')"
run=()
IFS=, read -ra wanted <<< "$models"
for m in "${wanted[@]}"; do
  if [[ ", $known, " == *", $m, "* ]]; then run+=("$m"); else echo "muavu has no model '$m' yet: left out" >&2; fi
done
[ ${#run[@]} -gt 0 ] || { echo "no model to compare" >&2; exit 64; }
list="$(IFS=,; echo "${run[*]}")"
subset_args=()
for s in "${subsets[@]+"${subsets[@]}"}"; do subset_args+=(--subset "$s"); done

echo "muavu benchmark --jobs 1 --models $list ..." >&2
/usr/bin/time -v -o "$out/m3_muavu.time" "$muavu" benchmark --data "$data" --models "$list" --jobs 1 \
  "${subset_args[@]+"${subset_args[@]}"}" --output "$out/m3_muavu.json" --markdown "$out/m3_muavu.md"
rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/m3_muavu.time")"

echo "statsforecast (n_jobs=1) --models $list ..." >&2
"$python" "$root/scripts/bench/m3_compare.py" statsforecast --data "$data" --models "$list" \
  "${subset_args[@]+"${subset_args[@]}"}" --output "$out/m3_statsforecast.json"

"$python" "$root/scripts/bench/m3_compare.py" table --muavu "$out/m3_muavu.json" \
  --statsforecast "$out/m3_statsforecast.json" --rss-kb "$rss" | tee "$out/m3_compare.md"
