// The output formats of a batch (docs/batch.md): table, Markdown, CSV and
// JSON lines, written tender by tender so that a batch streams.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "circa/batch.h"
#include "explain/batch_words.h"
#include "util/ascii.h"
#include "util/display_text.h"
#include "util/json_string.h"

namespace circa {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kCell = 14;

std::string Row(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string cell =
        util::SanitizeForDisplay(cells[i], util::Newlines::kEscape);
    if (i + 1 < cells.size() && cell.size() < kCell) cell.resize(kCell, ' ');
    out += cell;
    if (i + 1 < cells.size()) out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\n";
}

std::string MdRow(const std::vector<std::string>& cells) {
  std::string out = "|";
  for (const std::string& c : cells) {
    std::string cell = util::SanitizeForDisplay(c, util::Newlines::kEscape);
    std::string escaped;
    for (const char ch : cell) {
      if (ch == '|') escaped += '\\';
      escaped += ch;
    }
    out += " " + escaped + " |";
  }
  return out + "\n";
}

std::string CsvRow(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& c = cells[i];
    const bool quote = c.find_first_of(",\"\n\r") != std::string::npos ||
                       (!c.empty() && (c[0] == '=' || c[0] == '+' ||
                                       c[0] == '-' || c[0] == '@'));
    if (!quote) {
      out += c;
      continue;
    }
    out += '"';
    if (!c.empty() &&
        (c[0] == '=' || c[0] == '+' || c[0] == '-' || c[0] == '@')) {
      out += '\'';
    }
    for (const char ch : c) {
      if (ch == '"') out += '"';
      out += ch;
    }
    out += '"';
  }
  return out + "\n";
}

// Numbers in CSV and JSON: plain, rounded to 6 decimals.
double R6(double v) { return std::round(v * 1e6) / 1e6; }

std::vector<std::string> CsvHeadings(
    const std::vector<std::string>& scenarios) {
  std::vector<std::string> out = {"tender",        "path",
                                  "product_group", "year",
                                  "buyer",         "cpv",
                                  "bids",          "ranked",
                                  "winner",        "published_winner",
                                  "mismatch",      "margin",
                                  "lowest_price",  "winner_price",
                                  "lowest_won",    "premium",
                                  "price_share",   "circular_share",
                                  "reversals",     "acceptability",
                                  "error"};
  for (const std::string& s : scenarios) {
    out.push_back(s + ":winner");
    out.push_back(s + ":flip");
    out.push_back(s + ":margin");
  }
  return out;
}

// A number as nlohmann's dump() writes it (shortest round trip, "null" when
// not finite), without building a json value.
void AppendNumber(std::string* out, double v) {
  if (!std::isfinite(v)) {
    out->append("null");
    return;
  }
  char buffer[64];
  const char* end =
      nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, v);
  out->append(buffer, static_cast<std::size_t>(end - buffer));
}

std::string Num(double v) {
  std::string out;
  AppendNumber(&out, R6(v));
  return out;
}

// One JSON-lines record written in place, byte for byte what nlohmann's
// compact dump() of the same ordered_json writes (no DOM, no allocation
// per member): keys in the order written, strings escaped as dump() does
// (non-ASCII text goes through nlohmann, which checks its UTF-8).
class JsonLine {
 public:
  explicit JsonLine(std::string* out) : out_(out) {}
  void Begin() { Open('{'); }
  void End() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key) {
    Separate();
    AppendString(key);
    out_->push_back(':');
    after_key_ = true;
  }
  void String(std::string_view v) {
    Value();
    AppendString(v);
  }
  void Number(double v) {
    Value();
    AppendNumber(out_, v);
  }
  void Integer(long long v) {
    Value();
    char buffer[24];
    const auto done = std::to_chars(buffer, buffer + sizeof buffer, v);
    out_->append(buffer, static_cast<std::size_t>(done.ptr - buffer));
  }
  void Bool(bool v) {
    Value();
    out_->append(v ? "true" : "false");
  }

 private:
  void Separate() {
    if (!first_) out_->push_back(',');
    first_ = false;
  }
  void Value() {
    if (after_key_) {
      after_key_ = false;
    } else {
      Separate();
    }
  }
  void Open(char bracket) {
    Value();
    out_->push_back(bracket);
    first_ = true;
  }
  void Close(char bracket) {
    out_->push_back(bracket);
    first_ = false;
  }
  void AppendString(std::string_view text) {
    util::AppendJsonString(out_, text);
  }

  std::string* out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace

std::optional<BatchFormat> BatchFormatFromString(std::string_view text) {
  const std::string t = util::AsciiLower(text);
  if (t == "table") return BatchFormat::kTable;
  if (t == "md" || t == "markdown") return BatchFormat::kMarkdown;
  if (t == "csv") return BatchFormat::kCsv;
  if (t == "jsonl" || t == "json-lines") return BatchFormat::kJsonLines;
  return std::nullopt;
}

std::string RenderBatchHeader(BatchFormat format,
                              const std::vector<std::string>& scenarios) {
  switch (format) {
    case BatchFormat::kTable:
      return Row(explain::BatchTenderHeadings(scenarios));
    case BatchFormat::kMarkdown: {
      const auto h = explain::BatchTenderHeadings(scenarios);
      std::string out = MdRow(h) + "|";
      for (std::size_t i = 0; i < h.size(); ++i) out += "---|";
      return out + "\n";
    }
    case BatchFormat::kCsv:
      return CsvRow(CsvHeadings(scenarios));
    case BatchFormat::kJsonLines:
      return "";
  }
  return "";
}

std::string RenderBatchTender(BatchFormat format, const TenderBatchResult& r) {
  switch (format) {
    case BatchFormat::kTable:
      if (!r.error.empty()) return Row({r.info.reference, "error: " + r.error});
      return Row(explain::BatchTenderCells(r));
    case BatchFormat::kMarkdown:
      if (!r.error.empty())
        return MdRow({r.info.reference, "error: " + r.error});
      return MdRow(explain::BatchTenderCells(r));
    case BatchFormat::kCsv: {
      std::vector<std::string> c = {
          r.info.reference,
          r.path,
          r.info.product_group,
          r.info.Year() > 0 ? std::to_string(r.info.Year()) : "",
          r.info.buyer,
          r.info.cpv,
          std::to_string(r.bids),
          std::to_string(r.ranked),
          r.winner,
          r.info.published_winner,
          r.mismatch ? "1" : "0",
          Num(r.margin),
          r.has_price ? Num(r.lowest_price) : "",
          r.has_price ? Num(r.winner_price) : "",
          r.has_price ? (r.lowest_won ? "1" : "0") : "",
          r.has_price ? Num(r.premium) : "",
          Num(r.price_share),
          Num(r.circular_share),
          r.reversal_probed ? std::to_string(r.reversals) : "",
          r.acceptability ? Num(*r.acceptability) : "",
          r.error};
      for (const ScenarioResult& s : r.scenarios) {
        c.push_back(s.error.empty() ? s.winner : "");
        c.push_back(s.error.empty() ? (s.flip ? "1" : "0") : "");
        c.push_back(s.error.empty() ? Num(s.margin) : "");
      }
      return CsvRow(c);
    }
    case BatchFormat::kJsonLines: {
      std::string out;
      out.reserve(512);
      JsonLine j(&out);
      j.Begin();
      j.Key("record");
      j.String("tender");
      j.Key("tender");
      j.String(r.info.reference);
      if (r.tender_id > 0) {
        j.Key("archive_id");
        j.Integer(r.tender_id);
      }
      j.Key("path");
      j.String(r.path);
      j.Key("product_group");
      j.String(r.info.product_group);
      j.Key("year");
      j.Integer(r.info.Year());
      j.Key("buyer");
      j.String(r.info.buyer);
      j.Key("cpv");
      j.String(r.info.cpv);
      if (!r.error.empty()) {
        j.Key("error");
        j.String(r.error);
        j.End();
        out.push_back('\n');
        return out;
      }
      j.Key("bids");
      j.Integer(r.bids);
      j.Key("ranked");
      j.Integer(r.ranked);
      j.Key("winner");
      j.String(r.winner);
      j.Key("published_winner");
      j.String(r.info.published_winner);
      j.Key("mismatch");
      j.Bool(r.mismatch);
      j.Key("margin");
      j.Number(R6(r.margin));
      if (r.has_price) {
        j.Key("lowest_price");
        j.Number(R6(r.lowest_price));
        j.Key("winner_price");
        j.Number(R6(r.winner_price));
        j.Key("lowest_won");
        j.Bool(r.lowest_won);
        j.Key("premium");
        j.Number(R6(r.premium));
      }
      j.Key("price_share");
      j.Number(R6(r.price_share));
      j.Key("circular_share");
      j.Number(R6(r.circular_share));
      j.Key("strategy_share");
      j.Begin();
      for (std::size_t k = 0; k < r.strategy_share.size(); ++k) {
        if (r.strategy_share[k] > 0) {
          j.Key(ToString(AllStrategies()[k]));
          j.Number(R6(r.strategy_share[k]));
        }
      }
      j.End();
      if (r.reversal_probed) {
        j.Key("reversals");
        j.Integer(r.reversals);
      }
      if (r.acceptability) {
        j.Key("acceptability");
        j.Number(R6(*r.acceptability));
      }
      j.Key("scenarios");
      j.BeginArray();
      for (const ScenarioResult& sc : r.scenarios) {
        j.Begin();
        j.Key("scenario");
        j.String(sc.scenario);
        if (!sc.error.empty()) {
          j.Key("error");
          j.String(sc.error);
        } else {
          j.Key("winner");
          j.String(sc.winner);
          j.Key("flip");
          j.Bool(sc.flip);
          j.Key("margin");
          j.Number(R6(sc.margin));
        }
        j.End();
      }
      j.EndArray();
      j.End();
      out.push_back('\n');
      return out;
    }
  }
  return "";
}

std::string RenderBatchSummary(BatchFormat format,
                               const BatchSummary& summary) {
  std::string out;
  switch (format) {
    case BatchFormat::kTable:
    case BatchFormat::kMarkdown:
      for (const BatchGroup& g : summary.groups) {
        const std::string title = explain::BatchGroupTitle(g);
        out += format == BatchFormat::kMarkdown ? "\n## " + title + "\n\n"
                                                : "\n" + title + "\n";
        for (const std::string& line :
             explain::BatchGroupLines(g, summary.scenarios)) {
          out += (format == BatchFormat::kMarkdown ? "- " : "  ") + line + "\n";
        }
      }
      return out;
    case BatchFormat::kCsv:
      return "";
    case BatchFormat::kJsonLines:
      for (const BatchGroup& g : summary.groups) {
        Json j;
        j["record"] = "summary";
        j["product_group"] = g.product_group;
        j["year"] = g.year;
        j["tenders"] = g.tenders;
        j["failed"] = g.failed;
        j["mismatches"] = g.mismatches;
        j["fragile"] = g.fragile;
        Json flips = Json::object();
        for (std::size_t s = 0; s < summary.scenarios.size(); ++s) {
          flips[summary.scenarios[s]] = {
              {"flips", g.flips[s]}, {"not_applicable", g.scenario_errors[s]}};
        }
        j["scenarios"] = flips;
        j["margins"] = {{"min", R6(g.margins.min)},
                        {"p25", R6(g.margins.p25)},
                        {"median", R6(g.margins.median)},
                        {"p75", R6(g.margins.p75)},
                        {"max", R6(g.margins.max)}};
        j["with_price"] = g.with_price;
        j["lowest_won"] = g.lowest_won;
        j["mean_premium"] = R6(g.mean_premium);
        j["mean_price_share"] = R6(g.mean_price_share);
        j["mean_circular_share"] = R6(g.mean_circular_share);
        Json bands = Json::array();
        for (const PriceWeightBand& b : g.bands) {
          bands.push_back({{"from", R6(b.lo)},
                           {"to", R6(b.hi)},
                           {"tenders", b.tenders},
                           {"lowest_won", b.lowest_won},
                           {"mean_premium", R6(b.mean_premium)}});
        }
        j["price_weight_bands"] = bands;
        out += j.dump() + "\n";
      }
      return out;
  }
  return out;
}

}  // namespace circa
