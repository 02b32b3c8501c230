#!/usr/bin/env python3
"""Writes datasets/bounds.json and Sources/AgriData/ValueBounds+Standard.swift (the same rules)
from the ranges below: impossible ranges (no negative amounts, yields no field reaches) and
plausible ranges per unit and series, each with the data range it was set from (../shared/data)
and its margin. docs/design/number-formats.md gives the reasons.

    python3 scripts/datasets/bounds.py && swift format format --in-place Sources/AgriData/ValueBounds+Standard.swift
"""
import json
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NEG = "a quantity, area or price cannot be negative"
R = []
def hard_min(unit):
    R.append({"unit": unit, "min": 0, "note": NEG, "impossible": True})
# One per dimension: a range matches every unit that converts into its own (t: kg, tạ, tấn, nghìn tấn...).
for u in ["t", "ha", "VND", "VND/kg", "VND/USD", "USD", "USD/t", "USD/bbl", "THB/t", "IDR", "IDR/kg", "t/ha"]:
    hard_min(u)
R += [
  {"unit": "t/ha", "max": 60, "note": "no crop yields more than 60 t/ha", "impossible": True},
  {"unit": "t/ha", "idContains": ["rice"], "max": 15, "note": "rice yields stay below 15 t/ha a crop", "impossible": True},
  {"unit": "t/ha", "idContains": ["mango"], "max": 40, "note": "mango yields stay below 40 t/ha", "impossible": True},
  # Plausible ranges (a row marked confirmed may pass them).
  {"unit": "VND/kg", "min": 500, "max": 500000,
   "note": "farm and wholesale prices in đồng per kg",
   "source": "bundled and staged data: WFP wholesale rice 4,514-11,600 (2008-2022), paddy quotes 4,200-9,800 (2014-2026), FAOSTAT producer prices 1,639-23,978 (rice and mango, 2000-2023), Đồng Tháp mango quotes 4,000-90,000 đồng/kg (2017-2025); about an eighth of the lowest, over five times the highest"},
  {"unit": "VND/kg", "idContains": ["paddy"], "min": 2000, "max": 20000,
   "note": "farm-gate paddy (lúa) prices",
   "source": "paddy-price-quotes: An Giang DARD board and press quotes 4,200-9,800 đồng/kg (2014-2026-03); FAOSTAT PP rice (paddy) 1,639-8,680 đồng/kg (2000-2023); about half the lowest, twice the highest"},
  {"unit": "VND/kg", "idContains": ["rice", "producer"], "min": 1000, "max": 20000,
   "note": "FAOSTAT's rice producer price is paddy at the farm gate",
   "source": "FAOSTAT PP Viet Nam rice 1,638,900-8,679,610 VND/t = 1,639-8,680 đồng/kg (2000-2023); paddy quotes 4,200-9,800 đồng/kg; about 0.6 times the lowest, over twice the highest"},
  {"unit": "VND/kg", "idContains": ["rice", "wholesale"], "min": 3000, "max": 40000,
   "note": "milled rice at wholesale",
   "source": "WFP VAM wholesale rice, An Giang, Đồng Tháp, Bạc Liêu 4,514-11,600 đồng/kg (2008-01 to 2022-06); two thirds of the lowest, over three times the highest"},
  {"unit": "THB/t", "min": 1000, "max": 200000,
   "note": "producer prices in baht per tonne",
   "source": "FAOSTAT PP Thailand rice 3,215-12,793 and mango 11,380-36,250 THB/t (1991-2023); under a third of the lowest, over five times the highest"},
  {"unit": "USD/t", "min": 2, "max": 200000,
   "note": "world commodity prices in USD per tonne",
   "source": "World Bank Pink Sheet, every $/mt column 1960-01 to 2025-11: 7.8 (Australian coal, 1970s) to 52,179 (nickel, 2007); a quarter of the lowest, near four times the highest"},
  {"unit": "USD/t", "idContains": ["rice"], "min": 50, "max": 3000,
   "note": "rice export prices",
   "source": "World Bank Pink Sheet rice columns (Thai 5%, 25%, A.1, Viet Nam 5%) 83-907 USD/t (1960-01 to 2025-11); about 0.6 times the lowest, over three times the highest"},
  {"unit": "USD/kg", "min": 0.005, "max": 200,
   "note": "world commodity prices in USD per kg",
   "source": "World Bank Pink Sheet, every $/kg column 1960-01 to 2025-11: 0.0287 (world sugar, 1960s) to 19.25 (shrimp, Mexico); a sixth of the lowest, ten times the highest"},
  {"unit": "USD/bbl", "min": 0.5, "max": 1000,
   "note": "crude oil prices",
   "source": "World Bank Pink Sheet crude oil columns 1.21-133.93 USD/bbl (1960-01 to 2025-11); under half the lowest, over seven times the highest"},
  {"unit": "t/ha", "idContains": ["rice"], "min": 1, "max": 12,
   "note": "rice yields a crop (a crop failure is real but must be confirmed)",
   "source": "FAOSTAT Viet Nam 1.71-6.11 t/ha (1961-2023); GSO Mekong Delta provinces by season 1.17-7.74 t/ha (1995-2016), save Bến Tre's Đông Xuân 2016, 0.05 t/ha, lost to salinity; a t/ha figure typed in a tạ/ha column falls below 1"},
  {"unit": "t/ha", "idContains": ["mango"], "min": 1, "max": 30,
   "note": "mango yields",
   "source": "FAOSTAT Viet Nam mango group 3.80-16.0 t/ha (1961-2023); Đồng Tháp quote 11 t/ha; a quarter of the lowest, near twice the highest"},
  {"unit": "ha", "idContains": ["rice", "area"], "max": 10000000,
   "note": "rice area of Viet Nam or a part of it",
   "source": "FAOSTAT Viet Nam rice area harvested 4.50-7.90 million ha (1961-2023); GSO whole country at most 7.90 million ha (1995-2016)"},
  {"unit": "ha", "idContains": ["mango", "area"], "max": 500000,
   "note": "mango area of Viet Nam or a part of it",
   "source": "FAOSTAT Viet Nam mango group 3,000-123,157 ha (1961-2023); Đồng Tháp 9,000-14,399 ha; four times the highest"},
  {"unit": "t", "idContains": ["rice", "production"], "max": 100000000,
   "note": "rice production of Viet Nam or a part of it",
   "source": "FAOSTAT Viet Nam 8.37-45.09 million t (1961-2023); GSO whole country at most 45.1 million t (1995-2016); over twice the highest"},
  {"unit": "t", "idContains": ["mango", "production"], "max": 10000000,
   "note": "mango production of Viet Nam or a part of it",
   "source": "FAOSTAT Viet Nam mango group 25,500-1,498,206 t (1961-2023); over six times the highest"},
]
json.dump({"ranges": R}, open(os.path.join(ROOT, "datasets", "bounds.json"), "w"), ensure_ascii=False, indent=1)
open(os.path.join(ROOT, "datasets", "bounds.json"), "a").write("\n")

def sw(v):
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, str): return '"' + v.replace('\\', '\\\\').replace('"', '\\"') + '"'
    if isinstance(v, list): return "[" + ", ".join(sw(x) for x in v) + "]"
    if isinstance(v, float): return repr(v)
    return str(v)
order = ["unit", "idContains", "min", "max", "note", "source", "impossible"]
lines = []
neg = [r["unit"] for r in R if r.get("note") == NEG]
for r in R:
    if r.get("note") == NEG:
        continue
    args = ", ".join(f"{k}: {sw(r[k])}" for k in order if k in r)
    lines.append(f"            PlausibleRange({args}),")
swift = '''import Foundation

extension ValueBounds {
    /// The built-in rules, the same as datasets/bounds.json (a test checks it), where each
    /// range says where it comes from: non-negative areas, quantities and prices; yields below
    /// what any field reaches (impossible outside); and plausible ranges per unit and per series,
    /// set from the real data in ../shared/data with wide margins (refused outside unless the row
    /// is confirmed). docs/design/number-formats.md gives the reasons.
    public static let standard = ValueBounds(
        ranges: nonNegative.map {
            PlausibleRange(unit: $0, min: 0, note: "''' + NEG + '''", impossible: true)
        } + [
''' + "\n".join(lines) + '''
        ])

    /// Units whose amounts cannot be negative; each stands for the units that convert into it
    /// (`t` for kg, tạ, nghìn tấn; `VND/kg` for VND/t, đồng/kg).
    static let nonNegative = ''' + sw(neg) + '''
}
'''
open(os.path.join(ROOT, "Sources", "AgriData", "ValueBounds+Standard.swift"), "w").write(swift)
