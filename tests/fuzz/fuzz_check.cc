#include "fuzz/fuzz_check.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "io/file.h"

namespace circa_fuzz {
namespace {

// Byte offset of the first raw control character (see CheckDisplayText),
// or npos. Written here, independently of engine/util/display_text.cc.
std::size_t FirstRawControl(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7F) return i;
    const auto at = [&](std::size_t k) {
      return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    if (b == 0xC2 && at(1) >= 0x80 && at(1) <= 0x9F) return i;
    if (b == 0xD8 && at(1) == 0x9C) return i;
    if (b == 0xE2 && at(1) == 0x80 &&
        (at(2) == 0x8E || at(2) == 0x8F || (at(2) >= 0xAA && at(2) <= 0xAE))) {
      return i;
    }
    if (b == 0xE2 && at(1) == 0x81 && at(2) >= 0xA6 && at(2) <= 0xA9) return i;
  }
  return std::string_view::npos;
}

// Rows of unquoted fields, as RFC 4180 reads what circa writes.
std::vector<std::vector<std::string>> ParseCsv(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else {
      field += c;
    }
  }
  FUZZ_CHECK(!quoted && field.empty() && row.empty(),
             "CSV output does not end with a complete row");
  return rows;
}

// CSV: every row as wide as the header; the header and the text columns
// (bid, supplier) never start with a formula character.
void CheckCsv(const std::string& csv) {
  const auto rows = ParseCsv(csv);
  FUZZ_CHECK(!rows.empty() && rows[0].size() >= 3, "CSV header");
  const auto formula = [](const std::string& f) {
    return !f.empty() && std::string_view("=+-@\t\r").find(f.front()) !=
                             std::string_view::npos;
  };
  for (const std::string& f : rows[0]) {
    FUZZ_CHECK(!formula(f), "CSV header field starts a formula: " + f);
  }
  for (std::size_t r = 1; r < rows.size(); ++r) {
    FUZZ_CHECK(rows[r].size() == rows[0].size(),
               "CSV row " + std::to_string(r) + " has another field count");
    for (const std::size_t c : {std::size_t{1}, std::size_t{2}}) {
      FUZZ_CHECK(!formula(rows[r][c]),
                 "CSV text field starts a formula: " + rows[r][c]);
    }
  }
}

// True when text[i] follows an odd number of backslashes.
bool Escaped(std::string_view text, std::size_t i) {
  std::size_t n = 0;
  while (n < i && text[i - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

// Markdown: no raw <, every & an entity, headings only the report's own,
// no unescaped inline markup outside the criteria set's code span, and
// every row of a table as wide as its header.
void CheckMarkdown(const std::string& md) {
  int header = -1;
  bool in_table = false;
  std::size_t pos = 0;
  while (pos < md.size()) {
    std::size_t end = md.find('\n', pos);
    if (end == std::string::npos) end = md.size();
    std::string line = md.substr(pos, end - pos);
    pos = end + 1;
    FUZZ_CHECK(line.find('<') == std::string::npos,
               "raw < in Markdown: " + line);
    for (std::size_t i = line.find('&'); i != std::string::npos;
         i = line.find('&', i + 1)) {
      FUZZ_CHECK(line.compare(i, 4, "&lt;") == 0 ||
                     line.compare(i, 4, "&gt;") == 0 ||
                     line.compare(i, 5, "&amp;") == 0,
                 "raw & in Markdown: " + line);
    }
    if (!line.empty() && line[0] == '#') {
      FUZZ_CHECK(line.rfind("# ", 0) == 0 || line.rfind("## ", 0) == 0 ||
                     line.rfind("### ", 0) == 0,
                 "a heading the report does not write: " + line);
    }
    if (line.rfind("Criteria set `", 0) == 0) {
      // The set id as a code span: from the opening fence to the same
      // fence closing it.
      const std::size_t open = line.find('`');
      const std::size_t len = line.find_first_not_of('`', open) - open;
      const std::size_t close = line.find(std::string(len, '`'), open + len);
      FUZZ_CHECK(close != std::string::npos, "unclosed code span: " + line);
      line.erase(open, close + len - open);
    }
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (std::string_view("[]*_`~$").find(line[i]) != std::string_view::npos) {
        FUZZ_CHECK(Escaped(line, i), "unescaped markup in Markdown: " + line);
      }
    }
    if (line.empty() || line[0] != '|') {
      in_table = false;
      continue;
    }
    int cells = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '|' && !Escaped(line, i)) ++cells;
    }
    if (!in_table) header = cells;
    in_table = true;
    FUZZ_CHECK(cells == header, "Markdown table row split: " + line);
  }
}

// JSON: parses, and every number the schema promises is a number (NaN
// and infinity would be written as null).
void CheckJson(const std::string& text) {
  FUZZ_CHECK(nlohmann::json::accept(text), "RenderJson wrote invalid JSON");
  const nlohmann::json j = nlohmann::json::parse(text);
  const auto number = [](const nlohmann::json& v, const std::string& what) {
    FUZZ_CHECK(v.is_number(), what + " is not a number: " + v.dump());
  };
  number(j["criteria_set"]["scale"], "criteria_set.scale");
  for (const auto& c : j["criteria"]) number(c["weight"], "criteria[].weight");
  for (const auto& b : j["bids"]) {
    number(b["total"], "bids[].total");
    for (const auto& [key, value] : b["subtotals"].items()) {
      number(value, "bids[].subtotals." + key);
    }
    for (const auto& c : b["criteria"]) {
      for (const char* key : {"value", "score", "weight", "points"}) {
        number(c[key], std::string("bids[].criteria[].") + key);
      }
    }
  }
}

}  // namespace

void CheckDisplayText(std::string_view text, const std::string& what) {
  const std::size_t bad = FirstRawControl(text);
  FUZZ_CHECK(bad == std::string_view::npos,
             what + ": raw control character at byte " + std::to_string(bad));
}

template <typename T>
void CheckResult(const circa::Result<T>& result, const std::string& file) {
  FUZZ_CHECK(result.ok() == !circa::HasErrors(result.diagnostics),
             "value present although errors were reported, or the reverse");
  for (const circa::Diagnostic& d : result.diagnostics) {
    const std::string text = d.ToString();
    FUZZ_CHECK(d.where.file == file, text);
    FUZZ_CHECK(d.where.line >= 0 && d.where.column >= 0, text);
    FUZZ_CHECK(!d.message.empty(), text);
    int line = 0;
    int column = 0;
    FUZZ_CHECK(circa::io::CheckUtf8(text, &line, &column),
               "diagnostic is not valid UTF-8 at column " +
                   std::to_string(column) + ": " + text);
    CheckDisplayText(text, "diagnostic");
    FUZZ_CHECK(text.find('\n') == std::string::npos,
               "diagnostic on more than one line: " + text);
  }
}

template void CheckResult(const circa::Result<circa::CriteriaSet>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::BidSet>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::CostProfile>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::PanelScores>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::AhpJudgements>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::AhpResult>&,
                          const std::string&);
template void CheckResult(const circa::Result<circa::ImportedNotice>&,
                          const std::string&);

void CheckEvaluation(const circa::CriteriaSet& set, const circa::Scorer& scorer,
                     const circa::BidSet& bids) {
  const circa::Evaluation e = scorer.Evaluate(bids);
  const auto n = static_cast<std::size_t>(bids.size());
  FUZZ_CHECK(static_cast<std::size_t>(e.totals.size()) == n, "totals size");
  for (Eigen::Index i = 0; i < e.totals.size(); ++i) {
    FUZZ_CHECK(
        !std::isnan(e.totals[i]),
        "total of bid " + bids.ids[static_cast<std::size_t>(i)] + " is NaN");
  }
  FUZZ_CHECK(e.order.size() == n && e.rank.size() == n, "ranking size");
  std::vector<bool> seen(n, false);
  for (const int i : e.order) {
    FUZZ_CHECK(i >= 0 && static_cast<std::size_t>(i) < n &&
                   !seen[static_cast<std::size_t>(i)],
               "order is not a permutation");
    seen[static_cast<std::size_t>(i)] = true;
    const int rank = e.rank[static_cast<std::size_t>(i)];
    const bool ranked =
        e.status[static_cast<std::size_t>(i)] == circa::BidStatus::kRanked;
    FUZZ_CHECK(
        ranked ? rank >= 1 && static_cast<std::size_t>(rank) <= n : rank == 0,
        "rank");
  }

  circa::Report report = circa::MakeReport(set, bids, scorer, e);
  for (const int width : {40, 100}) {
    report.width = width;
    const std::string table = circa::RenderTable(report);
    FUZZ_CHECK(!table.empty(), "empty table");
    CheckDisplayText(table, "table");
  }
  const std::string csv = circa::RenderCsv(report);
  FUZZ_CHECK(!csv.empty(), "empty csv");
  CheckDisplayText(csv, "csv");
  CheckCsv(csv);
  const std::string md = circa::RenderMarkdown(report);
  FUZZ_CHECK(!md.empty(), "empty markdown");
  CheckDisplayText(md, "markdown");
  CheckMarkdown(md);
  const std::string json = circa::RenderJson(report);
  CheckDisplayText(json, "json");
  CheckJson(json);
}

circa::CriteriaSet LoadFixedCriteria(std::string_view yaml) {
  circa::Result<circa::CriteriaSet> r =
      circa::ParseCriteria(yaml, "criteria.yaml");
  FUZZ_CHECK(r.ok(), "the fixed criteria set does not load");
  return std::move(*r.value);
}

}  // namespace circa_fuzz
