#!/usr/bin/python3
"""Checks the HTML report and the workbook with the programs buyers open them
in (docs/result-format.md, "HTML" and "Workbook").

  check_documents.py html      CIRCA SOURCE WORK [SCREENS]
  check_documents.py workbooks CIRCA SOURCE WORK

html: renders the HTML of two samples (office-furniture scored, in English,
Dutch and French, laptops-ict analysed with --sensitivity and --smaa) with headless Chromium to PNG and PDF
in one browser run each, and checks that the page is not blank, that the
charts were drawn (their colours are in the PNG, their <svg> elements carry
a title and a description), that the PDF has a page per bid, that the browser
logged no error and no console message, and that the page made no network
request (Chromium's NetLog: no request whose network isolation key is the
file:// page). A probe page with a remote image and a script error must fail
the same checks, so that they are known to work.

workbooks: writes every points sample's workbook (in English; office-furniture
also in Dutch and French, whose sheets have other names; samples/share-of-total
checks the sums over the scored bids), checks it opens with
openpyxl with a formula in every score, points, total and rank cell, removes
the cached values (openpyxl saves formulas only), has LibreOffice recompute
every workbook in one run (OOXMLRecalcMode 0: always recalculate on load)
and compares each recomputed score, points and total with circa's JSON
written with `--precision full` (every double in full) to 1e-9, and each
rank with circa's.
One workbook has a bid's price changed with openpyxl; its recomputed ranking
must be circa's on the same change made to the bids file.
"""
import csv
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

import numpy

PALETTE = [(0x00, 0x72, 0xB2), (0xE6, 0x9F, 0x00), (0x00, 0x9E, 0x73)]
FAILURES = []


def fail(message):
    FAILURES.append(message)
    print("FAIL: " + message, file=sys.stderr)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=300,
                          **kw)


# --- PNG -------------------------------------------------------------------

def read_png(path):
    """(width, height, rows of RGB tuples) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(path + ": not a PNG")
    pos, idat, width, height, channels = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
            if depth != 8 or color not in (2, 6):
                raise ValueError(path + ": not 8-bit RGB(A)")
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    rows = []
    prev = numpy.zeros(stride, dtype=numpy.int64)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = numpy.frombuffer(raw, dtype=numpy.uint8, count=stride,
                                offset=start + 1).astype(numpy.int64)
        if kind == 1:  # Sub: a running sum per channel
            line = numpy.cumsum(line.reshape(width, channels), axis=0)
            line = line.reshape(stride) & 255
        elif kind == 2:  # Up
            line = (line + prev) & 255
        elif kind in (3, 4):  # Average, Paeth: pixel by pixel
            out, up = line.tolist(), prev.tolist()
            for i in range(stride):
                a = out[i - channels] if i >= channels else 0
                b = up[i]
                if kind == 3:
                    out[i] = (out[i] + (a + b) // 2) & 255
                    continue
                c = up[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                out[i] = (out[i] + pred) & 255
            line = numpy.array(out, dtype=numpy.int64)
        rows.append(line)
        prev = line
    rows = numpy.stack(rows).reshape(height, width, channels)[:, :, :3]
    return width, height, rows, channels


def png_stats(path):
    """Non-white pixel count and which palette colours occur."""
    width, height, rows, _ = read_png(path)
    flat = rows.reshape(-1, 3)
    non_white = int(numpy.count_nonzero((flat != 255).any(axis=1)))
    seen = {c for c in PALETTE if (flat == c).all(axis=1).any()}
    return width * height, non_white, seen


# --- HTML in Chromium --------------------------------------------------------

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu",
    "--enable-logging=stderr", "--v=0",
    # Nothing may leave the machine, whatever the page asks for.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    # The browser's own background traffic (updates, sync, accounts) is
    # switched off where it can be; what remains is told apart from the
    # page's requests by its network isolation key (page_requests).
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-default-apps",
    "--disable-extensions", "--no-pings", "--no-pdf-header-footer",
    "--window-size=1200,2400",
]


def page_requests(netlog_path):
    """URLs the page (a file:// top frame) asked the network for."""
    with open(netlog_path, encoding="utf-8") as f:
        text = f.read()
    # Chromium may leave the log's closing brackets off when it exits.
    try:
        log = json.loads(text)
    except json.JSONDecodeError:
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log["events"]:
        if names.get(event.get("type")) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params", {})
        url = params.get("url", "")
        if "file://" in params.get("network_isolation_key", "") and \
                not url.startswith(("file:", "data:")):
            urls.append(url)
    return urls


def browser_problems(stderr, page):
    """Error lines and console messages of a Chromium run on `page`."""
    problems = []
    for line in stderr.splitlines():
        if "CONSOLE" in line:
            problems.append(line)
        elif ":ERROR:" in line and "dbus" not in line:
            # D-Bus is absent in a container; nothing about the page.
            problems.append(line)
    return problems


def render(html, work, name):
    png = os.path.join(work, name + ".png")
    pdf = os.path.join(work, name + ".pdf")
    netlog = os.path.join(work, name + ".netlog.json")
    for p in (png, pdf, netlog):
        if os.path.exists(p):
            os.remove(p)
    r = run(["chromium"] + CHROMIUM_FLAGS + [
        "--user-data-dir=" + os.path.join(work, "chromium-profile"),
        "--log-net-log=" + netlog, "--screenshot=" + png,
        "--print-to-pdf=" + pdf, "file://" + os.path.abspath(html)])
    return r, png, pdf, netlog


def check_page(html, work, name, bids, screens):
    r, png, pdf, netlog = render(html, work, name)
    if not (os.path.exists(png) and os.path.exists(pdf)):
        fail(f"{name}: chromium wrote no PNG or PDF (exit {r.returncode}): "
             + r.stderr[-2000:])
        return
    pixels, non_white, seen = png_stats(png)
    if non_white < pixels // 50:
        fail(f"{name}: blank page ({non_white} of {pixels} pixels not white)")
    if len(seen) < len(PALETTE):
        fail(f"{name}: chart colours missing from the screenshot: {seen}")
    with open(html, encoding="utf-8") as f:
        text = f.read()
    svgs = re.findall(r"<svg [^>]*>", text)
    if len(svgs) < 3:
        fail(f"{name}: {len(svgs)} charts, expected at least 3")
    for tag in svgs:
        ids = re.search(r'aria-labelledby="([^"]+)"', tag)
        if 'role="img"' not in tag or ids is None:
            fail(f"{name}: chart without role and text alternative: {tag}")
            continue
        for part in ids.group(1).split():
            if f'id="{part}"' not in text:
                fail(f"{name}: chart names {part}, which is not in the page")
    with open(pdf, "rb") as f:
        pages = len(re.findall(rb"/Type\s*/Page[^s]", f.read()))
    if pages < bids + 1:
        fail(f"{name}: {pages} PDF pages for {bids} bids (one per bid)")
    for line in browser_problems(r.stderr, html):
        fail(f"{name}: chromium logged: {line}")
    for url in page_requests(netlog):
        fail(f"{name}: the page requested {url}")
    if screens:
        os.makedirs(screens, exist_ok=True)
        shutil.copy(png, os.path.join(screens, name + ".png"))
    print(f"{name}: {non_white} of {pixels} pixels drawn, {len(svgs)} charts, "
          f"{pages} PDF pages")


def check_html(circa, source, work, screens):
    os.makedirs(work, exist_ok=True)
    pages = [
        ("office-furniture", ["score", "samples/office-furniture"], 5),
        ("office-furniture-nl",
         ["score", "samples/office-furniture", "--lang", "nl"], 5),
        ("office-furniture-fr",
         ["score", "samples/office-furniture", "--lang", "fr"], 5),
        ("laptops-ict-analysed",
         ["analyze", "samples/laptops-ict", "--sensitivity", "--smaa", "2000"],
         None),
    ]
    for name, args, bids in pages:
        html = os.path.join(work, name + ".html")
        r = run([circa] + args + ["-f", "html", "-o", html], cwd=source)
        if r.returncode != 0:
            fail(f"{name}: circa exit {r.returncode}: {r.stderr}")
            continue
        if bids is None:
            bids = count_bids(circa, source, args[1])
        check_page(html, work, name, bids, screens)
    # The checks must catch a page that fetches and fails.
    probe = os.path.join(work, "probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><img src="http://circa-probe.'
                'invalid/x.png"><script>nonexistent();</script></body></html>')
    r, _, _, netlog = render(probe, work, "probe")
    if not page_requests(netlog):
        fail("probe: the remote image was not seen in the NetLog")
    if not browser_problems(r.stderr, probe):
        fail("probe: the script error was not seen in the log")


def count_bids(circa, source, sample):
    r = run([circa, "score", sample, "-f", "json"], cwd=source)
    return len(json.loads(r.stdout)["bids"])


# --- Workbooks in LibreOffice -----------------------------------------------

RECALC = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop
 oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def points_samples(source):
    names = []
    for name in sorted(os.listdir(os.path.join(source, "samples"))):
        tender = os.path.join(source, "samples", name, "tender.yaml")
        if not os.path.isfile(tender):
            continue
        with open(tender, encoding="utf-8") as f:
            if re.search(r"^award:", f.read(), re.M):
                continue  # a money award has no workbook
        names.append(name)
    return names


# The sheets of a workbook in each language (document.sheet_* in
# engine/explain/messages/<lang>.txt), in order; the checks name them in
# English.
SHEETS = {
    "en": ["Criteria", "Values", "Scores", "Ranking", "Explanations"],
    "nl": ["Gunningscriteria", "Waarden", "Scores", "Rangschikking",
           "Motivering"],
    "fr": ["Critères", "Valeurs", "Scores", "Classement", "Motivation"],
}
TOTAL = {"en": "Total", "nl": "Totaal", "fr": "Total"}
# The workbooks written besides every sample's English one: (name, sample,
# language).
LANGUAGE_BOOKS = [("office-furniture.nl", "office-furniture", "nl"),
                  ("office-furniture.fr", "office-furniture", "fr")]


def book_language(wb):
    for lang, names in SHEETS.items():
        if wb.sheetnames == names:
            return lang
    return None


def sheet(wb, title):
    lang = book_language(wb) or "en"
    ws = wb[SHEETS[lang][SHEETS["en"].index(title)]]
    return [list(r) for r in ws.iter_rows(values_only=True)]


def check_formulas(path, name, lang="en"):
    import openpyxl
    wb = openpyxl.load_workbook(path)
    if wb.sheetnames != SHEETS[lang]:
        fail(f"{name}: sheets {wb.sheetnames}, expected {SHEETS[lang]}")
        return wb
    # What is not a formula says so in a cell comment.
    for title, ref in (("Values", "C1"), ("Values", "D1"), ("Ranking", "A1")):
        ws = wb[SHEETS[lang][SHEETS["en"].index(title)]]
        if ws[ref].comment is None:
            fail(f"{name}: no comment on {title}!{ref}")
    scores = sheet(wb, "Scores")
    for row in scores[1:]:
        for cell in row[2:]:
            if not (isinstance(cell, str) and cell.startswith("=")):
                fail(f"{name}: Scores cell is not a formula: {cell!r}")
    for row in sheet(wb, "Ranking")[1:]:
        if not (isinstance(row[0], str) and row[0].startswith("=RANK") or
                isinstance(row[0], str) and row[0].startswith("=IF(")):
            fail(f"{name}: rank cell is not a formula: {row[0]!r}")
    return wb


def compare(recomputed, result, name):
    import openpyxl
    wb = openpyxl.load_workbook(recomputed, data_only=True)
    scores = sheet(wb, "Scores")
    bids = {b["id"]: b for b in result["bids"]}
    m = (scores[0].index(TOTAL[book_language(wb) or "en"]) - 2) // 2
    cells = 0
    worst = 0.0  # the largest difference from circa's JSON value
    for row in scores[1:]:
        bid = bids[row[0]]
        got = [("total", row[2 + 2 * m], bid["total"])]
        for j, c in enumerate(bid["criteria"]):
            got.append((c["id"] + " score", row[2 + j], c["score"]))
            got.append((c["id"] + " points", row[2 + m + j], c["points"]))
        for what, value, want in got:
            cells += 1
            if isinstance(value, (int, float)):
                worst = max(worst, abs(value - want))
            if not isinstance(value, (int, float)) or \
                    abs(value - want) > 1e-9:
                fail(f"{name}: bid {row[0]} {what}: workbook {value!r}, "
                     f"circa {want}")
    # The price stage flag (a formula when the set has minimum scores or
    # max-pass): 1 exactly for the bids circa ranked.
    for row in sheet(wb, "Values")[1:]:
        cells += 1
        want = 1 if bids[row[0]]["status"] == "ranked" else 0
        if row[3] != want:
            fail(f"{name}: bid {row[0]} price stage {row[3]!r}, circa "
                 f"{bids[row[0]]['status']}")
    # RANK gives bids with equal totals one rank; circa's tie-break policy
    # then orders them (documented). Equal totals: the rank RANK gives.
    ranked = [b["total"] for b in result["bids"] if b["status"] == "ranked"]
    for row in sheet(wb, "Ranking")[1:]:
        cells += 1
        bid = bids[row[1]]
        want = bid["rank"]
        if bid["status"] == "ranked" and \
                sum(abs(t - bid["total"]) <= 1e-9 for t in ranked) > 1:
            want = 1 + sum(t > bid["total"] + 1e-9 for t in ranked)
        if row[0] != want:
            fail(f"{name}: bid {row[1]} rank {row[0]!r}, expected {want} "
                 f"(circa {bid['rank']})")
    return cells, worst


def ranking(recomputed):
    import openpyxl
    wb = openpyxl.load_workbook(recomputed, data_only=True)
    return {row[1]: row[0] for row in sheet(wb, "Ranking")[1:]}


def change_price(source, work):
    """office-furniture with bid E's price raised 30 %: the workbook (its
    Values sheet changed with openpyxl) and circa's JSON on the same bids
    file changed."""
    import openpyxl
    tender = os.path.join(work, "changed-tender")
    if os.path.exists(tender):
        shutil.rmtree(tender)
    shutil.copytree(os.path.join(source, "samples", "office-furniture"),
                    tender)
    path = os.path.join(tender, "bids.csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    new_price = None
    for row in rows[1:]:
        if row[head.index("bid")] == "E":
            new_price = round(float(row[head.index("price")]) * 1.3, 2)
            row[head.index("price")] = repr(new_price)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return tender, new_price


def check_workbooks(circa, source, work):
    import openpyxl
    os.makedirs(work, exist_ok=True)
    stripped = os.path.join(work, "stripped")
    out = os.path.join(work, "recomputed")
    for d in (stripped, out):
        if os.path.exists(d):
            shutil.rmtree(d)
        os.makedirs(d)
    results = {}
    books = [(name, name, "en") for name in points_samples(source)]
    for name, sample, lang in books + LANGUAGE_BOOKS:
        book = os.path.join(work, name + ".xlsx")
        r = run([circa, "score", "samples/" + sample, "-f", "xlsx", "-o", book,
                 "--lang", lang], cwd=source)
        j = run([circa, "score", "samples/" + sample, "-f", "json",
                 "--precision", "full"], cwd=source)
        if r.returncode != 0 or j.returncode != 0:
            fail(f"{name}: circa exit {r.returncode}/{j.returncode}: "
                 f"{r.stderr}{j.stderr}")
            continue
        results[name] = json.loads(j.stdout)
        wb = check_formulas(book, name, lang)
        # openpyxl writes the formulas without their cached values: what
        # LibreOffice shows next is its own recalculation.
        wb.save(os.path.join(stripped, name + ".xlsx"))
    # The price change (one test): bid E of office-furniture 30 % dearer.
    tender, new_price = change_price(source, work)
    wb = openpyxl.load_workbook(os.path.join(stripped,
                                             "office-furniture.xlsx"))
    values = wb["Values"]
    heads = [c.value for c in values[1]]
    for row in values.iter_rows(min_row=2):
        if row[0].value == "E":
            row[heads.index("price")].value = new_price
    wb.save(os.path.join(stripped, "changed-price.xlsx"))
    j = run([circa, "score", tender, "-f", "json", "--precision", "full"],
            cwd=source)
    changed = json.loads(j.stdout)

    profile = os.path.join(work, "lo-profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"),
              "w", encoding="utf-8") as f:
        f.write(RECALC)
    books = sorted(os.path.join(stripped, f) for f in os.listdir(stripped))
    r = run(["soffice", "-env:UserInstallation=file://" + profile,
             "--headless", "--norestore", "--convert-to", "xlsx",
             "--outdir", out] + books)
    if r.returncode != 0:
        fail(f"soffice exit {r.returncode}: {r.stderr}")
        return
    cells = 0
    worst = 0.0
    for name, result in list(results.items()) + [("changed-price", changed)]:
        n, w = compare(os.path.join(out, name + ".xlsx"), result, name)
        cells += n
        worst = max(worst, w)
    before = ranking(os.path.join(out, "office-furniture.xlsx"))
    after = ranking(os.path.join(out, "changed-price.xlsx"))
    want = {b["id"]: b["rank"] for b in changed["bids"]}
    if after != want:
        fail(f"changed price: workbook ranking {after}, circa {want}")
    if after == before:
        fail("changed price: the ranking did not change; the test shows "
             "nothing")
    print(f"{len(results)} workbooks and the changed one recomputed by "
          f"LibreOffice: {cells} cells equal circa's (largest difference "
          f"from circa's JSON value in full precision: {worst:.3g})")


def main():
    mode, circa, source, work = sys.argv[1:5]
    if mode == "html":
        check_html(circa, source, work, sys.argv[5] if len(sys.argv) > 5
                   else "")
    elif mode == "workbooks":
        check_workbooks(circa, source, work)
    else:
        sys.exit("unknown mode " + mode)
    if FAILURES:
        sys.exit(f"{len(FAILURES)} failures")


if __name__ == "__main__":
    main()
