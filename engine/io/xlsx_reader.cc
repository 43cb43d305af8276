#include "io/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "io/numbers.h"
#include "io/zip_archive.h"
#include "util/suggest.h"

namespace circa::io {

std::string ColumnName(int column) {
  std::string out;
  while (column > 0) {
    const int rem = (column - 1) % 26;
    out.insert(out.begin(), static_cast<char>('A' + rem));
    column = (column - 1) / 26;
  }
  return out;
}

std::string_view LocalName(const char* name) {
  const std::string_view n(name);
  const std::size_t colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::size_t ChooseSheet(const std::string& sheet,
                        const std::vector<std::string>& names,
                        const std::string& file, Diagnostics* diag) {
  if (sheet.empty()) return 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == sheet) return i;
  }
  diag->Error({file, 0, 0}, "", SheetNotFound(sheet, names));
  return names.size();
}

pugi::xml_node Child(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && LocalName(c.name()) == local) {
      return c;
    }
  }
  return {};
}

pugi::xml_attribute Attr(pugi::xml_node n, std::string_view local) {
  for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
    if (LocalName(a.name()) == local) return a;
  }
  return {};
}

std::string FormatCellNumber(double value) {
  char buffer[64];
  // 15 significant digits: what a spreadsheet shows, without binary noise
  // such as 0.1 + 0.2 or 0.85 * 100.
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

std::string SheetNotFound(const std::string& sheet,
                          const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& n : names) {
    list += (list.empty() ? "\"" : ", \"") + n + "\"";
  }
  std::string message =
      "no sheet named \"" + sheet + "\"; the workbook has " + list;
  const std::string hint = util::Suggest(sheet, names);
  if (!hint.empty()) message += " (did you mean --sheet \"" + hint + "\"?)";
  return message;
}

bool ReadXmlPart(ZipArchive& zip, const std::string& file,
                 const std::string& part, Diagnostics* diag,
                 pugi::xml_document* doc) {
  std::string why;
  std::optional<std::string> xml = zip.Read(part, &why);
  if (!xml) {
    diag->Error({file, 0, 0}, "", why);
    return false;
  }
  // pugixml expands no entity beyond the five predefined ones; a DOCTYPE
  // (the way to declare one, external or not) is refused outright.
  const std::size_t doctype = xml->find("<!DOCTYPE");
  if (doctype != std::string::npos) {
    diag->Error({file + ":" + part, 0, 0}, "",
                "a document type declaration (<!DOCTYPE) at byte " +
                    std::to_string(doctype + 1) +
                    "; workbook XML has none, and circa does not read "
                    "entities");
    return false;
  }
  const pugi::xml_parse_result parsed = doc->load_buffer(
      xml->data(), xml->size(),
      pugi::parse_default & ~pugi::parse_wconv_attribute, pugi::encoding_utf8);
  if (!parsed) {
    diag->Error({file + ":" + part, 0, 0}, "",
                std::string("malformed XML at byte ") +
                    std::to_string(parsed.offset + 1) + ": " +
                    parsed.description());
    return false;
  }
  return true;
}
namespace {

// All text of <t> elements below `n`, skipping phonetic runs (<rPh>).
void CollectText(pugi::xml_node n, std::string* out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(c.name());
    if (name == "t") {
      out->append(c.child_value());
    } else if (name == "r") {
      CollectText(c, out);
    }
  }
}

// "C7" -> row 7, column 3. False when malformed.
bool ParseRef(std::string_view ref, int* row, int* column) {
  std::size_t i = 0;
  int c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
    c = c * 26 + (ref[i] - 'A' + 1);
    ++i;
  }
  int r = 0;
  const std::size_t digits = i;
  while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 7) {
    r = r * 10 + (ref[i] - '0');
    ++i;
  }
  if (i != ref.size() || c == 0 || r == 0 || c > 16384 || r > 1048576) {
    return false;
  }
  *row = r;
  *column = c;
  return true;
}

enum class Format { kNumber, kPercent, kDate, kCurrency };

struct Style {
  Format format = Format::kNumber;
  std::string currency;  // with kCurrency
};

// Classifies an Excel number format code.
Style ClassifyCode(std::string_view code) {
  Style s;
  bool quoted = false;
  bool date = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      quoted = !quoted;
      continue;
    }
    if (quoted) continue;
    if (c == '\\' || c == '_' || c == '*') {
      ++i;
      continue;
    }
    if (c == '[') {
      const std::size_t end = code.find(']', i);
      const std::string_view inside =
          code.substr(i + 1, end == std::string_view::npos ? 0 : end - i - 1);
      // [$€-813], [$EUR], [$$-409]
      if (!inside.empty() && inside.front() == '$') {
        std::string_view sym = inside.substr(1);
        sym = sym.substr(0, sym.find('-'));
        if (sym.find("\xE2\x82\xAC") != std::string_view::npos ||
            sym == "EUR") {
          s.currency = "EUR";
        } else if (sym == "$" || sym == "USD") {
          s.currency = "USD";
        } else if (sym.find("\xC2\xA3") != std::string_view::npos ||
                   sym == "GBP") {
          s.currency = "GBP";
        } else if (sym.size() == 3) {
          s.currency = std::string(sym);
        }
      }
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (c == ';') break;  // the positive section decides
    if (c == '%') s.format = Format::kPercent;
    if (c == 'd' || c == 'm' || c == 'y' || c == 'h' || c == 's' || c == 'D' ||
        c == 'M' || c == 'Y' || c == 'H' || c == 'S') {
      date = true;
    }
    if (code.substr(i, 3) == "\xE2\x82\xAC") s.currency = "EUR";
    if (c == '$') s.currency = "USD";
  }
  if (date && s.format != Format::kPercent) s.format = Format::kDate;
  if (s.format == Format::kNumber && !s.currency.empty()) {
    s.format = Format::kCurrency;
  }
  return s;
}

Style BuiltinStyle(int id) {
  Style s;
  if (id == 9 || id == 10) s.format = Format::kPercent;
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) ||
      (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) {
    s.format = Format::kDate;
  }
  return s;
}

// Serial date -> ISO 8601 text; the 1900 system counts the day 1900-02-29
// that never was (Lotus 1-2-3's bug, kept by Excel).
std::string SerialToIso(double serial, bool date1904) {
  if (!(serial >= 0) || serial > 2958465) return FormatCellNumber(serial);
  long long days = static_cast<long long>(std::floor(serial));
  double seconds = std::round((serial - static_cast<double>(days)) * 86400.0);
  if (seconds >= 86400) {
    ++days;
    seconds -= 86400;
  }
  // Days from 1970-01-01.
  long long unix_days = 0;
  if (date1904) {
    unix_days = days - 24107;  // 1904-01-01 is serial 0
  } else {
    if (days >= 60) --days;    // skip the phantom 1900-02-29
    unix_days = days - 25568;  // 1900-01-01 is serial 1
  }
  // civil_from_days (H. Hinnant).
  long long z = unix_days + 719468;
  const long long era = (z >= 0 ? z : z - 146096) / 146097;
  const long long doe = z - era * 146097;
  const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400;
  const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long long mp = (5 * doy + 2) / 153;
  const long long d = doy - (153 * mp + 2) / 5 + 1;
  const long long m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2 ? 1 : 0;
  char buffer[128];
  const auto secs = static_cast<long long>(seconds);
  if (secs == 0) {
    std::snprintf(buffer, sizeof buffer, "%04lld-%02lld-%02lld", y, m, d);
  } else {
    std::snprintf(buffer, sizeof buffer,
                  "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", y, m, d,
                  secs / 3600, secs / 60 % 60, secs % 60);
  }
  return buffer;
}

std::string Resolve(const std::string& base, std::string_view target) {
  if (!target.empty() && target.front() == '/') {
    return std::string(target.substr(1));
  }
  std::string path = base;
  while (target.substr(0, 3) == "../") {
    target.remove_prefix(3);
    const std::size_t slash = path.rfind('/', path.size() - 2);
    path = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  }
  return path + std::string(target);
}

}  // namespace

bool ReadWorkbook(std::string_view bytes, const std::string& file,
                  const std::string& sheet, Diagnostics* diag,
                  SheetTable* out) {
  static constexpr std::string_view kCfb = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
  if (bytes.substr(0, kCfb.size()) == kCfb) {
    diag->Error({file, 0, 0}, "",
                "an OLE compound file, not a zip container: a "
                "password-protected (encrypted) workbook or an old Excel "
                "97-2003 .xls file; save it as .xlsx or .ods without a "
                "password, or as CSV UTF-8");
    return false;
  }
  std::string why;
  std::unique_ptr<ZipArchive> zip = ZipArchive::Open(bytes, &why);
  if (!zip) {
    diag->Error({file, 0, 0}, "",
                "cannot read the workbook: " + why +
                    "; expected an .xlsx or .ods file as a spreadsheet saves "
                    "it");
    return false;
  }
  if (zip->Has("content.xml")) return ReadOds(*zip, file, sheet, diag, out);
  if (zip->Has("xl/workbook.xml")) {
    return ReadXlsx(*zip, file, sheet, diag, out);
  }
  if (zip->Has("xl/workbook.bin")) {
    diag->Error({file, 0, 0}, "",
                "a binary Excel workbook (.xlsb); save it as .xlsx, .ods or "
                "CSV UTF-8");
  } else if (zip->Has("xl/vbaProject.bin")) {
    diag->Error({file, 0, 0}, "",
                "the workbook holds macros but no worksheet; save the sheet "
                "with the bids as .xlsx");
  } else {
    diag->Error({file, 0, 0}, "",
                "a zip container that is no workbook (no xl/workbook.xml or "
                "content.xml); expected an .xlsx or .ods file");
  }
  return false;
}

bool ReadXlsx(ZipArchive& zip, const std::string& file,
              const std::string& sheet, Diagnostics* diag, SheetTable* out) {
  pugi::xml_document workbook;
  if (!ReadXmlPart(zip, file, "xl/workbook.xml", diag, &workbook)) return false;
  const pugi::xml_node wb = workbook.document_element();
  const bool date1904 = [&] {
    const std::string_view v =
        Attr(Child(wb, "workbookPr"), "date1904").value();
    return v == "1" || v == "true";
  }();
  // Relationship id -> target part.
  std::map<std::string, std::pair<std::string, std::string>> rels;
  if (zip.Has("xl/_rels/workbook.xml.rels")) {
    pugi::xml_document doc;
    if (!ReadXmlPart(zip, file, "xl/_rels/workbook.xml.rels", diag, &doc)) {
      return false;
    }
    for (pugi::xml_node r = doc.document_element().first_child(); r;
         r = r.next_sibling()) {
      if (LocalName(r.name()) != "Relationship") continue;
      rels[Attr(r, "Id").value()] = {Resolve("xl/", Attr(r, "Target").value()),
                                     Attr(r, "Type").value()};
    }
  }
  std::vector<std::string> names;
  std::vector<std::string> parts;
  for (pugi::xml_node s = Child(Child(wb, "sheets"), "sheet"); s;
       s = s.next_sibling()) {
    if (LocalName(s.name()) != "sheet") continue;
    const auto rel = rels.find(Attr(s, "id").value());
    if (rel == rels.end()) continue;
    const std::string& type = rel->second.second;
    // Chart sheets and macro sheets hold no cells to read.
    if (type.size() >= 10 &&
        type.compare(type.size() - 10, 10, "/worksheet") != 0) {
      continue;
    }
    names.push_back(Attr(s, "name").value());
    parts.push_back(rel->second.first);
  }
  if (names.empty()) {
    diag->Error({file, 0, 0}, "",
                zip.Has("xl/vbaProject.bin")
                    ? "the workbook holds macros but no worksheet; save the "
                      "sheet with the bids as .xlsx"
                    : "the workbook has no worksheet");
    return false;
  }
  const std::size_t chosen = ChooseSheet(sheet, names, file, diag);
  if (chosen == names.size()) return false;
  out->sheet = names[chosen];

  std::vector<std::string> shared;
  if (zip.Has("xl/sharedStrings.xml")) {
    pugi::xml_document doc;
    if (!ReadXmlPart(zip, file, "xl/sharedStrings.xml", diag, &doc)) {
      return false;
    }
    for (pugi::xml_node si = doc.document_element().first_child(); si;
         si = si.next_sibling()) {
      if (si.type() != pugi::node_element || LocalName(si.name()) != "si") {
        continue;
      }
      if (shared.size() == kMaxSharedStrings) {
        diag->Error({file + ":xl/sharedStrings.xml", 0, 0}, "",
                    "more than " + std::to_string(kMaxSharedStrings) +
                        " shared strings; the limit keeps memory bounded");
        return false;
      }
      shared.emplace_back();
      CollectText(si, &shared.back());
    }
  }
  std::vector<Style> styles;
  if (zip.Has("xl/styles.xml")) {
    pugi::xml_document doc;
    if (!ReadXmlPart(zip, file, "xl/styles.xml", diag, &doc)) return false;
    const pugi::xml_node ss = doc.document_element();
    std::map<int, Style> custom;
    for (pugi::xml_node f = Child(Child(ss, "numFmts"), "numFmt"); f;
         f = f.next_sibling()) {
      custom[Attr(f, "numFmtId").as_int()] =
          ClassifyCode(Attr(f, "formatCode").value());
    }
    for (pugi::xml_node xf = Child(Child(ss, "cellXfs"), "xf"); xf;
         xf = xf.next_sibling()) {
      if (styles.size() > 65536) break;
      const int id = Attr(xf, "numFmtId").as_int();
      const auto it = custom.find(id);
      styles.push_back(it != custom.end() ? it->second : BuiltinStyle(id));
    }
  }

  const std::string part = parts[chosen];
  pugi::xml_document doc;
  if (!ReadXmlPart(zip, file, part, diag, &doc)) return false;
  const pugi::xml_node ws = doc.document_element();
  const std::string at = file + ":" + part;
  std::size_t cells = 0;
  int next_row = 1;
  int last_row = 0;
  for (pugi::xml_node row = Child(Child(ws, "sheetData"), "row"); row;
       row = row.next_sibling()) {
    if (LocalName(row.name()) != "row") continue;
    int r = Attr(row, "r").as_int(next_row);
    if (r <= last_row || r > 1048576) {
      diag->Error({at, 0, 0}, "",
                  "row number " + std::string(Attr(row, "r").value()) +
                      " out of order or out of range");
      return false;
    }
    last_row = r;
    next_row = r + 1;
    std::vector<SheetCell> cells_of_row;
    int next_column = 1;
    for (pugi::xml_node c = row.first_child(); c; c = c.next_sibling()) {
      if (LocalName(c.name()) != "c") continue;
      int cr = r;
      int cc = next_column;
      if (const pugi::xml_attribute ref = Attr(c, "r"); ref) {
        if (!ParseRef(ref.value(), &cr, &cc) || cr != r || cc < next_column) {
          diag->Error({at, 0, 0}, "",
                      "cell reference \"" + std::string(ref.value()) +
                          "\" in row " + std::to_string(r) +
                          " is malformed or out of order");
          return false;
        }
      }
      next_column = cc + 1;
      const std::string_view type = Attr(c, "t").value();
      const pugi::xml_node v = Child(c, "v");
      SheetCell cell{{"", r, cc}, false};
      if (type == "s") {
        const long long k = v.text().as_llong(-1);
        if (k < 0 || static_cast<std::size_t>(k) >= shared.size()) {
          diag->Error(
              {file + ":" + out->sheet + "!" + ColumnName(cc) +
                   std::to_string(r),
               0, 0},
              "",
              "refers to shared string " + std::string(v.child_value()) +
                  ", but the workbook has " + std::to_string(shared.size()));
          return false;
        }
        cell.text = shared[static_cast<std::size_t>(k)];
      } else if (type == "inlineStr") {
        CollectText(Child(c, "is"), &cell.text);
      } else if (type == "str" || type == "e") {
        cell.text = v.child_value();
      } else if (type == "b") {
        cell.text = std::string_view(v.child_value()) == "1" ? "TRUE" : "FALSE";
      } else if (type == "d") {
        cell.text = v.child_value();  // ISO 8601 already
      } else if (v) {
        double number = 0;
        if (!ParsePlainNumber(v.child_value(), &number)) {
          cell.text = v.child_value();
        } else {
          const std::size_t s = Attr(c, "s").as_uint(0);
          const Style style = s < styles.size() ? styles[s] : Style{};
          cell.typed = true;
          switch (style.format) {
            case Format::kNumber: {
              // As stored when short (Excel and LibreOffice write "4.85");
              // 17-digit forms ("4.8499999999999996") as a spreadsheet
              // shows them.
              const std::string_view stored = v.child_value();
              cell.text = stored.size() <= 15 ? std::string(stored)
                                              : FormatCellNumber(number);
              break;
            }
            case Format::kPercent:
              cell.text = FormatCellNumber(number * 100) + "%";
              break;
            case Format::kCurrency:
              cell.text = style.currency + " " + FormatCellNumber(number);
              break;
            case Format::kDate:
              cell.text = SerialToIso(number, date1904);
              cell.typed = false;
              break;
          }
        }
      } else if (Child(c, "f")) {
        diag->Error(
            {file + ":" + out->sheet + "!" + ColumnName(cc) + std::to_string(r),
             0, 0},
            "",
            "a formula without a saved value; open the workbook in a "
            "spreadsheet and save it again so that the values are stored");
        return false;
      }
      if (Trim(cell.text).empty()) continue;
      if (++cells > kMaxSheetCells) {
        diag->Error({at, 0, 0}, "",
                    "more than " + std::to_string(kMaxSheetCells) +
                        " cells; the limit keeps memory bounded");
        return false;
      }
      cells_of_row.push_back(std::move(cell));
    }
    if (!cells_of_row.empty()) out->rows.push_back(std::move(cells_of_row));
  }
  for (pugi::xml_node m = Child(Child(ws, "mergeCells"), "mergeCell"); m;
       m = m.next_sibling()) {
    const std::string_view ref = Attr(m, "ref").value();
    const std::size_t colon = ref.find(':');
    CellRange range;
    if (colon == std::string_view::npos ||
        !ParseRef(ref.substr(0, colon), &range.row1, &range.column1) ||
        !ParseRef(ref.substr(colon + 1), &range.row2, &range.column2)) {
      continue;
    }
    if (out->merges.size() < 100000) out->merges.push_back(range);
  }
  return true;
}

}  // namespace circa::io
