#!/usr/bin/env bash
# Rolling-origin backtest of `muavu reconcile` on the bundled GSO paddy production table: the
# 13 Mekong provinces = the Delta (common span 2004–2016) and the country's three seasons = its
# year (1995–2016); base model auto, horizon 2, N origins (default 5) one year apart.
#
#   scripts/bench/reconcile_backtest.sh [N]
#
# MUAVU=path/to/muavu skips the build. Prints the tables of docs/benchmarks/reconciliation.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-5}
if [ -z "${MUAVU:-}" ]; then
  swift build -c release --product muavu >&2
  MUAVU=.build/release/muavu
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" <<'PY'
import json, sys
p = lambda season, place: "gso-paddy-production-%s-%s" % (season, place)
provinces = [p("ca-nam", x) for x in [
    "an-giang", "bac-lieu", "ben-tre", "ca-mau", "can-tho", "dong-thap", "hau-giang", "kien-giang", "long-an",
    "soc-trang", "tien-giang", "tra-vinh", "vinh-long"]]
seasons = [p(s, "whole-country") for s in ["dong-xuan", "he-thu-thu-dong", "mua"]]
for name, bottom, total in [("delta", provinces, p("ca-nam", "mekong-river-delta")),
                            ("seasons", seasons, p("ca-nam", "whole-country"))]:
    with open("%s/gso-%s.json" % (sys.argv[1], name), "w") as f:
        json.dump({"bottom": bottom, "aggregates": [{"name": total, "members": bottom}]}, f, indent=1)
PY
for h in delta seasons; do
  "$MUAVU" reconcile --data datasets/gso-paddy-province-season.csv --on-missing skip \
    --hierarchy "$WORK/gso-$h.json" --horizon 2 --model auto --backtest "$N" --output "$WORK/$h.json"
done
python3 scripts/bench/reconcile_backtest.py "$WORK/delta.json" "$WORK/seasons.json"
