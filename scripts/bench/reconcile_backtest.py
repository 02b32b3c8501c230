#!/usr/bin/env python3
"""Tables of `muavu reconcile --backtest` documents for docs/benchmarks/reconciliation.md.

    scripts/bench/reconcile_backtest.py DOC.json [DOC.json ...]

Prints, per document, MAPE (percent) and RMSE of each level (each aggregate, the bottom series
pooled) under each method, pooled over the origins and steps, then step by step; and the MAPE of
each bottom series, recomputed here (standard library only) from the document's per-origin
forecasts and observed values.
"""
import json
import sys

SHORT = lambda s: s.replace("gso-paddy-production-", "")


def table(doc):
    bt = doc["backtest"]
    methods = bt["methods"]
    rows = {}
    for s in bt["scores"]:
        level = SHORT(s["id"]) if s["level"] == "aggregate" else "bottom (pooled)"
        step = "1–%d" % bt["horizon"] if s["horizon"] is None else str(s["horizon"])
        rows.setdefault((level, step, "MAPE %"), {})[s["method"]] = s["mape"]
        rows.setdefault((level, step, "RMSE"), {})[s["method"]] = s["rmse"]
    print("| level | h | measure | " + " | ".join(methods) + " |")
    print("|---|---|---|" + "---|" * len(methods))
    for (level, step, measure), by in rows.items():
        cells = []
        best = min(v for v in by.values() if v is not None)
        for m in methods:
            v = by.get(m)
            text = "null" if v is None else ("%.2f" % v if measure.startswith("MAPE") else "%.0f" % v)
            cells.append("**%s**" % text if v == best else text)
        print("| %s | %s | %s | %s |" % (level, step, measure, " | ".join(cells)))
    print()
    # Per bottom series, recomputed from the windows.
    bottom = [s["id"] for s in doc["series"] if s["level"] == "bottom"]
    ape = {}
    for w in bt["windows"]:
        for s in w["series"]:
            if s["id"] not in bottom:
                continue
            for p in s["points"]:
                for m in methods:
                    f = p["forecasts"][m]
                    ape.setdefault(s["id"], {}).setdefault(m, []).append(100 * abs(p["actual"] - f) / abs(p["actual"]))
    print("| bottom series, MAPE %% (h = 1–%d) | " % bt["horizon"] + " | ".join(methods) + " |")
    print("|---|" + "---|" * len(methods))
    for sid in bottom:
        vals = [sum(ape[sid][m]) / len(ape[sid][m]) for m in methods]
        print("| %s | %s |" % (SHORT(sid), " | ".join("%.2f" % v for v in vals)))
    print()


for path in sys.argv[1:]:
    doc = json.load(open(path))
    w = doc["backtest"]["windows"]
    print("%s: span %s–%s, %d origins fitted through %s–%s, model %s" % (
        path, doc["span"]["start"], doc["span"]["end"], len(w), w[0]["fitted_through"], w[-1]["fitted_through"],
        doc["model"]))
    print("lambda (mint-shrink) per origin:", [w_["shrinkage_intensity"] for w_ in w],
          "failures:", [f for w_ in w for f in w_["failures"]])
    print()
    table(doc)
