// OpenDocument spreadsheets (.ods): content.xml's first table, or the one
// named, with repeated rows and columns, spanned (merged) cells and typed
// values (office:value-type).
#include <algorithm>

#include "io/numbers.h"
#include "io/xlsx_reader.h"
#include "io/zip_archive.h"

namespace circa::io {
namespace {

// The text of a cell: its paragraphs joined by line breaks, <text:s/> as
// spaces, <text:tab/> as a tab, spans and links by their text.
void CellText(pugi::xml_node n, std::string* out) {
  for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
      out->append(c.value());
      continue;
    }
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(c.name());
    if (name == "s") {
      const unsigned count = std::min(Attr(c, "c").as_uint(1), 1000u);
      out->append(count, ' ');
    } else if (name == "tab") {
      out->push_back('\t');
    } else if (name == "line-break") {
      out->push_back('\n');
    } else if (name == "annotation") {
      continue;  // a comment, not the value
    } else {
      CellText(c, out);
    }
  }
}

}  // namespace

bool ReadOds(ZipArchive& zip, const std::string& file, const std::string& sheet,
             Diagnostics* diag, SheetTable* out) {
  if (zip.Has("META-INF/manifest.xml")) {
    pugi::xml_document manifest;
    if (!ReadXmlPart(zip, file, "META-INF/manifest.xml", diag, &manifest)) {
      return false;
    }
    for (pugi::xml_node e = manifest.document_element().first_child(); e;
         e = e.next_sibling()) {
      if (Child(e, "encryption-data")) {
        diag->Error({file, 0, 0}, "",
                    "a password-protected (encrypted) spreadsheet; save it "
                    "without a password");
        return false;
      }
    }
  }
  pugi::xml_document doc;
  if (!ReadXmlPart(zip, file, "content.xml", diag, &doc)) return false;
  const pugi::xml_node spreadsheet =
      Child(Child(doc.document_element(), "body"), "spreadsheet");
  std::vector<pugi::xml_node> tables;
  std::vector<std::string> names;
  for (pugi::xml_node t = Child(spreadsheet, "table"); t;
       t = t.next_sibling()) {
    if (LocalName(t.name()) != "table") continue;
    tables.push_back(t);
    names.push_back(Attr(t, "name").value());
  }
  if (tables.empty()) {
    diag->Error({file, 0, 0}, "",
                "the spreadsheet has no sheet (content.xml holds no table)");
    return false;
  }
  const std::size_t chosen = ChooseSheet(sheet, names, file, diag);
  if (chosen == names.size()) return false;
  out->sheet = names[chosen];
  const std::string at = file + ":content.xml";
  std::size_t cells = 0;
  long long r = 0;  // rows so far
  bool ok = true;
  const auto too_many = [&] {
    diag->Error({at, 0, 0}, "",
                "more than " + std::to_string(kMaxSheetCells) +
                    " cells or 1,048,576 rows; the limit keeps memory "
                    "bounded");
    ok = false;
  };
  // Rows may sit in header-rows and row-groups.
  std::vector<pugi::xml_node> rows;
  const auto collect = [&rows](pugi::xml_node parent, auto& self) -> void {
    for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
      if (n.type() != pugi::node_element) continue;
      const std::string_view name = LocalName(n.name());
      if (name == "table-row") {
        rows.push_back(n);
      } else if (name == "table-header-rows" || name == "table-row-group" ||
                 name == "table-rows") {
        self(n, self);
      }
    }
  };
  collect(tables[chosen], collect);
  for (const pugi::xml_node row : rows) {
    const long long repeat =
        std::max(1LL, Attr(row, "number-rows-repeated").as_llong(1));
    std::vector<SheetCell> cells_of_row;
    long long c = 0;
    for (pugi::xml_node cell = row.first_child(); cell && ok;
         cell = cell.next_sibling()) {
      const std::string_view name = LocalName(cell.name());
      if (name != "table-cell" && name != "covered-table-cell") continue;
      const long long times =
          std::max(1LL, Attr(cell, "number-columns-repeated").as_llong(1));
      std::string text;
      bool typed = false;
      if (name == "table-cell") {
        const std::string_view type = Attr(cell, "value-type").value();
        const std::string_view value = Attr(cell, "value").value();
        if (type == "float") {
          text = value;
          typed = true;
        } else if (type == "percentage") {
          double v = 0;
          if (ParsePlainNumber(value, &v)) {
            text = FormatCellNumber(v * 100) + "%";
            typed = true;
          }
        } else if (type == "currency") {
          text = std::string(Attr(cell, "currency").value()) + " " +
                 std::string(value);
          typed = true;
        } else if (type == "date") {
          text = Attr(cell, "date-value").value();
        } else if (type == "boolean") {
          text = std::string_view(Attr(cell, "boolean-value").value()) == "true"
                     ? "TRUE"
                     : "FALSE";
        } else {
          CellText(cell, &text);
        }
        if (typed) {
          double v = 0;
          std::string currency;
          bool percent = false;
          if (!ParsePlainNumber(StripUnit(text, &currency, &percent), &v)) {
            typed = false;  // a broken value attribute: show the text
            text.clear();
            CellText(cell, &text);
          } else if (type == "float") {
            text = FormatCellNumber(v);
          }
        }
        const long long rows_spanned =
            Attr(cell, "number-rows-spanned").as_llong(1);
        const long long cols_spanned =
            Attr(cell, "number-columns-spanned").as_llong(1);
        if ((rows_spanned > 1 || cols_spanned > 1) &&
            out->merges.size() < 100000 && r + repeat <= 1048576 &&
            c + cols_spanned <= 16384) {
          out->merges.push_back(
              {static_cast<int>(r + 1), static_cast<int>(c + 1),
               static_cast<int>(r + std::min(rows_spanned, 1048576LL)),
               static_cast<int>(c + cols_spanned)});
        }
      }
      if (Trim(text).empty()) {
        c += times;
        continue;
      }
      for (long long k = 0; k < times && ok; ++k) {
        ++c;
        if (c > 16384) break;
        if (++cells > kMaxSheetCells) {
          too_many();
          break;
        }
        cells_of_row.push_back({{text, 0, static_cast<int>(c)}, typed});
      }
    }
    if (!ok) return false;
    if (cells_of_row.empty()) {
      r += repeat;
      continue;
    }
    for (long long k = 0; k < repeat; ++k) {
      ++r;
      if (r > 1048576 || cells + cells_of_row.size() > kMaxSheetCells) {
        too_many();
        return false;
      }
      if (k > 0) cells += cells_of_row.size();
      for (SheetCell& cell : cells_of_row) cell.line = static_cast<int>(r);
      out->rows.push_back(cells_of_row);
    }
  }
  return true;
}

}  // namespace circa::io
