"""How `auto`'s members were chosen: equally weighted means of candidate models scored on
validation windows made of M3's training parts only (the test parts are never read).

    python3 scripts/bench/m3_members.py [--muavu .build/release/muavu] [--m3 ../shared/bench/m3.csv]
        [--models ets,arima,theta,stm,ces,damped,ses,otm,naive2,drift,holt] [--max-members 5]
        [--work out/members]

Window 1 holds out each series' last h training values (h = its test horizon: 6, 8, 18, 8);
window 2 the h values before those (series with at least 8 values left to fit on). Every
candidate forecasts each window with `muavu forecast --intervals model` (point forecasts only
are used); each equally weighted mean of 2 to --max-members candidates is scored by sMAPE over
every point of both windows (series where every candidate gave a forecast). Prints the ten best,
with their score on each window. docs/benchmarks/m3.md has the result.
"""
import argparse, itertools, json, os, subprocess
import numpy as np, pandas as pd

p = argparse.ArgumentParser()
p.add_argument("--muavu", default=".build/release/muavu")
p.add_argument("--m3", default="../shared/bench/m3.csv")
p.add_argument("--models", default="ets,arima,theta,stm,ces,damped,ses,otm,naive2,drift,holt")
p.add_argument("--max-members", type=int, default=5)
p.add_argument("--work", default="out/members")
a = p.parse_args()
models = a.models.split(",")
os.makedirs(a.work, exist_ok=True)
m3 = pd.read_csv(a.m3)
train = m3[m3.split == "train"].sort_values(["series_id", "t"])
horizon = m3[m3.split == "test"].groupby("series_id").size().to_dict()

data = {}
for window in (1, 2):
    parts, actual = [], {}
    for sid, g in train.groupby("series_id"):
        h = horizon[sid]
        if len(g) - window * h < 8:
            continue
        fit = g.iloc[: len(g) - window * h]
        actual[sid] = g.value.to_numpy()[len(g) - window * h: len(g) - (window - 1) * h]
        parts.append(fit)
    fit = pd.concat(parts)
    forecasts = {}
    for subset, sub in fit.groupby("subset"):
        path = f"{a.work}/window{window}-{subset}.csv"
        sub.to_csv(path, index=False)
        h = horizon[sub.series_id.iloc[0]]
        for m in models:
            out = f"{a.work}/window{window}-{subset}-{m}.json"
            if not os.path.exists(out):
                subprocess.run([a.muavu, "forecast", "--intervals", "model", "--data", path, "--horizon", str(h),
                                "--model", m, "--level", "95", "--output", out], check=True, stderr=subprocess.DEVNULL)
            doc = json.load(open(out))
            for s in doc["series"]:
                forecasts.setdefault(m, {})[s["id"]] = np.array([pt["mean"] for pt in s["points"]])
    ids = sorted(k for k in actual if all(k in forecasts[m] for m in models))
    data[window] = (np.concatenate([actual[k] for k in ids]),
                    {m: np.concatenate([forecasts[m][k] for k in ids]) for m in models}, len(ids))

def smape(windows, members):
    errors = []
    for w in windows:
        y, f, _ = data[w]
        mean = np.mean([f[m] for m in members], axis=0)
        errors.append(200 * np.abs(y - mean) / (np.abs(y) + np.abs(mean)))
    return float(np.mean(np.concatenate(errors)))

print(f"window 1: {data[1][2]} series, window 2: {data[2][2]} series")
rows = sorted((smape([1, 2], c), smape([1], c), smape([2], c), "+".join(c))
              for k in range(2, a.max_members + 1) for c in itertools.combinations(models, k))
for r in rows[:10]:
    print("both windows %.3f   window 1 %.3f   window 2 %.3f   %s" % r)
