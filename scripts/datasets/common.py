"""What scripts/datasets/build.py and its source modules share: licences, CSV reading and writing
(the same bytes every run) and the Resource each source function returns."""
import csv
import io

CC_BY = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
         "path": "https://creativecommons.org/licenses/by/4.0/"}
CC_BY_IGO = {"name": "CC-BY-IGO-3.0", "title": "Creative Commons Attribution 3.0 IGO",
             "path": "https://creativecommons.org/licenses/by/3.0/igo/"}
US_PD = {"name": "other-pd", "title": "Public domain (work of the US Government, NOAA)",
         "path": "https://www.usa.gov/government-works"}
GPL = {"name": "GPL-2.0-or-later", "title": "GNU General Public License 2 or later (R package plm)",
       "path": "https://www.gnu.org/licenses/old-licenses/gpl-2.0.html"}


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def write_csv(path, header, rows):
    """LF line ends, minimal quoting, UTF-8 without BOM: the same bytes every run."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(r)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def trim_empty_ends(points):
    """Drops leading and trailing (date, '') points; interior blanks stay as missing values."""
    keep = [i for i, p in enumerate(points) if p[1].strip()]
    return points[keep[0]:keep[-1] + 1] if keep else []


class Resource:
    def __init__(self, name, path, title, date_type, extra_fields, sources, licenses, folder, notes):
        self.name, self.path, self.title = name, path, title
        self.date_type, self.extra_fields = date_type, extra_fields
        self.sources, self.licenses, self.folder, self.notes = sources, licenses, folder, notes
        self.series = []   # (id, unit, name, first date, last date, rows, missing)
        self.gaps = None   # "allowed": the publisher's series miss months (muavu's "muavu:gaps")
        self.decimal_point = False  # the value column declares decimalChar "." (values such as 1.250)

    def add_series(self, sid, unit, name, points):
        missing = sum(1 for _, v in points if not v.strip())
        self.series.append({"id": sid, "unit": unit, "name": name, "start": points[0][0],
                            "end": points[-1][0], "rows": len(points), "missing": missing})




def table_schema(header, strings=(), integers=(), units=None, decimal_point=(), key=None):
    """The Table Schema of a table that is not a series (a survey, quotes): each column a string, an
    integer or a number, with its unit; `decimal_point` columns declare decimalChar "." (values such
    as 3.572 read two ways where nothing declares the format: docs/design/number-formats.md)."""
    units = units or {}
    fields = []
    for h in header:
        f = {"name": h, "type": "string" if h in strings else ("integer" if h in integers else "number")}
        if h in units:
            f["unit"] = units[h]
        if h in decimal_point:
            f["decimalChar"] = "."
        fields.append(f)
    schema = {"fields": fields, "missingValues": ["", "NA"]}
    if key:
        schema["primaryKey"] = key
    return schema


def copy_table(path, out_path):
    """Copies a CSV verbatim (re-written with LF line ends); returns its header and rows."""
    with open(path, encoding="utf-8-sig", newline="") as f:
        r = csv.reader(f)
        header = next(r)
        rows = list(r)
    write_csv(out_path, header, rows)
    return header, rows
