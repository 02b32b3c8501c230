"""How `auto`'s members were chosen: equally weighted means (or medians) of candidate models
scored on validation windows made of M3's training parts only (the test parts are never read).

    python3 scripts/bench/m3_members.py [--muavu .build/release/muavu] [--m3 ../shared/bench/m3.csv]
        [--models ets,ets-aw,arima,theta,stm,ces,damped,ses,otm,naive2,drift,holt] [--max-members 5]
        [--by all|period|subset] [--combiners mean,median] [--top 10] [--work out/members]

Window 1 holds out each series' last h training values (h = its test horizon: 6, 8, 18, 8);
window 2 the h values before those (series with at least 8 values left to fit on). Every
candidate forecasts each window with `muavu forecast --intervals model` (point forecasts only
are used); each combination of 1 to --max-members candidates is scored by sMAPE over every
point of both windows (series where every candidate gave a forecast). With `--by period` the
scores are kept apart by the series' seasonal period (1, 4, 12: what `auto` can see of a
series), with `--by subset` by M3 subset. Prints the best of each group, with their score on
each window, and the pooled score of the best choice per group. docs/benchmarks/m3.md has the
result.
"""
import argparse, itertools
import numpy as np
import m3_windows

p = argparse.ArgumentParser()
p.add_argument("--muavu", default=".build/release/muavu")
p.add_argument("--m3", default="../shared/bench/m3.csv")
p.add_argument("--models", default="ets,ets-aw,arima,theta,stm,ces,damped,ses,otm,naive2,drift,holt")
p.add_argument("--max-members", type=int, default=5)
p.add_argument("--by", choices=["all", "period", "subset"], default="all")
p.add_argument("--combiners", default="mean")
p.add_argument("--top", type=int, default=10)
p.add_argument("--work", default="out/members")
p.add_argument("--current", default="mean ets-aw+arima+theta+stm+ces",
               help="the combination auto uses now, scored beside the best")
a = p.parse_args()
models = a.models.split(",")
combiners = a.combiners.split(",")
train, horizon = m3_windows.load(a.m3)
group_of = train.groupby("series_id").first()
group_of = (group_of["period"].astype(str) if a.by == "period"
            else group_of["subset"] if a.by == "subset" else group_of["subset"].map(lambda _: "all")).to_dict()

# data[group][window] = (actual values, {model: forecasts}, series count)
data = {}
for w in (1, 2):
    held = m3_windows.window(train, horizon, w, models, a.muavu, a.work)
    for group in sorted(set(group_of[k] for k in held)):
        gids = [k for k in held if group_of[k] == group]
        data.setdefault(group, {})[w] = (
            np.concatenate([held[k][0] for k in gids]),
            {m: np.concatenate([held[k][1][m] for k in gids]) for m in models}, len(gids))

def errors(group, window, members, combiner):
    y, f, _ = data[group][window]
    stack = np.array([f[m] for m in members])
    c = np.median(stack, axis=0) if combiner == "median" else np.mean(stack, axis=0)
    return 200 * np.abs(y - c) / (np.abs(y) + np.abs(c))

candidates = [(c, k) for k in combiners
              for n in range(1 if a.max_members >= 1 else 2, a.max_members + 1)
              for c in itertools.combinations(models, n) if not (n <= 2 and k == "median")]
best = {}
for group in sorted(data):
    counts = ", ".join(f"window {w}: {data[group][w][2]} series" for w in (1, 2))
    print(f"\n== {a.by} {group} ({counts})")
    rows = []
    for members, combiner in candidates:
        e1, e2 = errors(group, 1, members, combiner), errors(group, 2, members, combiner)
        rows.append((float(np.mean(np.concatenate([e1, e2]))), float(np.mean(e1)), float(np.mean(e2)),
                     combiner + " " + "+".join(members), members, combiner))
    rows.sort(key=lambda r: r[0])
    best[group] = rows[0]
    for r in rows[: a.top]:
        print("both windows %.3f   window 1 %.3f   window 2 %.3f   %s" % r[:4])
if len(data) > 1:
    pooled = np.concatenate([np.concatenate([errors(g, w, best[g][4], best[g][5]) for w in (1, 2)]) for g in data])
    print("\npooled score of the best choice per %s: %.3f (%s)" % (
        a.by, float(np.mean(pooled)), "; ".join(f"{g}: {best[g][3]}" for g in sorted(best))))

def score(choice, windows):
    """sMAPE over every point of the windows, with choice[group] = (members, combiner)."""
    return float(np.mean(np.concatenate([errors(g, w, *choice[g]) for g in data for w in windows])))

def best_on(windows):
    choice = {}
    for g in data:
        rows = [(float(np.mean(np.concatenate([errors(g, w, m, k) for w in windows]))), m, k) for m, k in candidates]
        choice[g] = min(rows, key=lambda r: r[0])[1:]
    return choice

k, m = a.current.split(" ")
current = {g: (tuple(m.split("+")), k) for g in data}
print("\nchosen on one window, scored on the other (the selection's optimism shows here):")
for pick, other in ((1, 2), (2, 1)):
    c = best_on([pick])
    print("  best per %s on window %d: window %d %.3f (%s); %s: window %d %.3f" % (
        a.by, pick, other, score(c, [other]), "; ".join(f"{g}: {c[g][1]} {'+'.join(c[g][0])}" for g in sorted(c)),
        a.current, other, score(current, [other])))
