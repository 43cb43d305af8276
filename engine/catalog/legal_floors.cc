// The legal floors table (criteria/legal/floors.csv) that lint checks model
// sets against (docs/catalog.md, "Legal floors"). Kept as CSV, not YAML,
// because every *.yaml file in a library directory is read as a criteria set.
#include <filesystem>

#include "circa/catalog.h"
#include "circa/library.h"
#include "io/csv.h"
#include "io/file.h"
#include "io/numbers.h"

namespace circa {

std::string DefaultLegalFloorsFile() {
  std::error_code ec;
  for (const std::string& dir : DefaultLibraryDirs()) {
    const std::filesystem::path file =
        std::filesystem::path(dir) / "legal" / "floors.csv";
    if (std::filesystem::is_regular_file(file, ec)) return file.string();
  }
  return "";
}

Result<std::vector<LegalFloor>> LoadLegalFloors(const std::string& file) {
  Result<std::vector<LegalFloor>> out;
  Diagnostics diag;
  const std::optional<std::string> text =
      io::ReadFile(file, std::size_t{1} << 20, &diag);
  io::CsvTable table;
  if (!text || !io::ParseCsv(*text, file, &diag, &table)) {
    out.diagnostics = diag.Take();
    return out;
  }
  const std::vector<std::string> header = {
      "id",   "product-group", "kind", "field",   "min",
      "unit", "in-force",      "law",  "article", "url"};
  if (table.rows.empty() || table.rows[0].size() != header.size()) {
    diag.Error({file, 1, 1}, "header",
               "expected the columns id, product-group, kind, field, min, "
               "unit, in-force, law, article, url");
    out.diagnostics = diag.Take();
    return out;
  }
  for (std::size_t c = 0; c < header.size(); ++c) {
    const io::CsvCell& cell = table.rows[0][c];
    if (cell.text != header[c]) {
      diag.Error(
          {file, cell.line, cell.column}, "header",
          "expected column \"" + header[c] + "\", got \"" + cell.text + "\"");
    }
  }
  std::vector<LegalFloor> floors;
  for (std::size_t r = 1; r < table.rows.size(); ++r) {
    const std::vector<io::CsvCell>& row = table.rows[r];
    if (row.size() != header.size()) {
      diag.Error({file, row.front().line, 1}, "row",
                 "expected " + std::to_string(header.size()) + " fields, got " +
                     std::to_string(row.size()));
      continue;
    }
    LegalFloor f;
    f.id = row[0].text;
    f.product_group = row[1].text;
    f.field = row[3].text;
    f.unit = row[5].text;
    f.in_force = row[6].text;
    f.law = row[7].text;
    f.article = row[8].text;
    f.url = row[9].text;
    const std::string path = "floors[" + f.id + "]";
    if (row[2].text == "obligation") {
      f.obligation = true;
    } else if (row[2].text == "minimum") {
      if (!io::ParsePlainNumber(row[4].text, &f.min)) {
        diag.Error({file, row[4].line, row[4].column}, path + ".min",
                   "expected the legal minimum, a number, got \"" +
                       row[4].text + "\"");
        continue;
      }
    } else {
      diag.Error({file, row[2].line, row[2].column}, path + ".kind",
                 "expected minimum or obligation, got \"" + row[2].text + "\"");
      continue;
    }
    floors.push_back(std::move(f));
  }
  out.diagnostics = diag.Take();
  if (!HasErrors(out.diagnostics)) out.value = std::move(floors);
  return out;
}

}  // namespace circa
