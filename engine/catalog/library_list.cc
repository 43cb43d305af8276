// ListLibrary: the model sets of the library directories, for `circa
// criteria list`.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "catalog/text_util.h"
#include "circa/catalog.h"
#include "circa/library.h"

namespace circa {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Columns on screen: UTF-8 continuation bytes take none.
std::size_t Width(const std::string& text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

std::vector<LibraryEntry> ListLibrary(const std::vector<std::string>& dirs,
                                      std::string_view group,
                                      const LoadOptions& options) {
  std::vector<LibraryEntry> sets;
  std::vector<LibraryEntry> broken;
  for (const std::string& file : LibraryFiles(dirs)) {
    LibraryEntry e;
    e.file = file;
    const Result<CriteriaSet> loaded = LoadCriteriaFile(file, options);
    if (!loaded.ok()) {
      for (const Diagnostic& d : loaded.diagnostics) {
        if (d.severity == Severity::kError) {
          e.error = d.ToString();
          break;
        }
      }
      if (e.error.empty()) e.error = file + ": cannot be loaded";
      broken.push_back(std::move(e));
      continue;
    }
    const CriteriaSet& s = *loaded.value;
    if (!group.empty() && Lower(s.product_group) != Lower(group)) continue;
    e.id = s.id;
    e.version = s.version;
    e.title = s.title;
    e.product_group = s.product_group;
    e.strategies = s.Strategies();
    e.criteria = static_cast<int>(s.Leaves().size());
    sets.push_back(std::move(e));
  }
  std::stable_sort(sets.begin(), sets.end(),
                   [](const LibraryEntry& a, const LibraryEntry& b) {
                     if (a.id != b.id) return a.id < b.id;
                     return CompareVersions(a.version, b.version) < 0;
                   });
  sets.insert(sets.end(), broken.begin(), broken.end());
  return sets;
}

std::string RenderLibraryTable(const std::vector<LibraryEntry>& entries) {
  std::vector<std::vector<std::string>> rows = {
      {"id", "version", "title", "product group", "strategies"}};
  std::vector<const LibraryEntry*> broken;
  for (const LibraryEntry& e : entries) {
    if (!e.error.empty()) {
      broken.push_back(&e);
      continue;
    }
    const std::string strategies = catalog::StrategiesText(e.strategies);
    rows.push_back({e.id, e.version, e.title,
                    e.product_group.empty() ? "-" : e.product_group,
                    strategies.empty() ? "-" : strategies});
  }
  std::string out;
  if (rows.size() == 1) {
    out = "no model sets\n";
  } else {
    std::vector<std::size_t> width(rows[0].size(), 0);
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        width[i] = std::max(width[i], Width(row[i]));
      }
    }
    for (const auto& row : rows) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        line += row[i];
        if (i + 1 < row.size()) {
          line.append(width[i] - Width(row[i]) + 2, ' ');
        }
      }
      out += line + "\n";
    }
  }
  if (!broken.empty()) {
    out += "not loaded (first error):\n";
    for (const LibraryEntry* e : broken) out += "  " + e->error + "\n";
  }
  return out;
}

std::string RenderLibraryJson(const std::vector<LibraryEntry>& entries) {
  using nlohmann::ordered_json;
  ordered_json sets = ordered_json::array();
  for (const LibraryEntry& e : entries) {
    ordered_json strategies = ordered_json::array();
    for (const Strategy s : e.strategies) strategies.push_back(ToString(s));
    ordered_json j = {{"id", e.id},
                      {"version", e.version},
                      {"title", e.title},
                      {"product_group", e.product_group},
                      {"strategies", strategies},
                      {"criteria", e.criteria},
                      {"file", e.file}};
    j["error"] =
        e.error.empty() ? ordered_json(nullptr) : ordered_json(e.error);
    sets.push_back(j);
  }
  ordered_json out = {{"schema", "circa.library/1"}, {"sets", sets}};
  return out.dump(2) + "\n";
}

}  // namespace circa
