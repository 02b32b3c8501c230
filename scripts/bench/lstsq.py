#!/usr/bin/env python3
"""Times numpy.linalg.lstsq (LAPACK dgelsd) and scipy.linalg.lstsq(lapack_driver='gelsy')
(pivoted QR, the method closest to muavu's) on the same random design as
Benchmarks/Sources/lstsq-bench: SplitMix64 uniforms on [-1, 1), X column-major first, then y.
Usage: lstsq.py [rows] [columns] [repeats] [seed]. Prints "name rows cols best median" lines.
"""
import sys
import time

import numpy as np
import scipy.linalg

args = [int(a) for a in sys.argv[1:]]
rows = args[0] if len(args) > 0 else 200_000
cols = args[1] if len(args) > 1 else 50
repeats = args[2] if len(args) > 2 else 5
seed = args[3] if len(args) > 3 else 20261129

GAMMA = np.uint64(0x9E3779B97F4A7C15)


def splitmix64_uniform(seed, count, offset=0):
    """The SplitMix64 stream from `seed`, calls offset+1 .. offset+count, as uniforms on [-1, 1)."""
    with np.errstate(over="ignore"):
        k = np.arange(offset + 1, offset + count + 1, dtype=np.uint64)
        z = np.uint64(seed) + k * GAMMA
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -52 - 1.0


X = np.asfortranarray(splitmix64_uniform(seed, rows * cols).reshape(cols, rows).T)
beta = np.array([float(j % 7) - 3 for j in range(cols)])
y = X @ beta + 0.1 * splitmix64_uniform(seed, rows, offset=rows * cols)


def bench(name, solve):
    times = []
    for r in range(repeats):
        t0 = time.perf_counter()
        b = solve()
        times.append(time.perf_counter() - t0)
        print(f"{name} repeat {r + 1}: {times[-1]:.3f} s, max |b - beta| = {np.max(np.abs(b - beta))}", file=sys.stderr)
    times.sort()
    print(f"{name} {rows} {cols} {times[0]:.4f} {times[len(times) // 2]:.4f}")


bench("numpy-lstsq-gelsd", lambda: np.linalg.lstsq(X, y, rcond=None)[0])
bench("scipy-lstsq-gelsy", lambda: scipy.linalg.lstsq(X, y, lapack_driver="gelsy", check_finite=False)[0])
