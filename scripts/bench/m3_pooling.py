"""Combination rules for `auto` that use each series' own holdout errors, scored on validation
windows made of M3's training parts only (the test parts are never read).

    python3 scripts/bench/m3_pooling.py [--muavu .build/release/muavu] [--m3 ../shared/bench/m3.csv]
        [--members ets-aw,arima,theta,stm,ces] [--work out/members]

Window w holds out the h training values that end (w - 1)·h values before the training part's
end (h = the series' test horizon: 6, 8, 18, 8), fitting on what comes before (series with at
least 8 values left). The members' errors on window w + 1 are the evidence a rule may use for
window w: exactly the holdout `auto` has when it calibrates its members' intervals (the last h
values of what it is fitted on). Rules, all fixed before scoring:
- mean: the equally weighted mean of every member (what `auto` is);
- median: their median;
- trimmed: the mean without the highest and lowest forecast at each step (Jose & Winkler 2008,
  IJF 24(1));
- best-k: the mean of the k members with the lowest sMAPE on the evidence window (forecast
  pooling, Kourentzes, Barrow & Petropoulos 2019, IJPE 209), the mean of all where a series has
  no evidence window.
Prints each rule's sMAPE over every point of windows 1 and 2, by M3 subset and over all.
"""
import argparse
import numpy as np
import m3_windows

p = argparse.ArgumentParser()
p.add_argument("--muavu", default=".build/release/muavu")
p.add_argument("--m3", default="../shared/bench/m3.csv")
p.add_argument("--members", default="ets-aw,arima,theta,stm,ces")
p.add_argument("--work", default="out/members")
a = p.parse_args()
members = a.members.split(",")
train, horizon = m3_windows.load(a.m3)
subset_of = train.groupby("series_id").subset.first().to_dict()

# windows[w] = {series: (actual, {member: forecast})}
windows = {w: m3_windows.window(train, horizon, w, members, a.muavu, a.work) for w in (1, 2, 3)}

def smape(y, f):
    return 200 * np.abs(y - f) / (np.abs(y) + np.abs(f))

def combine(rule, f, evidence):
    stack = np.array([f[m] for m in members])
    if rule == "mean":
        return stack.mean(axis=0)
    if rule == "median":
        return np.median(stack, axis=0)
    if rule == "trimmed":
        s = np.sort(stack, axis=0)
        return s[1:-1].mean(axis=0)
    k = int(rule.split("-")[1])
    if evidence is None:
        return stack.mean(axis=0)
    y, g = evidence
    order = sorted(members, key=lambda m: (float(np.mean(smape(y, g[m]))), members.index(m)))
    return np.mean([f[m] for m in order[:k]], axis=0)

rules = ["mean", "median", "trimmed"] + [f"best-{k}" for k in range(1, len(members))]
for w in (1, 2):
    print(f"\nwindow {w} ({len(windows[w])} series; evidence from window {w + 1} for "
          f"{sum(k in windows[w + 1] for k in windows[w])} of them)")
    print("%-8s" % "rule" + "".join("%11s" % s for s in ["yearly", "quarterly", "monthly", "other", "all"]))
    for rule in rules:
        errs = {}
        for k, (y, f) in windows[w].items():
            e = smape(y, combine(rule, f, windows[w + 1].get(k)))
            errs.setdefault(subset_of[k], []).append(e)
        row = [float(np.mean(np.concatenate(errs[s]))) for s in ["yearly", "quarterly", "monthly", "other"]]
        row.append(float(np.mean(np.concatenate([np.concatenate(v) for v in errs.values()]))))
        print("%-8s" % rule + "".join("%11.3f" % v for v in row))
