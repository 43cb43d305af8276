#!/usr/bin/python3
"""Writes the Flemish buyer's spreadsheet of samples/catering-nl-xlsx.

samples/catering-nl-xlsx/bids.xlsx is laid out as a buyer keeps the bids
she received: a sheet "Offertes", Dutch headers over two rows (merged
cells), euro amounts and percentages stored as formatted numbers, WAAR /
ONWAAR booleans, a notes column. The same bids go, as the buyer's
spreadsheet program would save them, to tests/io/data/buyer/:

  bids-clean.csv   the bids as circa's own CSV (criterion ids, plain numbers)
  bids-excel.csv   ";"-separated "CSV UTF-8" as Excel (nl-BE) saves it: a
                   byte-order mark, CRLF, "€ 4,85", "32,50%", WAAR/ONWAAR,
                   the trailing empty columns and rows of the sheet
  bids-utf16.txt   Excel's "Unicode text": UTF-16 LE with a byte-order mark,
                   tab-separated
  bids.ods         the workbook converted by LibreOffice (soffice --headless
                   --convert-to ods), when soffice is installed

The .xlsx and the CSV files are byte-stable (fixed timestamps in the zip
entries and the document properties); the .ods carries LibreOffice's own
metadata and is rewritten only with --ods.

Usage: scripts/make-buyer-workbook.py [--ods]
"""
import datetime
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "samples", "catering-nl-xlsx")
DATA = os.path.join(ROOT, "tests", "io", "data", "buyer")
FIXED = datetime.datetime(2026, 11, 14, 9, 0, 0)

# Nr, Inschrijver, prijs/maaltijd, vaatwerk/jaar, bio, plantaardige dagen,
# seizoensgebonden, voedselverlies, herbruikbaar transport, plan, notes
BIDS = [
    ("A", "Traiteur De Smet BV", 4.85, 21450.00, 0.325, 2, True, 55, "ja",
     "goed", "Referenties nagevraagd"),
    ("B", "GroenBord CV", 5.40, 23900.00, 0.61, 3, True, 38, "ja",
     "zeer goed", ""),
    ("C", "Catering Vlaanderen NV", 4.35, 18200.00, 0.12, 1, False, 85,
     "nee", "zwak", "Laagste prijs; abnormaal laag? navragen"),
    ("D", "Keuken van Hier vzw", 5.10, 19750.50, 0.485, 2, True, 45, "ja",
     "goed", ""),
    ("E", "Maaltijdservice Noord BV", 4.60, 25000.00, 0.25, 1, True, 62,
     "ja", "voldoende", "Contactpersoon: J. Peeters"),
    ("F", "Soep & Co", 4.95, 20980.00, 0.40, 3, False, 50, "ja", "goed",
     ""),
]
HEADER_TOP = ["Nr", "Inschrijver", "Prijs", None, "Kwaliteit", None, None,
              None, None, None, "Opmerkingen"]
HEADER = [None, None, "Prijs per maaltijd", "Vaatwerkdienst per jaar",
          "Bio-aandeel", "Plantaardige dagen", "Seizoensgebonden",
          "Voedselverlies (g)", "Herbruikbaar transport",
          "Plan voedselverlies", None]
EURO = '[$\u20ac-813] #,##0.00'


def stable_zip(data):
    """The zip `data` with fixed entry timestamps and document dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                              rb"\g<1>2026-11-14T09:00:00Z", body)
            entry = zipfile.ZipInfo(info.filename, (2026, 11, 14, 9, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()


def workbook():
    wb = openpyxl.Workbook()
    wb.properties.creator = "Aankoopdienst (sample)"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "Offertes"
    ws.append(HEADER_TOP)
    ws.append(HEADER)
    for col in ("A", "B", "K"):
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("C1:D1")
    ws.merge_cells("E1:J1")
    for row in ws.iter_rows(min_row=1, max_row=2):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True)
    for b in BIDS:
        ws.append(list(b[:10]) + [b[10] or None])
        r = ws.max_row
        ws[f"C{r}"].number_format = EURO
        ws[f"D{r}"].number_format = EURO
        ws[f"E{r}"].number_format = "0.0%"
    # The sheet's formatting reaches past the data, as a buyer's does: an
    # empty formatted column and empty formatted rows.
    for r in range(1, ws.max_row + 3):
        ws[f"L{r}"].number_format = "@"
    ws.column_dimensions["B"].width = 28
    ws.column_dimensions["K"].width = 40
    second = wb.create_sheet("Toelichting")
    second.append(["Opening van de offertes op 14/11/2026."])
    buffer = io.BytesIO()
    wb.save(buffer)
    return stable_zip(buffer.getvalue())


def be_amount(v, decimals=2):
    s = f"{v:,.{decimals}f}"
    return s.replace(",", " ").replace(".", ",").replace(" ", ".")


def clean_csv():
    lines = ["bid,supplier,meal_price,tableware_service,organic_share,"
             "plant_based_days,seasonal,food_waste,reusable_transport,"
             "waste_plan"]
    for b in BIDS:
        lines.append(",".join([
            b[0], b[1], f"{b[2]:.2f}", f"{b[3]:.2f}",
            f"{b[4] * 100:g}", str(b[5]), "yes" if b[6] else "no",
            str(b[7]), "yes" if b[8] == "ja" else "no", b[9]]))
    return "\n".join(lines) + "\n"


def excel_rows():
    """The sheet's cells as Excel (nl-BE) shows them."""
    top = [h or "" for h in HEADER_TOP] + [""]
    head = [h or "" for h in HEADER] + [""]
    rows = [top, head]
    for b in BIDS:
        rows.append([b[0], b[1], "\u20ac " + be_amount(b[2]),
                     "\u20ac " + be_amount(b[3]),
                     be_amount(b[4] * 100, 1) + "%", str(b[5]),
                     "WAAR" if b[6] else "ONWAAR", str(b[7]), b[8], b[9],
                     b[10], ""])
    rows.append([""] * 12)
    rows.append([""] * 12)
    return rows


def excel_csv():
    def quote(s):
        return '"' + s.replace('"', '""') + '"' if any(
            c in s for c in ';"\n') else s
    text = "\r\n".join(";".join(quote(c) for c in r)
                       for r in excel_rows()) + "\r\n"
    return b"\xef\xbb\xbf" + text.encode("utf-8")


def utf16_text():
    text = "\r\n".join("\t".join(r) for r in excel_rows()) + "\r\n"
    return b"\xff\xfe" + text.encode("utf-16-le")


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    os.makedirs(DATA, exist_ok=True)
    xlsx = workbook()
    write(os.path.join(SAMPLE, "bids.xlsx"), xlsx)
    write(os.path.join(DATA, "bids.xlsx"), xlsx)
    write(os.path.join(DATA, "bids-clean.csv"), clean_csv().encode())
    write(os.path.join(DATA, "bids-excel.csv"), excel_csv())
    write(os.path.join(DATA, "bids-utf16.txt"), utf16_text())
    if "--ods" in sys.argv and shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(
                ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/u",
                 "--convert-to", "ods", "--outdir", tmp,
                 os.path.join(DATA, "bids.xlsx")],
                check=True, stdout=subprocess.DEVNULL)
            shutil.copy(os.path.join(tmp, "bids.ods"),
                        os.path.join(DATA, "bids.ods"))


if __name__ == "__main__":
    main()
