#!/usr/bin/env python3
"""Side-by-side M3 comparison of muavu and statsforecast 2.1.1 (see docs/benchmarks/m3.md).

    m3_compare.py statsforecast --data m3.csv --models ets,theta --output sf.json [--subset monthly]
        Fits the statsforecast counterparts of muavu's models on the train part of every series,
        one core (n_jobs=1), forecasts the test horizon with 95% intervals and scores them exactly as
        `muavu benchmark` does: sMAPE (M3/M4) over every series and step, MASE (in-sample
        seasonal-naive scale at the series' period, naive when the series is not longer than a
        season) averaged over series, 95% coverage over every step; seconds = wall time of
        fitting and forecasting the subset (after a warm-up fit of one series, so that numba's
        compilation is not counted).
    m3_compare.py table --muavu muavu.json --statsforecast sf.json [--rss-kb N]
        Prints one Markdown table: both engines' scores, seconds and the speed ratio.

muavu ↔ statsforecast: ets ↔ AutoETS, theta ↔ DynamicOptimizedTheta, stm ↔ Theta,
arima ↔ AutoARIMA, naive2 ↔ Naive2 (statsforecast has no Naive2: it is written below from the
M4 guide, seasonally adjusted naive with the 90% autocorrelation test), naive ↔ Naive,
snaive ↔ SeasonalNaive.
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd

PEERS = {"ets": "AutoETS", "theta": "DynamicOptimizedTheta", "stm": "Theta", "arima": "AutoARIMA",
         "naive2": "Naive2", "naive": "Naive", "snaive": "SeasonalNaive"}


def naive2(y, period, h):
    """Naive2 of the M4 guide: naive forecast of the seasonally adjusted series (classical
    multiplicative decomposition) when the lag-`period` autocorrelation passes the 90% test."""
    y = np.asarray(y, float)
    n = len(y)
    seasonal = False
    if period > 1 and n >= 3 * period:
        yc = y - y.mean()
        acf = [np.sum(yc[k:] * yc[:n - k]) / np.sum(yc * yc) for k in range(period + 1)]
        limit = 1.645 * np.sqrt((1 + 2 * np.sum(np.square(acf[1:period]))) / n)
        seasonal = abs(acf[period]) > limit
    if not seasonal:
        return np.repeat(y[-1], h)
    w = np.r_[0.5, np.ones(period - 1), 0.5] / period if period % 2 == 0 else np.ones(period) / period
    trend = np.convolve(y, w, mode="valid")
    off = (len(w) - 1) // 2
    ratio = np.full(n, np.nan)
    ratio[off:off + len(trend)] = y[off:off + len(trend)] / trend
    idx = np.array([np.nanmean(ratio[k::period]) for k in range(period)])
    idx = idx / idx.mean()
    adjusted = y / idx[np.arange(n) % period]
    return np.repeat(adjusted[-1], h) * idx[np.arange(n, n + h) % period]


def peer_model(name, period):
    from statsforecast import models as m
    return {"AutoETS": lambda: m.AutoETS(season_length=period),
            "DynamicOptimizedTheta": lambda: m.DynamicOptimizedTheta(season_length=period),
            "Theta": lambda: m.Theta(season_length=period),
            "AutoARIMA": lambda: m.AutoARIMA(season_length=period),
            "Naive": lambda: m.Naive(),
            "SeasonalNaive": lambda: m.SeasonalNaive(season_length=period)}[name]()


def score(train, test, forecast, lower, upper, period):
    """sMAPE terms, MASE (or None) and covered steps of one series, as muavu computes them."""
    y, f = np.asarray(test), np.asarray(forecast)
    denominator = np.abs(y) + np.abs(f)
    terms = np.where(denominator == 0, 0.0, 200 * np.abs(y - f) / np.where(denominator == 0, 1, denominator))
    x = np.asarray(train)
    m = period if len(x) > period else 1
    scale = np.mean(np.abs(x[m:] - x[:-m])) if len(x) > m else 0.0
    mase = float(np.mean(np.abs(y - f)) / scale) if scale > 0 else None
    covered = None if lower is None else int(np.sum((y >= np.asarray(lower)) & (y <= np.asarray(upper))))
    return terms, mase, covered


def run_statsforecast(args):
    from statsforecast import StatsForecast
    data = pd.read_csv(args.data)
    if args.subset:
        data = data[data.subset.isin(args.subset)]
    models = [m for m in args.models.split(",") if m]
    rows = []
    for subset in sorted(data.subset.unique()):
        part = data[data.subset == subset]
        period = int(part.period.iloc[0])
        train = part[part.split == "train"].sort_values(["series_id", "t"])
        test = part[part.split == "test"].sort_values(["series_id", "t"])
        h = int(test.groupby("series_id").size().max())
        train_df = pd.DataFrame({"unique_id": train.series_id, "ds": train.t, "y": train.value.astype(float)})
        series = {sid: (g.value.to_numpy(float), test[test.series_id == sid].value.to_numpy(float))
                  for sid, g in train.groupby("series_id")}
        for model in models:
            peer = PEERS.get(model)
            if peer is None:
                print(f"no statsforecast counterpart for {model}", file=sys.stderr)
                continue
            if peer != "Naive2":
                # Warm-up outside the clock: statsforecast compiles its models with numba on first use.
                first = train_df[train_df.unique_id == train_df.unique_id.iloc[0]]
                StatsForecast(models=[peer_model(peer, period)], freq=1, n_jobs=1).forecast(df=first, h=h, level=[95])
            start = time.perf_counter()
            if peer == "Naive2":
                forecasts = {sid: (naive2(tr, period, len(te)), None, None) for sid, (tr, te) in series.items()}
            else:
                sf = StatsForecast(models=[peer_model(peer, period)], freq=1, n_jobs=1)
                fc = sf.forecast(df=train_df, h=h, level=[95])
                col = [c for c in fc.columns if c not in ("unique_id", "ds") and "-lo-" not in c and "-hi-" not in c][0]
                forecasts = {sid: (g[col].to_numpy(), g[f"{col}-lo-95"].to_numpy(), g[f"{col}-hi-95"].to_numpy())
                             for sid, g in fc.groupby("unique_id")}
            seconds = time.perf_counter() - start
            terms, mases, covered, steps = [], [], 0, 0
            for sid, (tr, te) in series.items():
                f, lo, hi = forecasts[sid]
                k = len(te)
                t, m, c = score(tr, te, f[:k], None if lo is None else lo[:k], None if hi is None else hi[:k], period)
                terms.extend(t)
                if m is not None:
                    mases.append(m)
                if c is not None:
                    covered += c
                    steps += k
            rows.append({"model": model, "peer": peer, "subset": subset, "series": len(series),
                         "smape": float(np.mean(terms)), "mase": float(np.mean(mases)),
                         "coverage95": covered / steps if steps else None, "seconds": seconds,
                         "smape_sum": float(np.sum(terms)), "steps": len(terms),
                         "mase_sum": float(np.sum(mases)), "mase_series": len(mases),
                         "covered": covered, "interval_steps": steps})
            print(f"statsforecast {peer} {subset}: {seconds:.1f}s", file=sys.stderr)
    for model in models:
        mine = [r for r in rows if r["model"] == model]
        if not mine:
            continue
        st = sum(r["steps"] for r in mine)
        ms = sum(r["mase_series"] for r in mine)
        isteps = sum(r["interval_steps"] for r in mine)
        rows.append({"model": model, "peer": mine[0]["peer"], "subset": "all", "series": sum(r["series"] for r in mine),
                     "smape": sum(r["smape_sum"] for r in mine) / st, "mase": sum(r["mase_sum"] for r in mine) / ms,
                     "coverage95": sum(r["covered"] for r in mine) / isteps if isteps else None,
                     "seconds": sum(r["seconds"] for r in mine)})
    with open(args.output, "w") as f:
        json.dump({"statsforecast": __import__("statsforecast").__version__, "results": rows}, f, indent=1)


def fmt(x, d=3):
    return "–" if x is None else f"{x:.{d}f}"


def table(args):
    muavu = json.load(open(args.muavu))
    sf = json.load(open(args.statsforecast))
    peers = {(r["model"], r["subset"]): r for r in sf["results"]}
    print(f"| subset | muavu model | series | sMAPE muavu | sMAPE sf | MASE muavu | MASE sf | "
          f"95% cov. muavu | 95% cov. sf | s muavu | s sf ({sf['statsforecast']}) | speed ratio sf/muavu |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in muavu["results"]:
        p = peers.get((r["model"], r["subset"]), {})
        ratio = p.get("seconds") / r["seconds"] if p.get("seconds") and r["seconds"] > 0 else None
        print(f"| {r['subset']} | {r['model']} ↔ {p.get('peer', '–')} | {r['series']} | {fmt(r['smape'])} | "
              f"{fmt(p.get('smape'))} | {fmt(r['mase'])} | {fmt(p.get('mase'))} | {fmt(r['coverage'].get('95'))} | "
              f"{fmt(p.get('coverage95'))} | {fmt(r['seconds'], 2)} | {fmt(p.get('seconds'), 2)} | {fmt(ratio, 2)} |")
    if muavu.get("errors"):
        print(f"\nmuavu series errors: {len(muavu['errors'])} (first: {muavu['errors'][0]})")
    if args.rss_kb:
        print(f"\nPeak RSS of the muavu run: {int(args.rss_kb) / 1024:.1f} MiB")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    a = sub.add_parser("statsforecast")
    a.add_argument("--data", required=True)
    a.add_argument("--models", required=True)
    a.add_argument("--subset", action="append")
    a.add_argument("--output", required=True)
    b = sub.add_parser("table")
    b.add_argument("--muavu", required=True)
    b.add_argument("--statsforecast", required=True)
    b.add_argument("--rss-kb")
    args = ap.parse_args()
    run_statsforecast(args) if args.command == "statsforecast" else table(args)


if __name__ == "__main__":
    main()
