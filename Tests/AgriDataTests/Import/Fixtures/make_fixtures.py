#!/usr/bin/env python3
"""Builds the import readers' reference files and publisher-layout fixtures from the staged data.

Run from the repository root with the staged data beside it:
    python3 Tests/AgriDataTests/Import/Fixtures/make_fixtures.py ../shared/data
Re-runnable; writes only under Tests/AgriDataTests/Import/Fixtures/. See README.md there.
"""
import csv
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(path, header, rows, quote_all=False):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)


def references(src):
    """The publishers' converted CSVs the readers are checked against (copied, or cut to the
    columns the tests read)."""
    ref = os.path.join(HERE, "reference")
    for folder, name in [("wb-pinksheet", "wb_cmo_monthly_prices_full.csv"),
                         ("enso-indices", "noaa_cpc_oni_seasonal.csv"),
                         ("enso-indices", "noaa_cpc_soi_monthly.csv"),
                         ("enso-indices", "noaa_cpc_sstoi_nino_monthly.csv"),
                         ("wfp-vnm-prices", "wfp_food_prices_vnm_rice_wholesale.csv"),
                         ("faostat-vnm-rice-mango", "faostat_qcl_vnm_rice_mango_annual.csv"),
                         ("faostat-producer-prices", "faostat_pp_producer_prices_vnm_tha_rice_mango_annual.csv")]:
        shutil.copyfile(os.path.join(src, folder, name), os.path.join(ref, name))
    gso = read(os.path.join(src, "gso-mekong-rice-province-season", "gso_paddy_province_season_1995_2016.csv"))
    cols = ["province", "season", "year", "area_thous_ha", "yield_quintal_per_ha", "production_thous_t", "prelim"]
    write(os.path.join(ref, "gso_paddy_province_season_1995_2016.csv"), cols, [[r[c] for c in cols] for r in gso])


HDX_COLUMNS = ["date", "admin1", "admin2", "market", "market_id", "latitude", "longitude", "category", "commodity",
               "commodity_id", "unit", "priceflag", "pricetype", "currency", "price", "usdprice"]
HDX_TAGS = ["#date", "#adm1+name", "#adm2+name", "#loc+market+name", "#loc+market+code", "#geo+lat", "#geo+lon",
            "#item+type", "#item+name", "#item+code", "#item+unit", "#item+price+flag", "#item+price+type",
            "#currency", "#value", "#value+usd"]


def hdx(src):
    """WFP's HDX layout (header, HXL tag row, market_id and commodity_id) from the staged actual rows.
    market_id and commodity_id are left empty: the staged copy does not carry WFP's ids."""
    rows = read(os.path.join(src, "wfp-vnm-prices", "wfp_food_prices_vnm_rice_wholesale.csv"))
    rows.sort(key=lambda r: (r["date"], r["admin1"], r["market"]))
    out = [[r.get(c, "") for c in HDX_COLUMNS] for r in rows]
    with open(os.path.join(HERE, "wfp-hdx-tagged.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(HDX_COLUMNS)
        w.writerow(HDX_TAGS)
        w.writerows(out)


QCL_COLUMNS = ["Area Code", "Area", "Item Code", "Item", "Element Code", "Element", "Year Code", "Year", "Unit",
               "Value", "Flag"]
PP_COLUMNS = ["Area Code", "Area", "Item Code", "Item", "Element Code", "Element", "Year Code", "Year", "Months Code",
              "Months", "Unit", "Value", "Flag"]
AREAS = {"Viet Nam": "237", "Thailand": "216"}
ITEMS = {"Rice": "27", "Mangoes, guavas and mangosteens": "571"}


def faostat(src):
    """FAOSTAT's bulk "Normalized" layout (every field quoted), from the staged values. The staged
    copies carry no FAO flags, so Flag is empty; FAO's yield element is not staged either."""
    qcl = read(os.path.join(src, "faostat-vnm-rice-mango", "faostat_qcl_vnm_rice_mango_annual.csv"))
    out = []
    for r in qcl:
        for code, element, unit, col in [("5312", "Area harvested", "ha", "area_harvested_ha"),
                                         ("5510", "Production", "t", "production_t")]:
            if r[col]:
                out.append([r["geo_fao_code"], r["country"], ITEMS[r["item"]], r["item"], code, element, r["year"],
                            r["year"], unit, r[col], ""])
    out.sort(key=lambda x: (x[2], x[4], int(x[7])))
    write(os.path.join(HERE, "faostat-qcl-normalized.csv"), QCL_COLUMNS, out, quote_all=True)
    pp = read(os.path.join(src, "faostat-producer-prices", "faostat_pp_producer_prices_vnm_tha_rice_mango_annual.csv"))
    out = [[r["geo_fao_code"], r["country"], ITEMS[r["item"]], r["item"], "5530", "Producer Price (LCU/tonne)",
            r["year"], r["year"], "7021", "Annual value", "LCU", r["producer_price_lcu_per_tonne"], ""] for r in pp]
    out.sort(key=lambda x: (x[0], x[2], int(x[7])))
    write(os.path.join(HERE, "faostat-pp-normalized.csv"), PP_COLUMNS, out, quote_all=True)


SEASONS = {"dong_xuan(spring)": "dong-xuan", "he_thu+thu_dong(autumn)": "he-thu-thu-dong"}


def season_report(src):
    """A season report in muavu's template holding GSO's own Dong Thap figures for 2010-2016
    (area and production converted from thousands, yield as published), with GSO as source:
    'final' for published years, 'estimate' for the preliminary 2016."""
    gso = read(os.path.join(src, "gso-mekong-rice-province-season", "gso_paddy_province_season_1995_2016.csv"))
    rows = []
    for r in gso:
        if r["province"] != "Dong Thap" or r["season"] not in SEASONS or int(r["year"]) < 2010:
            continue
        status = "estimate" if r["prelim"] == "True" else "final"
        rows.append(["Đồng Tháp", SEASONS[r["season"]], r["year"], r["area_ha"].removesuffix(".0"), r["yield_quintal_per_ha"],
                     r["production_t"].removesuffix(".0"), status, "GSO (Tổng cục Thống kê), provincial paddy tables"])
    rows.sort(key=lambda x: (x[2], x[1]))
    write(os.path.join(HERE, "season-report-dong-thap.csv"),
          ["province", "season", "crop_year", "area_ha", "yield_ta_ha", "production_t", "status", "source"], rows)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
    references(src)
    hdx(src)
    faostat(src)
    season_report(src)


if __name__ == "__main__":
    main()
