// Workbook bid files (issue 15): a 10,000-row .xlsx sheet (the 30-criterion
// set's bids of bench_data, numbers as number cells, text as shared
// strings) read and checked by LoadBidsFile; the same bids as CSV for
// comparison in bench/RESULTS.md (BM_LoadBidsCsv).
#include <benchmark/benchmark.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_data.h"
#include "circa/circa.h"

namespace circa::bench {
namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (c == '&') {
      out += "&amp;";
    } else if (c == '<') {
      out += "&lt;";
    } else {
      out += c;
    }
  }
  return out;
}

bool IsNumber(const std::string& s) {
  if (s.empty()) return false;
  for (const char c : s) {
    if ((c < '0' || c > '9') && c != '.' && c != '-') return false;
  }
  return true;
}

// Writes the CSV `csv` (comma-separated, no quotes) as an .xlsx at `path`.
bool WriteXlsx(const std::string& csv, const std::string& path) {
  std::vector<std::string> strings;
  std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://"
      "schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
  std::size_t pos = 0;
  int row = 0;
  while (pos < csv.size()) {
    std::size_t end = csv.find('\n', pos);
    if (end == std::string::npos) end = csv.size();
    const std::string line = csv.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    sheet += "<row r=\"" + std::to_string(++row) + "\">";
    std::size_t start = 0;
    while (true) {
      const std::size_t comma = line.find(',', start);
      const std::string cell =
          line.substr(start, comma == std::string::npos ? std::string::npos
                                                        : comma - start);
      if (row > 1 && IsNumber(cell)) {
        sheet += "<c><v>" + cell + "</v></c>";
      } else {
        sheet += "<c t=\"s\"><v>" + std::to_string(strings.size()) + "</v></c>";
        strings.push_back(cell);
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    sheet += "</row>";
  }
  sheet += "</sheetData></worksheet>";
  std::string sst =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://"
      "schemas.openxmlformats.org/spreadsheetml/2006/main\">";
  for (const std::string& s : strings)
    sst += "<si><t>" + Escape(s) + "</t></si>";
  sst += "</sst>";
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats."
       "org/package/2006/content-types\"/>"},
      {"xl/workbook.xml",
       "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas."
       "openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://"
       "schemas.openxmlformats.org/officeDocument/2006/relationships\">"
       "<sheets><sheet name=\"Bids\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
       "</workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
       "openxmlformats.org/package/2006/relationships\"><Relationship "
       "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
       "officeDocument/2006/relationships/worksheet\" "
       "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/sharedStrings.xml", sst},
      {"xl/worksheets/sheet1.xml", sheet},
  };
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (zip == nullptr) return false;
  for (const auto& [name, body] : parts) {
    zip_source_t* src = zip_source_buffer(zip, body.data(), body.size(), 0);
    if (src == nullptr ||
        zip_file_add(zip, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) {
      zip_discard(zip);
      return false;
    }
  }
  return zip_close(zip) == 0;
}

void BM_LoadBidsXlsx(benchmark::State& state) {
  const CriteriaSet& set = Criteria30();
  const std::string path =
      (std::filesystem::temp_directory_path() / "circa-bench-bids.xlsx")
          .string();
  if (!WriteXlsx(BidsCsv(set, state.range(0)), path)) {
    state.SkipWithError("cannot write the workbook");
    return;
  }
  for (auto _ : state) {
    Result<BidSet> r = LoadBidsFile(path, set);
    if (!r.ok()) state.SkipWithError("bids did not load");
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(
      state.iterations() *
      static_cast<int64_t>(std::filesystem::file_size(path)));
  std::filesystem::remove(path);
}
BENCHMARK(BM_LoadBidsXlsx)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace circa::bench
