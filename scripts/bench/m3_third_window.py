"""A third validation window for `auto`'s scale, measured after the choice: each M3 series'
training part without its last 3h values, forecast h ahead (h = the test horizon: 6, 8, 18, 8;
series with at least 8 values left), and scored on the h values held out (m3_windows.py; the
test parts are never read). Compares `auto` (ARIMA on the unit-free Box-Cox scale) with the
mean of its five members on the series itself, by M3 subset (sMAPE over every point).

    python3 scripts/bench/m3_third_window.py [--muavu .build/release/muavu] [--m3 ../shared/bench/m3.csv]
        [--work out/third-window]
"""
import argparse
import numpy as np
import m3_windows

p = argparse.ArgumentParser()
p.add_argument("--muavu", default=".build/release/muavu")
p.add_argument("--m3", default="../shared/bench/m3.csv")
p.add_argument("--work", default="out/third-window")
a = p.parse_args()
members = ["ets-aw", "arima", "theta", "stm", "ces"]
train, horizon = m3_windows.load(a.m3)
held = m3_windows.window(train, horizon, 3, members + ["auto"], a.muavu, a.work)
subset = train.groupby("series_id").subset.first().to_dict()
errors = {}
for sid, (y, f) in held.items():
    for name, c in [("own scale", np.mean([f[m] for m in members], 0)), ("auto", f["auto"])]:
        e = 200 * np.abs(y - c) / (np.abs(y) + np.abs(c))
        for group in (subset[sid], "all"):
            errors.setdefault((group, name), []).append(e)
print(f"window 3: {len(held)} series")
for group in ["all", "yearly", "quarterly", "monthly", "other"]:
    if (group, "auto") in errors:
        own = np.concatenate(errors[(group, "own scale")]).mean()
        auto = np.concatenate(errors[(group, "auto")]).mean()
        print(f"  {group:10s} five on the series itself {own:.3f}   auto {auto:.3f}   ({len(errors[(group, 'auto')])} series)")
