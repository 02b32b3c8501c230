"""Validation windows made of M3's training parts only, shared by m3_members.py and
m3_pooling.py: window w holds out the h training values that end (w - 1)·h values before the
training part's end (h = the series' test horizon: 6, 8, 18, 8) and fits on what comes before
(series with at least 8 values left). Forecasts come from `muavu forecast --intervals model`
(point forecasts only), cached as JSON under `work`; the cache is emptied when the muavu binary
changes (its path, size or modification time, kept in `work/BINARY`).
"""
import glob, json, os, subprocess
import numpy as np, pandas as pd


def load(m3_path):
    """The training parts (sorted) and each series' test horizon."""
    m3 = pd.read_csv(m3_path)
    train = m3[m3.split == "train"].sort_values(["series_id", "t"])
    horizon = m3[m3.split == "test"].groupby("series_id").size().to_dict()
    return train, horizon


def fresh_cache(muavu, work):
    """Empties `work` of forecasts made by another muavu binary than `muavu`."""
    os.makedirs(work, exist_ok=True)
    st = os.stat(muavu)
    stamp = f"{os.path.realpath(muavu)} {st.st_size} {int(st.st_mtime)}\n"
    path = os.path.join(work, "BINARY")
    if not os.path.exists(path) or open(path).read() != stamp:
        for old in glob.glob(os.path.join(work, "window*-*.json")):
            os.remove(old)
        with open(path, "w") as f:
            f.write(stamp)


def fit_parts(train, horizon, w):
    """{series: (the training rows window w forecasts from, its held-out values)} for the series
    with at least 8 values before the window."""
    parts = {}
    for sid, g in train.groupby("series_id"):
        h = horizon[sid]
        if len(g) - w * h < 8:
            continue
        parts[sid] = (g.iloc[: len(g) - w * h], g.value.to_numpy()[len(g) - w * h: len(g) - (w - 1) * h])
    return parts


def window(train, horizon, w, models, muavu, work):
    """{series: (held-out values, {model: point forecasts})} for window w, for the series where
    every model gave a forecast."""
    fresh_cache(muavu, work)
    parts = fit_parts(train, horizon, w)
    actual = {sid: held for sid, (_, held) in parts.items()}
    forecasts = {}
    for subset, sub in pd.concat([rows for rows, _ in parts.values()]).groupby("subset"):
        path = f"{work}/window{w}-{subset}.csv"
        sub.to_csv(path, index=False)
        h = horizon[sub.series_id.iloc[0]]
        for m in models:
            out = f"{work}/window{w}-{subset}-{m}.json"
            if not os.path.exists(out):
                subprocess.run([muavu, "forecast", "--intervals", "model", "--data", path, "--horizon", str(h),
                                "--model", m, "--level", "95", "--output", out], check=True, stderr=subprocess.DEVNULL)
            for s in json.load(open(out))["series"]:
                forecasts.setdefault(s["id"], {})[m] = np.array([pt["mean"] for pt in s["points"]])
    return {k: (actual[k], forecasts[k]) for k in sorted(actual)
            if k in forecasts and all(m in forecasts[k] for m in models)}
