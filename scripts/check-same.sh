#!/usr/bin/env bash
# Same answers before and after a change that should not change any: the SHA-256 of every output
# below, made by the muavu of commit REV and by the working tree, with SOURCE_DATE_EPOCH fixed.
# Run by hand (it builds two release binaries and runs M3), not in CI.
#
# usage: scripts/check-same.sh REV [--models LIST] [--subset NAME]...
#   REV            the commit to compare with (e.g. where a restructuring starts)
#   --models LIST  the benchmark's models (default: auto,ets,theta,arima,ces,naive2)
#   --subset NAME  only these M3 subsets (default: all of M3)
#
# What is compared, file by file:
#   benchmark/m3.json      `muavu benchmark` on ../shared/bench/m3.csv, with the measured wall
#                          times ("seconds") removed: they are the one thing a run cannot repeat
#   forecast/…             `make forecast`'s output folder (publish of models/dong-thap.json)
#   notebooks/…            `make notebooks` (report)
#   models/NAME.json       the saved model of every savable model, fitted on two bundled series
#   models/NAME.forecast   the forecast made from that saved model
# Exit 0 when every hash agrees, 1 when one differs (the differing files are listed), 64 on usage.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
[ $# -ge 1 ] || { sed -n 2,18p "$0" >&2; exit 64; }
rev=$(git rev-parse --verify "$1^{commit}") || { echo "check-same: no commit '$1'" >&2; exit 64; }
shift
models="auto,ets,theta,arima,ces,naive2"
subsets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --models) models="$2"; shift 2 ;;
    --subset) subsets+=(--subset "$2"); shift 2 ;;
    *) echo "check-same: unknown argument '$1'" >&2; exit 64 ;;
  esac
done
m3="$root/../shared/bench/m3.csv"
[ -f "$m3" ] || { echo "check-same: $m3 is missing" >&2; exit 64; }
export SOURCE_DATE_EPOCH=1795910400
work="$root/.build-check-same"
mkdir -p "$work"

# The release binary of REV, built once in a worktree of its own and kept by commit.
base_bin="$work/bin-$rev"
if [ ! -x "$base_bin" ]; then
  tree="$work/tree-$rev"
  [ -d "$tree" ] || git worktree add --detach -q "$tree" "$rev"
  echo "== building $rev (release)" >&2
  swift build -c release --product muavu --package-path "$tree" --scratch-path "$work/build-base" >&2
  cp "$work/build-base/release/muavu" "$base_bin"
  git worktree remove --force "$tree"
fi
echo "== building the working tree (release)" >&2
swift build -c release --product muavu >&2
head_bin="$root/.build/release/muavu"

# The savable models of REV (arima-fixed needs an order; auto and ensemble carry members).
savable="ets ses holt damped holt-winters ets-aw theta stm otm dotm arima arima-exhaustive arima-fixed ces naive snaive drift mean naive2 ensemble auto"
fit_series=("datasets/wb-pinksheet-monthly.csv:wb-rice-thai-5" "datasets/faostat-vnm-crops.csv:vnm-rice-yield")

outputs() { # BIN DIR
  local bin=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir/benchmark" "$dir/models"
  echo "== $bin: M3 benchmark ($models)" >&2
  "$bin" benchmark --data "$m3" --models "$models" "${subsets[@]}" --output "$dir/benchmark/raw.json"
  python3 - "$dir/benchmark/raw.json" "$dir/benchmark/m3.json" <<'PY'
import json, sys
def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k != "seconds"}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x
with open(sys.argv[1]) as f:
    doc = json.load(f)
with open(sys.argv[2], "w") as f:
    json.dump(strip(doc), f, indent=1, sort_keys=True)
PY
  rm "$dir/benchmark/raw.json"
  echo "== $bin: publish and report" >&2
  bash scripts/forecast.sh "$bin" "$dir/forecast"
  "$bin" report --out "$dir/notebooks"
  echo "== $bin: saved models" >&2
  local spec file series name order
  for spec in "${fit_series[@]}"; do
    file=${spec%%:*}; series=${spec#*:}
    for name in $savable; do
      order=(); [ "$name" = arima-fixed ] && order=(--order 1,1,0)
      "$bin" fit --data "$file" --series "$series" --on-missing skip --model "$name" "${order[@]}" \
        --save "$dir/models/$series-$name.json" 2>/dev/null || echo "fit failed" >"$dir/models/$series-$name.failed"
      if [ -f "$dir/models/$series-$name.json" ]; then
        "$bin" forecast --model-file "$dir/models/$series-$name.json" --horizon 12 \
          >"$dir/models/$series-$name.forecast" 2>/dev/null || echo "forecast failed" >>"$dir/models/$series-$name.forecast"
      fi
    done
  done
}

hashes() { (cd "$1" && find . -type f ! -name .complete -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }

# REV's outputs are kept by commit and arguments: a second check against the same REV reruns
# only the working tree.
key=$(echo "$models ${subsets[*]:-}" | sha256sum | cut -c1-12)
base_out="$work/out-base-${rev:0:12}-$key"
if [ ! -f "$base_out/.complete" ]; then
  outputs "$base_bin" "$base_out"
  touch "$base_out/.complete"
fi
rm -rf "$work/out-base"; ln -sfn "$base_out" "$work/out-base"
outputs "$head_bin" "$work/out-head"
failed=$(find "$base_out/models" -name '*.failed' | wc -l)
if [ "$failed" -gt 0 ]; then # a check of nothing would pass
  echo "check-same: $failed fits failed with $rev's muavu: $(cd "$base_out/models" && ls *.failed | tr '\n' ' ')" >&2
  exit 1
fi
hashes "$base_out" >"$work/base.sha256"
hashes "$work/out-head" >"$work/head.sha256"
if diff -u "$work/base.sha256" "$work/head.sha256" >"$work/diff.txt"; then
  echo "check-same: $(wc -l <"$work/base.sha256") outputs byte-identical with $rev" >&2
  exit 0
fi
echo "check-same: outputs differ from $rev (hashes in $work/base.sha256 and head.sha256; outputs in out-base/ and out-head/):" >&2
grep -E '^[-+][0-9a-f]' "$work/diff.txt" >&2
exit 1
