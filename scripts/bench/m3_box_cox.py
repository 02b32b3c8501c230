"""How `auto` came to fit its ARIMA member on the Box-Cox scale: the mean of the five members
fitted on each series as it is (`raw`), all five on its Box-Cox scale (Guerrero λ in [0, 1]) for
every series (`box-cox`) or for seasonal series only (`box-cox seasonal`), all five on the
Box-Cox scale of the series divided by its geometric mean for seasonal series (`unit-free
seasonal`: the same forecasts whatever the unit of the data), and ARIMA alone on that unit-free
scale for every series (`arima unit-free`, what `auto` does), scored on the validation windows of
m3_windows.py (M3's training parts only; the test parts are never read).

    python3 scripts/bench/m3_box_cox.py [--muavu .build/release/muavu] [--m3 ../shared/bench/m3.csv]
        [--members ets-aw,arima,theta,stm,ces] [--work out/box-cox]

λ is Guerrero's (subseries of max(period, 2) values, the last ⌊n/p⌋·p observations, CV of
sd/mean^(1−λ) minimised by scipy's bounded Brent), as muavu's BoxCox.guerreroLambda; a series
without a λ (a value ≤ 0, fewer than two subseries, no variation) stays on its own scale. Each
member forecasts the transformed series with `muavu forecast --intervals model`, and its points
are transformed back (medians). Prints sMAPE (over every point) and MASE (mean over series,
scaled by the in-sample seasonal-naive MAE of the fit part) by subset and by seasonal period
for each window, and checks that the `arima unit-free` variant is what `muavu forecast --model
auto` gives (`muavu auto`: the same design, with λ from muavu's own minimiser on the series
itself rather than from this script's transformed CSV; where two candidate models tie to
rounding, the choice can differ). docs/benchmarks/m3.md has the result.
"""
import argparse, json, os, subprocess
import numpy as np, pandas as pd
from scipy.optimize import minimize_scalar
import m3_windows

p = argparse.ArgumentParser()
p.add_argument("--muavu", default=".build/release/muavu")
p.add_argument("--m3", default="../shared/bench/m3.csv")
p.add_argument("--members", default="ets-aw,arima,theta,stm,ces")
p.add_argument("--work", default="out/box-cox")
a = p.parse_args()
members = a.members.split(",")
train, horizon = m3_windows.load(a.m3)


def guerrero(x, period):
    """Guerrero's λ in [0, 1], or None (as muavu's BoxCox.guerreroLambda)."""
    if np.any(x <= 0):
        return None
    q = max(period, 2)
    k = len(x) // q
    if k < 2:
        return None
    xs = x[len(x) - k * q:].reshape(k, q)
    mu, sd = xs.mean(1), xs.std(1, ddof=1)
    if not np.any(sd > 0):
        return None
    cv = lambda lam: (lambda r: r.std(ddof=1) / r.mean())(sd / mu ** (1 - lam))
    return minimize_scalar(cv, bounds=(0, 1), method="bounded", options={"xatol": 1e-10}).x


def forward(x, lam):
    return np.log(x) if lam == 0 else (x ** lam - 1) / lam


def inverse(w, lam):
    if lam == 0:
        return np.exp(w)
    base = lam * w + 1
    return np.where(base > 0, np.abs(base) ** (1 / lam), 0.0)


def transformed_window(w, held, fits, unit_free):
    """{series: {member: back-transformed point forecasts}} on the Box-Cox scale (of y divided
    by its geometric mean when `unit_free`); `fits` from m3_windows.fit_parts."""
    tag = "bcu" if unit_free else "bc"
    parts, lams = [], {}
    for sid in held:
        g = fits[sid][0].copy()
        x = g.value.to_numpy(float)
        lam = guerrero(x, int(g.period.iloc[0]))
        if lam is not None and len(x) <= 2 * int(g.period.iloc[0]):
            lam = None  # more than two seasons are needed, as in muavu and R's BoxCox.lambda
        scale = float(np.exp(np.mean(np.log(x)))) if lam is not None and unit_free else 1.0
        if lam is not None:
            g["value"] = forward(x / scale, lam)
        lams[sid] = (lam, scale)
        parts.append(g)
    out = {}
    for subset, sub in pd.concat(parts).groupby("subset"):
        path = f"{a.work}/window{w}-{tag}-{subset}.csv"
        sub.to_csv(path, index=False)
        h = horizon[sub.series_id.iloc[0]]
        for m in members:
            dest = f"{a.work}/window{w}-{tag}-{subset}-{m}.json"
            if not os.path.exists(dest):
                subprocess.run([a.muavu, "forecast", "--intervals", "model", "--data", path, "--horizon", str(h),
                                "--model", m, "--level", "95", "--output", dest], check=True, stderr=subprocess.DEVNULL)
            for s in json.load(open(dest))["series"]:
                f = np.array([pt["mean"] for pt in s["points"]])
                lam, scale = lams[s["id"]]
                out.setdefault(s["id"], {})[m] = f if lam is None else scale * inverse(f, lam)
    return out


info = train.groupby("series_id").agg(subset=("subset", "first"), period=("period", "first"))
for w in (1, 2):
    held = m3_windows.window(train, horizon, w, members + ["auto"], a.muavu, a.work)
    fits = m3_windows.fit_parts(train, horizon, w)
    bc = transformed_window(w, held, fits, unit_free=False)
    bcu = transformed_window(w, held, fits, unit_free=True)
    rows = {}
    gap = 0.0
    for sid, (y, f) in held.items():
        if any(sid not in t or any(m not in t[sid] for m in members) for t in (bc, bcu)):
            continue
        period = int(info.period[sid])
        x = fits[sid][0].value.to_numpy(float)
        lag = period if len(x) > period else 1
        scale = np.mean(np.abs(x[lag:] - x[:-lag]))
        raw = np.mean([f[m] for m in members], 0)
        boxcox = np.mean([bc[sid][m] for m in members], 0)
        unit_free = np.mean([bcu[sid][m] for m in members], 0)
        arima_unit_free = np.mean([bcu[sid][m] if m == "arima" else f[m] for m in members], 0)
        variants = {"raw": raw, "box-cox": boxcox, "box-cox seasonal": boxcox if period > 1 else raw,
                    "unit-free seasonal": unit_free if period > 1 else raw, "arima unit-free": arima_unit_free,
                    "muavu auto": f["auto"]}
        gap = max(gap, np.max(np.abs(variants["arima unit-free"] - f["auto"]) / np.abs(f["auto"])))
        for name, c in variants.items():
            e = 200 * np.abs(y - c) / (np.abs(y) + np.abs(c))
            mase = np.mean(np.abs(y - c)) / scale
            for group in ("all", info.subset[sid], f"period {period}"):
                rows.setdefault((group, name), []).append((e, mase))
    print(f"window {w} ({len(held)} series); largest relative gap between 'arima unit-free' and muavu auto: {gap:.1e}")
    groups = ["all", "yearly", "quarterly", "monthly", "other", "period 1", "period 4", "period 12"]
    for group in groups:
        cells = []
        for name in ("raw", "box-cox", "box-cox seasonal", "unit-free seasonal", "arima unit-free", "muavu auto"):
            r = rows[(group, name)]
            cells.append(f"{name} {np.concatenate([e for e, _ in r]).mean():.3f} / {np.mean([m for _, m in r]):.3f}")
        print(f"  {group:10s} sMAPE / MASE: " + " | ".join(cells))
