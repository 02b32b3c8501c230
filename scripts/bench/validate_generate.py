#!/usr/bin/env python3
"""Writes a tidy CSV of ROWS rows (default 1,000,000) for the validate benchmark:
1,000 monthly series (`series-0001`...) of ROWS/1000 months from 1900-01, values with 2 decimals,
a `unit` column. Deterministic (seeded).

    python3 scripts/bench/validate_generate.py OUT.csv [ROWS]
"""
import random
import sys


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    n_series = 1000
    per = rows // n_series
    rng = random.Random(20240601)
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("series_id,date,value,unit\n")
        for s in range(1, n_series + 1):
            level = rng.uniform(1000, 20000)
            lines = []
            for k in range(per):
                y, m = 1900 + k // 12, k % 12 + 1
                level = max(1.0, level * (1 + rng.gauss(0, 0.02)))
                lines.append(f"series-{s:04d},{y:04d}-{m:02d},{level:.2f},VND/kg\n")
            f.write("".join(lines))


if __name__ == "__main__":
    main()
