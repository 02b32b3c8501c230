#!/usr/bin/env python3
"""Small workbooks cut from the World Bank's CMO-Historical-Data-Monthly.xlsx, for the Pink Sheet
reader's tests: a faithful excerpt and malformed variants of it (see README.md).

Run from the repository root:
    python3 Tests/AgriDataTests/Import/Fixtures/make_pinksheet_excerpts.py
Reads datasets/original/wb-pinksheet/CMO-Historical-Data-Monthly.xlsx; writes pinksheet/*.xlsx here.
The excerpt keeps rows 1-7 (title, "Updated on", names, units, codes) and the first 24 months of
columns A-H, values as the workbook stores them. Header text goes to the shared-string table; the
'…' of missing months is written as inline strings (left out altogether in column G), so the
reader's three cell kinds and absent cells are all exercised.
"""
import os
import re
import zipfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = os.path.join("datasets", "original", "wb-pinksheet", "CMO-Historical-Data-Monthly.xlsx")
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
COLUMNS = list("ABCDEFGH")
LAST_ROW = 7 + 24


def original_cells():
    z = zipfile.ZipFile(SOURCE)
    sst = ["".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))
           for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS)]
    root = ET.fromstring(z.read("xl/worksheets/sheet2.xml"))
    cells = {}
    for row in root.find("m:sheetData", NS):
        r = int(row.get("r"))
        if r > LAST_ROW:
            break
        for c in row:
            ref = c.get("r")
            col = re.match("[A-Z]+", ref).group()
            if col not in COLUMNS:
                continue
            v = c.find("m:v", NS)
            if v is None:
                continue
            cells[(r, col)] = ("s", sst[int(v.text)]) if c.get("t") == "s" else ("n", v.text)
    return cells


def workbook(path, cells, sheet_name="Monthly Prices"):
    strings = []
    rows = {}
    for (r, col), (kind, value) in sorted(cells.items(), key=lambda x: (x[0][0], COLUMNS.index(x[0][1]))):
        ref = f"{col}{r}"
        if kind == "n":
            xml = f'<c r="{ref}"><v>{value}</v></c>'
        elif value in ("…", "...") and col == "G":
            continue  # an absent cell: missing too
        elif value in ("…", "..."):
            xml = f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
        else:
            strings.append(value)
            xml = f'<c r="{ref}" t="s"><v>{len(strings) - 1}</v></c>'
        rows.setdefault(r, []).append(xml)
    main = NS["m"]
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{main}"><sheetData>'
             + "".join(f'<row r="{r}">{"".join(cs)}</row>' for r, cs in sorted(rows.items()))
             + "</sheetData></worksheet>")
    sst = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{main}" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>")
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {
        "[Content_Types].xml":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>',
        "_rels/.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml":
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{main}" xmlns:r="{rel}">'
            f'<sheets><sheet name="{escape(sheet_name)}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels":
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": sst,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


def main():
    cells = original_cells()
    out = os.path.join(HERE, "pinksheet")
    os.makedirs(out, exist_ok=True)
    workbook(os.path.join(out, "excerpt.xlsx"), cells)
    workbook(os.path.join(out, "wrong-sheet.xlsx"), cells, sheet_name="Monthly Indices")
    variants = {
        "wrong-unit.xlsx": {(6, "C"): ("s", "(baht/mt)")},
        "bad-date.xlsx": {(20, "A"): ("s", "1961M13")},
        "bad-number.xlsx": {(15, "D"): ("s", "1,63")},
        "no-codes.xlsx": {(7, c): None for c in COLUMNS},
        "bad-updated.xlsx": {(4, "A"): ("s", "Updated on 31/11/2025")},
    }
    for name, change in variants.items():
        v = dict(cells)
        for key, value in change.items():
            if value is None:
                v.pop(key, None)
            else:
                v[key] = value
        workbook(os.path.join(out, name), v)
    with open(os.path.join(out, "not-a-workbook.xlsx"), "w") as f:
        f.write("Month,RICE_05\n1960M01,104.45\n")


if __name__ == "__main__":
    main()
