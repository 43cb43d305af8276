// RFC 4180 CSV with positions: quoted fields, "" escapes, CRLF, a UTF-8 BOM,
// delimiter detected from the header (',' ';' or tab), and leading
// "# key: value" directive lines.
#ifndef CIRCA_ENGINE_IO_CSV_H_
#define CIRCA_ENGINE_IO_CSV_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "circa/diagnostics.h"

namespace circa::io {

struct CsvCell {
  std::string text;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters
};

struct CsvTable {
  char delimiter = ',';
  // Leading "# key: value" lines, keys lower-cased.
  std::map<std::string, std::pair<std::string, int>> directives;  // value, line
  std::vector<std::vector<CsvCell>> rows;  // rows[0] is the header
};

// A cell without a copy of its text: `text` points into the text being
// parsed, or (a quoted field with doubled quotes, or text after a closing
// quote) into the parser's storage for the row. Valid only until the row
// callback returns.
struct CsvField {
  std::string_view text;
  int line = 0;    // 1-based
  int column = 0;  // 1-based, in characters
};

// Returns false (with errors) on invalid UTF-8 or broken quoting.
bool ParseCsv(std::string_view text, const std::string& file, Diagnostics* diag,
              CsvTable* table);

// Streaming form: directives and delimiter go to `table` (whose rows stay
// empty) and each row, header first, is handed to `on_row` as soon as it is
// complete; `on_row` returns false to stop early. Memory stays at one row.
// Syntax errors stop after `max_syntax_errors` (LoadOptions::max_errors).
bool ParseCsvRows(std::string_view text, const std::string& file,
                  Diagnostics* diag, CsvTable* table,
                  const std::function<bool(std::vector<CsvCell>&)>& on_row,
                  int max_syntax_errors = 50);

// ParseCsvRows without a string per cell: the same rows, errors and
// positions, each row handed over as views (CsvField). For readers that
// look at every cell once (bid files). A row without quotes is read cell by
// cell from a bit mask of the bytes that end a cell (64 bytes at a time);
// `plain_rows` false reads every row byte by byte (the same result: tests
// compare the two).
bool ParseCsvFields(std::string_view text, const std::string& file,
                    Diagnostics* diag, CsvTable* table,
                    const std::function<bool(std::vector<CsvField>&)>& on_row,
                    int max_syntax_errors = 50, bool plain_rows = true);

// `text` with every carriage return that is not followed by a line feed
// turned into a line feed: old Mac files end lines with CR alone, and CSV
// and YAML (1.2 counts a lone CR as a line break) read them as lines. The
// same length, so byte positions do not move; copies into `storage` only
// when it changes something.
std::string_view LoneCrToLf(std::string_view text, std::string* storage);

}  // namespace circa::io

#endif  // CIRCA_ENGINE_IO_CSV_H_
