#!/usr/bin/env python3
"""Builds datasets/ (tidy long CSV that muavu reads directly) from the staged copies in ../shared/data.

    python3 scripts/datasets/build.py [--source DIR] [--out DIR] [--check]

Values are copied as text, never re-formatted: what the publisher wrote is what muavu reads.
Re-running gives byte-identical files. --check builds into a temporary directory and exits 1 if
anything differs from --out (datasets/ is stale). Python 3 standard library only.
"""
import argparse
import csv
import filecmp
import json
import os
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from common import CC_BY, CC_BY_IGO, GPL, US_PD, Resource, copy_table, read_rows, table_schema, trim_empty_ends, write_csv
import local


# ---------------------------------------------------------------------------------------------

def faostat_qcl(src, out):
    rows = read_rows(os.path.join(src, "faostat-vnm-rice-mango", "faostat_qcl_vnm_rice_mango_annual.csv"))
    items = [("Rice", "rice", "rice, paddy"),
             ("Mangoes, guavas and mangosteens", "mango", "mangoes, guavas and mangosteens")]
    elements = [("area", "area_harvested_ha", "ha", "area harvested"),
                ("production", "production_t", "t", "production"),
                ("yield", "yield_t_per_ha_derived", "t/ha", "yield (production / area, derived)")]
    res = Resource("faostat-vnm-crops", "faostat-vnm-crops.csv",
                   "Viet Nam rice and mango group: area harvested, production, yield (FAOSTAT QCL, annual)",
                   "year", [("item", "string", "FAOSTAT item"), ("element", "string", "FAOSTAT element")],
                   [{"title": "FAOSTAT Crops and livestock products (QCL), FAO", "path": "https://www.fao.org/faostat/en/#data/QCL"}],
                   [CC_BY], "faostat-vnm-rice-mango",
                   "Mango is FAO's aggregate item (mango + mangosteen + guava). Yield derived here as production / area.")
    out_rows = []
    for item, short, _ in items:
        for element, column, unit, label in elements:
            pts = trim_empty_ends(sorted(((r["year"], r[column]) for r in rows if r["item"] == item)))
            sid = f"vnm-{short}-{element}"
            res.add_series(sid, unit, f"Viet Nam {item.lower()}, {label}", pts)
            for d, v in pts:
                out_rows.append([sid, d, v, unit, item, label])
    write_csv(os.path.join(out, res.path), ["series_id", "date", "value", "unit", "item", "element"], out_rows)
    return res


def faostat_pp(src, out):
    rows = read_rows(os.path.join(src, "faostat-producer-prices", "faostat_pp_producer_prices_vnm_tha_rice_mango_annual.csv"))
    res = Resource("faostat-producer-prices", "faostat-producer-prices.csv",
                   "Farm-gate producer prices, rice (paddy) and mango group, Viet Nam and Thailand (FAOSTAT PP, annual)",
                   "year", [("country", "string", "country"), ("item", "string", "FAOSTAT item"),
                            ("currency", "string", "local currency (FAO LCU)")],
                   [{"title": "FAOSTAT Producer Prices (PP), FAO", "path": "https://www.fao.org/faostat/en/#data/PP"}],
                   [CC_BY], "faostat-producer-prices",
                   "Annual national averages, nominal local currency per tonne (divide by 1000 for per kg).")
    out_rows = []
    for country, code in [("Viet Nam", "vnm"), ("Thailand", "tha")]:
        for item, short in [("Rice", "rice"), ("Mangoes, guavas and mangosteens", "mango")]:
            sel = [r for r in rows if r["country"] == country and r["item"] == item]
            if not sel:
                continue
            currency = sel[0]["currency"]
            unit = f"{currency}/t"
            pts = trim_empty_ends(sorted((r["year"], r["producer_price_lcu_per_tonne"]) for r in sel))
            sid = f"{code}-{short}-producer-price"
            res.add_series(sid, unit, f"{country} {item.lower()}, producer price", pts)
            for d, v in pts:
                out_rows.append([sid, d, v, unit, country, item, currency])
    write_csv(os.path.join(out, res.path), ["series_id", "date", "value", "unit", "country", "item", "currency"], out_rows)
    return res


# WFP writes market names without diacritics; the Vietnamese spelling is added here.
WFP_MARKETS = {
    # market, admin1, admin2 as in WFP -> series id, market, province, district (Vietnamese)
    ("An Giang", "An Giang", "Chau Phu"): ("wfp-rice-wholesale-an-giang", "An Giang", "An Giang", "Châu Phú"),
    ("Dong Thap", "Dong Thap", "Tam Nong"): ("wfp-rice-wholesale-dong-thap", "Đồng Tháp", "Đồng Tháp", "Tam Nông"),
    ("Bac Lieu", "Bac Lieu", "Dong Hai"): ("wfp-rice-wholesale-bac-lieu", "Bạc Liêu", "Bạc Liêu", "Đông Hải"),
}


def wfp(src, out):
    rows = read_rows(os.path.join(src, "wfp-vnm-prices", "wfp_food_prices_vnm_rice_wholesale.csv"))
    res = Resource("wfp-rice-wholesale", "wfp-rice-wholesale.csv",
                   "Monthly wholesale rice prices, Mekong Delta markets (WFP VAM via HDX)",
                   "yearmonth",
                   [("usd_price", "number", "the same price in USD/kg as converted by WFP", "USD/kg"),
                    ("market", "string", "market (Vietnamese spelling)"),
                    ("province", "string", "province (admin1, Vietnamese spelling)"),
                    ("district", "string", "district (admin2, Vietnamese spelling)"),
                    ("market_source", "string", "market name as written by WFP"),
                    ("latitude", "number", "market latitude (WGS 84)"), ("longitude", "number", "market longitude (WGS 84)")],
                   [{"title": "WFP VAM food prices, Viet Nam (HDX dataset 'Viet Nam - Food Prices')",
                     "path": "https://data.humdata.org/dataset/wfp-food-prices-for-viet-nam"}],
                   [CC_BY_IGO], "wfp-vnm-prices",
                   "Dated the 15th by WFP, written YYYY-MM here. Months absent from the source are absent here: read with --on-missing skip or interpolate.")
    out_rows = []
    for key, (sid, market, province, district) in WFP_MARKETS.items():
        sel = sorted((r for r in rows if (r["market"], r["admin1"], r["admin2"]) == key), key=lambda r: r["date"])
        if not sel:
            continue
        for r in sel:
            assert r["date"][8:] == "15" and r["unit"] == "KG" and r["currency"] == "VND", r
        pts = [(r["date"][:7], r["price"]) for r in sel]
        res.add_series(sid, "VND/kg", f"Rice, wholesale, {market} ({district})", pts)
        for r in sel:
            out_rows.append([sid, r["date"][:7], r["price"], "VND/kg", r["usdprice"], market, province, district,
                             r["market"], r["latitude"], r["longitude"]])
    write_csv(os.path.join(out, res.path),
              ["series_id", "date", "value", "unit", "usd_price", "market", "province", "district", "market_source",
               "latitude", "longitude"], out_rows)
    res.gaps = "allowed"
    return res


WB_SERIES = [
    ("RICE_05", "wb-rice-thai-5"), ("RICE_25", "wb-rice-thai-25"), ("RICE_A1", "wb-rice-thai-a1"),
    ("RICE_05_VNM", "wb-rice-vnm-5"), ("WHEAT_US_HRW", "wb-wheat-us-hrw"), ("MAIZE", "wb-maize"),
    ("UREA_EE_BULK", "wb-urea"), ("DAP", "wb-dap"), ("TSP", "wb-tsp"), ("POTASH", "wb-potash"),
    ("PHOSROCK", "wb-phosphate-rock"), ("CRUDE_BRENT", "wb-crude-brent"), ("SUGAR_WLD", "wb-sugar-world"),
    ("BANANA_US", "wb-banana-us"), ("ORANGE", "wb-orange"),
]
# The Pink Sheet's unit spellings and muavu's (PinkSheetReader.units in Sources/AgriData/Import).
WB_UNITS = {"($/mt)": "USD/t", "($/bbl)": "USD/bbl", "($/kg)": "USD/kg", "($/mmbtu)": "USD/mmbtu",
            "($/cubic meter)": "USD/m³", "($/dmtu)": "USD/dmtu", "($/troy oz)": "USD/troy oz",
            "(cents/sheet)": "USc/sheet", "(2010=100)": "index 2010=100"}


def pinksheet(src, out):
    """Every column of the December 2025 release (wb_cmo_monthly_prices_full.csv), with the ids
    `muavu import --format pinksheet` gives them (the bundled ones by name, others `wb-` and the
    code), so that the November workbook in datasets/original and this file meet in the store."""
    folder = os.path.join(src, "wb-pinksheet")
    rows = read_rows(os.path.join(folder, "wb_cmo_monthly_prices_full.csv"))
    legend = read_rows(os.path.join(folder, "wb_cmo_series_legend.csv"))
    known = dict(WB_SERIES)
    res = Resource("wb-pinksheet", "wb-pinksheet-monthly.csv",
                   "World Bank Commodity Price Data (Pink Sheet): every series of the monthly workbook, rice, grains, "
                   "fertilisers, energy, metals, beverages, fruit (monthly, nominal USD)",
                   "yearmonth", [("wb_code", "string", "World Bank series code"), ("name", "string", "World Bank series name")],
                   [{"title": "World Bank Commodity Price Data (The Pink Sheet), CMO-Historical-Data-Monthly.xlsx",
                     "path": "https://www.worldbank.org/en/research/commodity-markets"}],
                   [CC_BY], "wb-pinksheet",
                   "The December 2025 release (to 2025-11); the November release's workbook is in original/. Months the "
                   "World Bank left blank inside a series are kept as empty values: read with --on-missing skip or interpolate.")
    out_rows = []
    for entry in legend:
        code, name = entry["code"], entry["name"]
        unit = WB_UNITS[entry["unit"]]
        sid = known.get(code) or "wb-" + local.slug(code)
        pts = trim_empty_ends([(f"{r['period'][:4]}-{r['period'][5:7]}", r[code]) for r in rows])
        res.add_series(sid, unit, name, pts)
        for d, v in pts:
            out_rows.append([sid, d, v, unit, code, name])
    write_csv(os.path.join(out, res.path), ["series_id", "date", "value", "unit", "wb_code", "name"], out_rows)
    res.gaps = "allowed"
    res.decimal_point = True
    return res


def enso(src, out):
    folder = os.path.join(src, "enso-indices")
    res = Resource("enso-monthly", "enso-monthly.csv",
                   "ENSO indices: ONI, Niño 1+2/3/3.4/4 SST and anomalies, SOI (NOAA CPC, monthly)",
                   "yearmonth", [("name", "string", "index"), ("season", "string", "ONI: the 3-month season centred on the month")],
                   [{"title": "NOAA Climate Prediction Center, ENSO indices (oni.ascii.txt, sstoi.indices, soi)",
                     "path": "https://www.cpc.ncep.noaa.gov/data/indices/"}],
                   [US_PD], "enso-indices",
                   "ONI is a 3-month running mean dated by its centre month (DJF -> January). Do not mix with later CPC re-bases.")
    out_rows = []

    def emit(sid, unit, name, pts, season=None):
        pts = trim_empty_ends(pts)
        res.add_series(sid, unit, name, pts)
        for i, (d, v) in enumerate(pts):
            out_rows.append([sid, d, v, unit, name, season[d] if season else ""])

    oni = read_rows(os.path.join(folder, "noaa_cpc_oni_seasonal.csv"))
    season = {r["center_date"][:7]: r["SEAS"] for r in oni}
    emit("enso-oni", "°C", "Oceanic Niño Index (ONI): Niño 3.4 anomaly, 3-month mean, ERSST.v5",
         [(r["center_date"][:7], r["ANOM"]) for r in oni], season)
    emit("enso-oni-sst", "°C", "Niño 3.4 SST, 3-month mean, ERSST.v5 (ONI TOTAL)",
         [(r["center_date"][:7], r["TOTAL"]) for r in oni], season)
    sst = read_rows(os.path.join(folder, "noaa_cpc_sstoi_nino_monthly.csv"))
    for col, sid, label in [("NINO1+2", "enso-nino12", "Niño 1+2"), ("NINO3", "enso-nino3", "Niño 3"),
                            ("NINO3.4", "enso-nino34", "Niño 3.4"), ("NINO4", "enso-nino4", "Niño 4")]:
        emit(sid, "°C", f"{label} SST, monthly, OISST.v2", [(r["date"][:7], r[col]) for r in sst])
        emit(sid + "-anom", "°C", f"{label} SST anomaly, monthly, OISST.v2", [(r["date"][:7], r[col + "_ANOM"]) for r in sst])
    soi = read_rows(os.path.join(folder, "noaa_cpc_soi_monthly.csv"))
    emit("enso-soi", "index", "Southern Oscillation Index, standardized (Tahiti − Darwin SLP)",
         [(r["date"][:7], r["soi_standardized"]) for r in soi])
    emit("enso-soi-anomaly", "index", "Southern Oscillation Index, anomaly block of CPC's soi file",
         [(r["date"][:7], r["soi_anomaly"]) for r in soi])
    write_csv(os.path.join(out, res.path), ["series_id", "date", "value", "unit", "name", "season"], out_rows)
    return res


def ricefarms(src, out):
    """A farm survey, not a time series: copied verbatim (re-written with LF line ends)."""
    header, rows = copy_table(os.path.join(src, "rdatasets-plm-ricefarms", "plm_RiceFarms_indonesia.csv"),
                              os.path.join(out, "plm-ricefarms.csv"))
    units = {"size": "ha", "seed": "kg", "urea": "kg", "phosphate": "kg", "pesticide": "IDR", "pseed": "IDR/kg",
             "purea": "IDR/kg", "pphosph": "IDR/kg", "hiredlabor": "h", "famlabor": "h", "totlabor": "h",
             "wage": "IDR/h", "goutput": "kg", "noutput": "kg", "price": "IDR/kg"}
    # Farm sizes such as 3.572 ha read two ways where nothing declares the format: the decimal
    # point is declared.
    schema = table_schema(header, strings={"status", "varieties", "bimas", "region"}, integers={"rownames", "id"},
                          units=units, decimal_point={"size"}, key=["rownames"])
    res = Resource("plm-ricefarms", "plm-ricefarms.csv",
                   "Indonesian rice farms (R package plm, RiceFarms; Feng & Horrace 2012): inputs, output, prices",
                   None, [], [{"title": "R package plm, dataset RiceFarms, via Rdatasets",
                               "path": "https://vincentarelbundock.github.io/Rdatasets/csv/plm/RiceFarms.csv"}],
                   [GPL], "rdatasets-plm-ricefarms",
                   "Not Viet Nam and not a time series: a farm survey (171 farms x 6 periods) for production-function tests. "
                   "Check with muavu validate --format csv.")
    res.schema = schema
    res.rows = len(rows)
    return res


# ---------------------------------------------------------------------------------------------

def tidy_schema(res):
    fields = [
        {"name": "series_id", "type": "string", "description": "series identifier",
         "constraints": {"required": True}},
        {"name": "date", "type": res.date_type,
         "description": "period: YYYY (year) or YYYY-MM (month), as in muavu's tidy format"},
        {"name": "value", "type": "number", "description": "observation, in the unit of the `unit` column",
         "unit": "see `unit`", **({"decimalChar": "."} if res.decimal_point else {})},
        {"name": "unit", "type": "string", "description": "unit of `value` for this series"},
    ]
    for f in res.extra_fields:
        d = {"name": f[0], "type": f[1], "description": f[2]}
        if len(f) > 3:
            d["unit"] = f[3]
        fields.append(d)
    return {"fields": fields, "missingValues": ["", "NA"], "primaryKey": ["series_id", "date"]}


def datapackage(resources):
    out = []
    for r in resources:
        d = {"name": r.name, "path": r.path, "title": r.title, "profile": "tabular-data-resource",
             "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
             "schema": getattr(r, "schema", None) or tidy_schema(r),
             "sources": r.sources, "licenses": r.licenses,
             "provenance": f"provenance/{r.folder}.txt", "description": r.notes}
        if getattr(r, "gaps", None):
            d["muavu:gaps"] = r.gaps
        if r.series:
            d["series"] = r.series
        out.append(d)
    licences = []
    for r in resources:
        for l in r.licenses:
            if l not in licences:
                licences.append(l)
    return {"profile": "tabular-data-package", "name": "muavu-datasets", "title": "muavu bundled datasets",
            "description": "Public data on rice and mango in Viet Nam and their drivers, as tidy long CSV "
                           "(series_id,date,value,unit + descriptive columns). Built by scripts/datasets/build.py.",
            "licenses": licences, "resources": out}


def span(res):
    if not res.series:
        return f"{res.rows} rows (survey)"
    first = min(s["start"] for s in res.series)
    last = max(s["end"] for s in res.series)
    return f"{first} – {last}"


def readme(resources):
    lines = ["# muavu datasets", "",
             "Tidy long CSV (`series_id,date,value,unit`, then descriptive columns) that `muavu` reads directly.",
             "Built from the staged public copies by `python3 scripts/datasets/build.py` (re-runnable, byte-identical;",
             "`--check` tells whether this directory is up to date). Values are the publishers' text, unchanged.",
             "`datapackage.json` describes every file (Frictionless Data Package v1); `provenance/` holds where each",
             "file came from, verbatim.", "",
             "| file | what | from | span | units | licence |", "|---|---|---|---|---|---|"]
    for r in resources:
        units = sorted({s["unit"] for s in r.series}) if r.series else sorted(
            {f.get("unit") for f in r.schema["fields"] if f.get("unit")})
        lic = ", ".join(l["name"] for l in r.licenses)
        lines.append(f"| `{r.path}` | {r.title} | {r.sources[0]['title']} | {span(r)} | {', '.join(units)} | {lic} |")
    lines += ["", "## Series", "", "| file | series_id | unit | span | rows | missing |", "|---|---|---|---|---|---|"]
    for r in resources:
        if len(r.series) > 20:  # a table by place and season: summed, its ids in datapackage.json
            units = ", ".join(sorted({s["unit"] for s in r.series}))
            rows, missing = sum(s["rows"] for s in r.series), sum(s["missing"] for s in r.series)
            lines.append(f"| `{r.path}` | {len(r.series)} series (`{r.series[0]['id']}`, …: all in datapackage.json) "
                         f"| {units} | {span(r)} | {rows} | {missing} |")
            continue
        for s in r.series:
            lines.append(f"| `{r.path}` | `{s['id']}` | {s['unit']} | {s['start']} – {s['end']} | {s['rows']} | {s['missing']} |")
    lines += ["", "## How muavu reads a tidy file", "",
              "- Columns `series_id,date,value` (rename with `--id-column`, `--date-column`, `--value-column`); a `unit`",
              "  column, when present, gives each series its unit (it must not change within a series); other columns are",
              "  kept only when named as covariates.",
              "- Dates: `YYYY`, `YYYY-Qn`, `YYYY-MM`, `YYYY-MM-DD` (daily, or weekly when the dates step by whole weeks),",
              "  `YYYY-Sn` (crop season n: all three rice crops as one series of period 3; a series with one crop a year,",
              "  e.g. Hè Thu only, is yearly) or a positive integer. `--period` forces the seasonal period.",
              "- Separators `,` or `;` (detected from the header), UTF-8 with or without BOM, LF or CRLF, RFC 4180 quotes,",
              "  decimal points unless `--decimal-char`/`--group-char` declare the format (`9.250` in a column of đồng,",
              "  masses or areas is refused when nothing does). Empty cells and `NA` are missing values.",
              "- Series ids and names compare NFC-normalised: `Đồng Tháp` typed precomposed or with combining marks is",
              "  one series; output keeps the spelling first read.",
              "- Impossible values: negative areas, quantities and prices; yields above a crop's bound. Implausible",
              "  values: outside a range per unit and series (paddy 2,000-20,000 VND/kg), refused unless the row's `flag`",
              "  column says `confirmed`. The rules, with where each comes from, are `bounds.json` here (the built-in",
              "  default); `--bounds FILE` replaces them.",
              "- Missing values and absent periods, for every command that reads `--data`:",
              "  `--on-missing fail` (the default) refuses the file with exit 65 and names each gap;",
              "  `--on-missing skip` keeps each series' longest run of complete periods (the latest on a tie);",
              "  `--on-missing interpolate` fills interior gaps linearly and drops leading and trailing gaps.",
              "- `muavu validate --data FILE` lists every problem as `FILE:LINE:COLUMN: message [code]` on stderr and",
              "  exits 65, or prints a summary (series, rows, span) and exits 0; `--output report.json` also writes the",
              "  report (`muavu.validation/v1`). `--format csv` checks only the CSV structure.",
              "", "## Crop calendars and covariates", "",
              "`models/calendars/mekong-rice.json` (Đông Xuân, Hè Thu, Thu Đông) and `models/calendars/mango.json` (main",
              "and off-season) give each crop's Vietnamese and English names, start (sowing or flowering) and harvest months",
              "and the months over which a monthly driver is averaged; a crop belongs to the year of its harvest, so Đông",
              "Xuân 2016 is sown in Nov–Dec 2015 (`\"yearOffset\": -1`). Check one with",
              "`muavu validate --data models/calendars/mekong-rice.json --format calendar`. With it, a monthly driver",
              "(`enso-oni`, `enso-nino34-anom`, `enso-soi`) becomes one value per crop: its mean over the crop's window,",
              "optionally lagged; a value whose window is not yet observed must be forecast (or supplied as known-future).",
              "", "## Reading them", "",
              "```",
              "muavu validate --data datasets/faostat-vnm-crops.csv",
              "muavu validate --data datasets/wfp-rice-wholesale.csv --on-missing interpolate",
              "muavu validate --data datasets/plm-ricefarms.csv --format csv",
              "muavu validate --package datasets/datapackage.json",
              "```", "",
              "The last checks every file against its own schema in `datapackage.json`: column types, number formats,",
              "bounds, gaps where the resource says `\"muavu:gaps\": \"allowed\"`, and the series it lists.", "",
              "`missing` counts empty values and months absent between a series' first and last date. Series with",
              "any are refused unless `--on-missing skip` (keep the longest complete run) or `--on-missing interpolate`",
              "(fill interior gaps linearly) says how to treat them.", "",
              "Notes per file:", ""]
    for r in resources:
        lines.append(f"- `{r.path}`: {r.notes}")
    lines.append("")
    return "\n".join(lines)


def build(src, out):
    os.makedirs(os.path.join(out, "provenance"), exist_ok=True)
    resources = [faostat_qcl(src, out), faostat_pp(src, out), wfp(src, out), pinksheet(src, out), enso(src, out),
                 local.gso(src, out), *local.paddy(src, out), local.mango(src, out), local.water_level(src, out),
                 ricefarms(src, out)]
    # Missing months inside monthly series (absent rows) are counted for the table.
    for r in resources:
        for s in r.series:
            if len(s["start"]) == 7:
                y0, m0 = map(int, s["start"].split("-"))
                y1, m1 = map(int, s["end"].split("-"))
                s["missing"] += (y1 * 12 + m1) - (y0 * 12 + m0) + 1 - s["rows"]
            else:
                s["missing"] += int(s["end"]) - int(s["start"]) + 1 - s["rows"]
    for r in resources:
        shutil.copyfile(os.path.join(src, r.folder, "PROVENANCE.txt"), os.path.join(out, "provenance", f"{r.folder}.txt"))
    with open(os.path.join(out, "datapackage.json"), "w", encoding="utf-8", newline="") as f:
        f.write(json.dumps(datapackage(resources), indent=2, ensure_ascii=False) + "\n")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="") as f:
        f.write(readme(resources))


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--source", default=os.path.join(os.path.dirname(ROOT), "shared", "data"))
    p.add_argument("--out", default=os.path.join(ROOT, "datasets"))
    p.add_argument("--check", action="store_true", help="exit 1 if --out differs from a fresh build")
    a = p.parse_args()
    if not a.check:
        build(a.source, a.out)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        build(a.source, tmp)
        stale = []
        for dirpath, _, files in os.walk(tmp):
            for name in files:
                fresh = os.path.join(dirpath, name)
                rel = os.path.relpath(fresh, tmp)
                old = os.path.join(a.out, rel)
                if not os.path.exists(old) or not filecmp.cmp(fresh, old, shallow=False):
                    stale.append(rel)
        if stale:
            print("datasets/ is stale: " + ", ".join(sorted(stale)) + " (run python3 scripts/datasets/build.py)", file=sys.stderr)
            return 1
        print("datasets/ is up to date", file=sys.stderr)
        return 0


if __name__ == "__main__":
    sys.exit(main())
