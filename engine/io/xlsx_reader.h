// Workbook bid files: the cells of one sheet of an Office Open XML (.xlsx)
// or OpenDocument (.ods) spreadsheet, read from the zip container
// (io/zip_archive.h) with pugixml. Values come as a spreadsheet holds them:
// shared and inline strings, numbers, booleans, dates (1900 and 1904 date
// systems), percentages, formulas by their cached value.
#ifndef CIRCA_ENGINE_IO_XLSX_READER_H_
#define CIRCA_ENGINE_IO_XLSX_READER_H_

#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"
#include "io/csv.h"

namespace circa::io {

// A merged range, 1-based and inclusive.
struct CellRange {
  int row1 = 0, column1 = 0, row2 = 0, column2 = 0;
};

// A cell of a sheet. `typed`: a number the spreadsheet stores as one,
// written as a C number, optionally with a currency code before it
// ("EUR 12.5") or a % after it ("85%": the cell held 0.85 formatted as a
// percentage); read without the locale.
struct SheetCell : CsvCell {
  bool typed = false;
};

struct SheetTable {
  std::string sheet;  // the sheet's name
  // Non-empty rows in order; each row's non-empty cells in column order,
  // CsvCell::line the row number and CsvCell::column the column number.
  std::vector<std::vector<SheetCell>> rows;
  std::vector<CellRange> merges;
};

// At most this many non-empty cells are read from one sheet.
inline constexpr std::size_t kMaxSheetCells = 2'000'000;
// At most this many shared strings (an .xlsx table of texts).
inline constexpr std::size_t kMaxSharedStrings = 1'000'000;

// Reads sheet `sheet` ("" the first) of the workbook `bytes`, an .xlsx or an
// .ods (told apart by their content, whatever `file` is called). Errors name
// `file` and, for a sheet's content, the part of the zip container.
bool ReadWorkbook(std::string_view bytes, const std::string& file,
                  const std::string& sheet, Diagnostics* diag, SheetTable* out);

// "A", "Z", "AA"... for column 1, 26, 27...
std::string ColumnName(int column);

// Internal to the readers: the .xlsx and .ods halves of ReadWorkbook.
class ZipArchive;
bool ReadXlsx(ZipArchive& zip, const std::string& file,
              const std::string& sheet, Diagnostics* diag, SheetTable* out);
bool ReadOds(ZipArchive& zip, const std::string& file, const std::string& sheet,
             Diagnostics* diag, SheetTable* out);
// Reads and parses an XML part of the container, refusing a DOCTYPE (so no
// entity, internal or external, is ever expanded); on failure adds an error
// naming file:part and returns false.
bool ReadXmlPart(ZipArchive& zip, const std::string& file,
                 const std::string& part, Diagnostics* diag,
                 pugi::xml_document* doc);
// The local name of an XML element or attribute ("x:sheet" -> "sheet").
std::string_view LocalName(const char* name);
// The first child element / the attribute of `n` by local name (any
// namespace prefix), or an empty handle.
pugi::xml_node Child(pugi::xml_node n, std::string_view local);
// The index of the sheet named `sheet` in `names` (the first when `sheet` is
// empty), or names.size() after an error naming the sheets there are.
std::size_t ChooseSheet(const std::string& sheet,
                        const std::vector<std::string>& names,
                        const std::string& file, Diagnostics* diag);
pugi::xml_attribute Attr(pugi::xml_node n, std::string_view local);
std::string SheetNotFound(const std::string& sheet,
                          const std::vector<std::string>& names);
std::string FormatCellNumber(double value);

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_XLSX_READER_H_
