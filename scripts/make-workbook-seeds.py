#!/usr/bin/python3
"""Writes the workbook test files and the fuzz seeds of the workbook reader.

tests/io/data/workbooks/  small workbooks the unit tests read (openpyxl):
  dates-1900.xlsx, dates-1904.xlsx  a submission date in both date systems
  bad-values.xlsx                   an amount in USD and a word for a number
  formula.xlsx                      values computed by formulas (cached)
tests/fuzz/corpus/workbooks/      seeds of fuzz_workbook: the files above, the
  buyer's workbook (scripts/make-buyer-workbook.py) as openpyxl and as
  LibreOffice write it (.xlsx and .ods, when soffice is installed), and
  malformed files: a truncated zip, a zip bomb, a huge shared-string table,
  malformed XML, an external entity (XXE), an encrypted (OLE) file, a
  macro-only workbook.

Everything but LibreOffice's files is byte-stable (fixed timestamps).
Usage: scripts/make-workbook-seeds.py [--soffice]
"""
import datetime
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "tests", "io", "data", "workbooks")
SEEDS = os.path.join(ROOT, "tests", "fuzz", "corpus", "workbooks")
BUYER = os.path.join(ROOT, "tests", "io", "data", "buyer", "bids.xlsx")
STAMP = (2026, 11, 14, 9, 0, 0)
FIXED = datetime.datetime(*STAMP)


def zip_of(entries):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in entries:
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, body)
    return out.getvalue()


def restamp(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = []
        for i in z.infolist():
            body = z.read(i.filename)
            if i.filename == "docProps/core.xml":
                import re
                body = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                              rb"\g<1>2026-11-14T09:00:00Z", body)
            entries.append((i.filename, body))
    return zip_of(entries)


def save(wb):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buffer = io.BytesIO()
    wb.save(buffer)
    return restamp(buffer.getvalue())


def dates(epoch_1904):
    wb = openpyxl.Workbook()
    if epoch_1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "Bids"
    ws.append(["bid", "price", "submitted"])
    ws.append(["A", 100, datetime.datetime(2026, 3, 14, 10, 30)])
    ws.append(["B", 120, datetime.date(2026, 3, 13)])
    ws["C2"].number_format = "dd/mm/yyyy hh:mm"
    ws["C3"].number_format = "dd/mm/yyyy"
    return save(wb)


def bad_values():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Offertes"
    ws.append(["bid", "price", "submitted"])
    ws.append(["A", 100, "2026-03-14"])
    ws.append(["B", 110, "2026-03-14"])
    ws.append(["C", "veel", "2026-03-14"])
    ws["B3"].number_format = '[$$-409]#,##0.00'
    return save(wb)


def formula():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["bid", "price", "submitted"])
    ws.append(["A", "=40+60", "2026-03-14"])
    data = save(wb)
    # openpyxl stores no cached value; add one as a spreadsheet would.
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        entries = []
        for i in z.infolist():
            body = z.read(i.filename)
            if i.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b"<f>40+60</f><v></v>",
                                    b"<f>40+60</f><v>100</v>")
                body = body.replace(b"<f>40+60</f><v />",
                                    b"<f>40+60</f><v>100</v>")
                body = body.replace(b"<f>40+60</f></c>",
                                    b"<f>40+60</f><v>100</v></c>")
            entries.append((i.filename, body))
    return zip_of(entries)


SKELETON = [
    ("[Content_Types].xml",
     b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/'
     b'package/2006/content-types"/>'),
    ("xl/workbook.xml",
     b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org'
     b'/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
     b'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" '
     b'sheetId="1" r:id="rId1"/></sheets></workbook>'),
    ("xl/_rels/workbook.xml.rels",
     b'<?xml version="1.0"?><Relationships xmlns="http://schemas.'
     b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1"'
     b' Type="http://schemas.openxmlformats.org/officeDocument/2006/'
     b'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
     b'</Relationships>'),
]


def sheet(body):
    return (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.'
            b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + body +
            b'</sheetData></worksheet>')


def malformed():
    ok_sheet = sheet(b'<row r="1"><c r="A1" t="inlineStr"><is><t>bid</t></is>'
                     b'</c></row>')
    with open(BUYER, "rb") as f:
        buyer = f.read()
    yield "truncated-zip.xlsx", buyer[: len(buyer) // 2]
    yield "not-a-zip.xlsx", b"bid,price\nA,100\n"
    yield "bomb.xlsx", zip_of(SKELETON + [
        ("xl/worksheets/sheet1.xml",
         sheet(b"") [:-len(b"</sheetData></worksheet>")] +
         b" " * (40 << 20) + b"</sheetData></worksheet>")])
    yield "huge-shared-strings.xlsx", zip_of(SKELETON + [
        ("xl/sharedStrings.xml",
         b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
         b'main">' + b"<si/>" * 1000001 + b"</sst>"),
        ("xl/worksheets/sheet1.xml", ok_sheet)])
    yield "bad-xml.xlsx", zip_of(SKELETON + [
        ("xl/worksheets/sheet1.xml", ok_sheet[:-30])])
    yield "xxe.xlsx", zip_of(SKELETON + [
        ("xl/worksheets/sheet1.xml",
         b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x SYSTEM '
         b'"file:///etc/passwd">]><worksheet xmlns="http://schemas.'
         b'openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
         b'<c r="A1" t="inlineStr"><is><t>&x;</t></is></c></row></sheetData>'
         b'</worksheet>')])
    yield "encrypted.xlsx", (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" +
                             bytes(504))
    yield "macro-only.xlsm", zip_of([
        ("[Content_Types].xml", SKELETON[0][1]),
        ("xl/vbaProject.bin", b"\x00" * 64)])
    yield "bad-shared-index.xlsx", zip_of(SKELETON + [
        ("xl/worksheets/sheet1.xml",
         sheet(b'<row r="1"><c r="A1" t="s"><v>7</v></c></row>'))])


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    os.makedirs(DATA, exist_ok=True)
    os.makedirs(SEEDS, exist_ok=True)
    made = {
        "dates-1900.xlsx": dates(False),
        "dates-1904.xlsx": dates(True),
        "bad-values.xlsx": bad_values(),
        "formula.xlsx": formula(),
    }
    for name, data in made.items():
        write(os.path.join(DATA, name), data)
        write(os.path.join(SEEDS, name), data)
    for name, data in malformed():
        write(os.path.join(DATA, name), data)
        write(os.path.join(SEEDS, name), data)
    shutil.copy(BUYER, os.path.join(SEEDS, "buyer-openpyxl.xlsx"))
    if "--soffice" in sys.argv and shutil.which("soffice"):
        with tempfile.TemporaryDirectory() as tmp:
            for target in ("xlsx", "ods"):
                subprocess.run(
                    ["soffice", "--headless",
                     f"-env:UserInstallation=file://{tmp}/u", "--convert-to",
                     target, "--outdir", os.path.join(tmp, target), BUYER],
                    check=True, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)
                shutil.copy(os.path.join(tmp, target, "bids." + target),
                            os.path.join(SEEDS, "buyer-libreoffice." + target))


if __name__ == "__main__":
    main()
