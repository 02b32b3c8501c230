"""Viet Nam's own sources for scripts/datasets/build.py: GSO's rice statistics by province and crop
season, the farm-gate paddy price quotes (and the monthly IR 50404 series derived from them), and
the Đồng Tháp mango quotes. Each function writes its file(s) into `out` and returns Resources."""
import os
import unicodedata
from collections import OrderedDict

from common import Resource, copy_table, read_rows, table_schema, trim_empty_ends, write_csv

GSO_LICENCE = {"name": "other-at", "title": "GSO Viet Nam official statistics (no licence stated; cite GSO)",
               "path": "https://www.gso.gov.vn"}
PRESS = {"name": "other-at", "title": "Quotes of public web pages (verbatim passages kept; cite each row's source URL)"}


def slug(text):
    """muavu's series-id slug (ImportSupport.slug in Sources/AgriData/Import): đ → d, marks dropped,
    lower case, each run of other characters one hyphen. The GSO reader names its series so, and the
    tidy file must give the same ids for the two imports to meet in the store."""
    text = unicodedata.normalize("NFC", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()
    out, pending = "", False
    for c in text:
        if c.isascii() and c.isalnum():
            if pending and out:
                out += "-"
            pending = False
            out += c
        else:
            pending = True
    return out


# GSO's seasons as the long file writes them → CropSeasonCode (Sources/AgriData/Import/CropSeasonCode.swift).
GSO_SEASONS = OrderedDict([("whole_year", "ca-nam"), ("dong_xuan(spring)", "dong-xuan"),
                           ("he_thu+thu_dong(autumn)", "he-thu-thu-dong"), ("mua(winter)", "mua")])
# GSO's indicators: the id part, the long file's column and GSO's unit (GSOTableReader.indicators).
GSO_INDICATORS = [("area", "area_thous_ha", "nghìn ha", "planted area"),
                  ("production", "production_thous_t", "nghìn tấn", "production"),
                  ("yield", "yield_quintal_per_ha", "tạ/ha", "yield")]


def gso(src, out):
    """GSO paddy statistics, 13 Mekong Delta provinces, the region and the country, by season, in
    GSO's own units, with the ids of `muavu import --format gso-table` (the region written as GSO's
    wide tables write it, "Mekong River Delta")."""
    folder = "gso-mekong-rice-province-season"
    rows = read_rows(os.path.join(src, folder, "gso_paddy_province_season_1995_2016.csv"))
    res = Resource("gso-paddy-province-season", "gso-paddy-province-season.csv",
                   "Paddy planted area, yield and production by province and crop season, Mekong Delta (GSO, annual)",
                   "year", [("province", "string", "province or region, as GSO writes it"),
                            ("season", "string", "crop season code (ca-nam: whole year)"),
                            ("indicator", "string", "GSO indicator"),
                            ("status", "string", "preliminary: GSO's 'Prel. 2016' column")],
                   [{"title": "General Statistics Office of Viet Nam (GSO), paddy by province tables, via R package gso",
                     "path": "https://www.gso.gov.vn"}],
                   [GSO_LICENCE], folder,
                   "GSO's 'autumn paddy' in the south is Hè Thu and Thu Đông together (season he-thu-thu-dong). "
                   "Units as GSO publishes them: nghìn ha, nghìn tấn, tạ/ha (1 tạ/ha = 0.1 t/ha). 2016 is preliminary.")
    places = list(OrderedDict.fromkeys(r["province"] for r in rows))
    out_rows = []
    for place in places:
        name = place.replace(" (region)", "")
        for season, code in GSO_SEASONS.items():
            sel = sorted((r for r in rows if r["province"] == place and r["season"] == season), key=lambda r: r["year"])
            for ident, column, unit, label in GSO_INDICATORS:
                pts = trim_empty_ends([(r["year"], r[column]) for r in sel])
                if not pts:
                    continue
                sid = f"gso-paddy-{ident}-{code}-{slug(name)}"
                res.add_series(sid, unit, f"{name}: paddy {label}, {code}", pts)
                prelim = {r["year"] for r in sel if r["prelim"] == "True"}
                for d, v in pts:
                    out_rows.append([sid, d, v, unit, name, code, label, "preliminary" if d in prelim else ""])
    write_csv(os.path.join(out, res.path),
              ["series_id", "date", "value", "unit", "province", "season", "indicator", "status"], out_rows)
    res.gaps = "allowed"
    res.decimal_point = True
    return res


PADDY_ID = "paddy-ir50404-an-giang"


def number(x):
    """A mean written as the publisher would: whole numbers without a decimal point."""
    return str(int(x)) if x == int(x) else repr(x)


def paddy_monthly(quotes):
    """The monthly IR 50404 series of the An Giang board: per month, the mean of the daily
    midpoints ((low + high) / 2) of the days quoted, fresh paddy (tươi) or unspecified; months
    without a quoted day are absent (gaps, not zeros). Rows dated only to the month or inferred are
    left out. Returns month → (mean, days, lowest low, highest high, dates)."""
    months = OrderedDict()
    for r in sorted(quotes, key=lambda r: r["date"]):
        if r["market"] != "An Giang" or r["variety"] != "IR 50404" or len(r["date"]) != 10:
            continue
        if not (r["state"].startswith("tuoi") or r["state"].startswith("unspecified")):
            continue
        months.setdefault(r["date"][:7], []).append(r)
    result = OrderedDict()
    for m, rs in months.items():
        mids = [(float(r["price_low"]) + float(r["price_high"])) / 2 for r in rs]
        result[m] = (sum(mids) / len(mids), len(rs), min(int(r["price_low"]) for r in rs),
                     max(int(r["price_high"]) for r in rs), ";".join(r["date"] for r in rs))
    return result


def paddy(src, out):
    folder = os.path.join(src, "paddy-price-quotes")
    quotes = read_rows(os.path.join(folder, "paddy_price_quotes_mekong_2017_2026.csv"))
    monthly = paddy_monthly(quotes)
    # The staged derivation (PROVENANCE.txt, file 2) must be what this one gives.
    staged = read_rows(os.path.join(folder, "DERIVED_angiang_ir50404_monthly_from_quotes.csv"))
    assert [r["month"] for r in staged] == list(monthly), "derived months differ from the staged file"
    for r in staged:
        mean, days, _, _, dates = monthly[r["month"]]
        assert abs(mean - float(r["ir50404_mid_mean"])) < 1e-9 and days == int(r["n_obs"]) and dates == r["dates"], r
    source = [{"title": "An Giang Department of Agriculture daily paddy price board, as republished in the press"}]
    res = Resource("paddy-price-monthly", "paddy-price-monthly.csv",
                   "Farm-gate IR 50404 paddy price, An Giang, monthly mean of the board days quoted (derived)",
                   "yearmonth", [("days", "integer", "board days quoted in the month (the mean stands on them)"),
                                 ("price_low_min", "number", "lowest low price quoted in the month", "VND/kg"),
                                 ("price_high_max", "number", "highest high price quoted in the month", "VND/kg"),
                                 ("dates", "string", "the days quoted, ';'-separated")],
                   source, [PRESS], "paddy-price-quotes",
                   "Derived here from paddy-price-quotes.csv: the mean of the daily midpoints of the days quoted, "
                   "not a full monthly average; months without a quote are absent (gaps). `days` says how many days "
                   "stand behind each month.")
    res.add_series(PADDY_ID, "VND/kg", "Paddy IR 50404 (fresh), An Giang, farm gate", [(m, number(v[0])) for m, v in monthly.items()])
    rows = [[PADDY_ID, m, number(mean), "VND/kg", days, low, high, dates]
            for m, (mean, days, low, high, dates) in monthly.items()]
    write_csv(os.path.join(out, res.path),
              ["series_id", "date", "value", "unit", "days", "price_low_min", "price_high_max", "dates"], rows)
    res.gaps = "allowed"

    tables = []
    for name, file, title, strings in [
        ("paddy-price-quotes", "paddy_price_quotes_mekong_2017_2026.csv",
         "Farm-gate paddy price quotes by variety, Mekong Delta, 2017-2026 (An Giang board and press)",
         {"date", "date_basis", "market", "variety", "state", "unit", "publisher_of_board", "source_url", "quote"}),
        ("paddy-price-news-quotes", "mekong_paddy_price_news_quotes.csv",
         "Paddy price quotes in the press, Mekong Delta, 2014-2016",
         {"report_date", "period_described", "location", "product", "quoted_source", "url"}),
    ]:
        header, rows = copy_table(os.path.join(folder, file), os.path.join(out, name + ".csv"))
        units = {h: "VND/kg" for h in header if h.startswith("price")}
        t = Resource(name, name + ".csv", title, None, [], source, [PRESS], "paddy-price-quotes",
                     "Quotes, not a series: irregular days, the verbatim passage beside each number.")
        t.schema = table_schema(header, strings=strings, units=units, decimal_point=set(units))
        t.rows = len(rows)
        tables.append(t)
    return [res] + tables


def mango(src, out):
    folder = "mango-dong-thap-quotes"
    header, rows = copy_table(os.path.join(src, folder, "dongthap_mango_area_production_price_quotes.csv"),
                              os.path.join(out, "mango-dong-thap-quotes.csv"))
    res = Resource("mango-dong-thap-quotes", "mango-dong-thap-quotes.csv",
                   "Đồng Tháp mango area, production and farm-gate prices: quotes from the press (2017-2025)",
                   None, [], [{"title": "Public web pages named per row (VNA, Đồng Tháp portal, Báo Cần Thơ, ...)"}],
                   [PRESS], folder,
                   "Quotes, not a series: the unit is given per row (`unit`), dates as the page gives them. Low-medium "
                   "trust. Rows from December 2025 on are the merged province (Đồng Tháp + Tiền Giang).")
    res.schema = table_schema(header, strings=set(header) - {"value", "value_high"}, decimal_point={"value", "value_high"})
    res.rows = len(rows)
    return res


def water_level(src, out):
    """The Mekong flood gauges: GSO's annual highest and lowest water levels at Tân Châu (Tiền river)
    and Châu Đốc (Hậu river), cm, 2002-2016, one series per station and statistic. GSO's maxima from
    2010 on are marked `suspect` (PROVENANCE.txt: the 2010 value repeats 2009's while the press
    reports a far lower 2010 peak); the press quotes (2009, 2010, 2022) are a series of their own,
    never mixed with GSO's."""
    folder = "mekong-water-level"
    rows = read_rows(os.path.join(src, folder, "mekong_tanchau_chaudoc_annual_water_level.csv"))
    res = Resource("mekong-water-level", "mekong-water-level.csv",
                   "Annual highest and lowest water level, Mekong at Tân Châu and Bassac at Châu Đốc (GSO; press)",
                   "year", [("station", "string", "gauging station, as the source writes it"),
                            ("status", "string", "suspect: GSO maxima from 2010 on (see provenance); "
                                                 "provisional: a press report")],
                   [{"title": "General Statistics Office of Viet Nam (GSO), 'Water level of some main rivers', "
                              "via R package gso; press reports (plo.vn, thanhnien.vn) for 2009, 2010, 2022"}],
                   [GSO_LICENCE], folder,
                   "Tân Châu's annual peak is the flood indicator of Đồng Tháp and An Giang. GSO's maxima of "
                   "2010-2016 are marked suspect (2010 repeats 2009); 2002-2009 are usable. Press figures are "
                   "separate series (`-press`).")
    stations = [("Tan Chau", "tan-chau"), ("Chau Doc", "chau-doc")]
    stats = [("annual_max_level_cm", "max"), ("annual_min_level_cm", "min")]
    out_rows = []
    for station, code in stations:
        for stat, short in stats:
            for press in (False, True):
                sel = [r for r in rows if station in r["station"] and r["stat"] == stat
                       and (r["source_type"].startswith("GSO") != press)]
                if not sel:
                    continue
                sid = f"water-level-{short}-{code}" + ("-press" if press else "")
                pts = [(r["year"], number(float(r["value_cm"]))) for r in sorted(sel, key=lambda r: r["year"])]
                years = [p[0] for p in pts]
                assert len(years) == len(set(years)), sid
                res.add_series(sid, "cm", f"{station}: annual {short} water level" + (" (press)" if press else ""),
                               pts)
                for r, (d, v) in zip(sorted(sel, key=lambda r: r["year"]), pts):
                    status = "provisional" if press else ("suspect" if r["qc_flag"].startswith("SUSPECT") else "")
                    out_rows.append([sid, d, v, "cm", r["station"], status])
    write_csv(os.path.join(out, res.path), ["series_id", "date", "value", "unit", "station", "status"], out_rows)
    res.gaps = "allowed"
    return res
